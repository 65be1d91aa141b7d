package katas.poolmap;

import static katas.testkit.ProcessAssert.assertWorkerProcesses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import katas.poolmap.fixtures.Unshippable;
import katas.process.ProcessTree;
import katas.testkit.Bounded;
import katas.testkit.KataTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@KataTest
class ProcessPoolTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();

    // ---- Tasks. They run in the worker JVMs, so they must not read static state of the test JVM. ----

    /** The square of x and the pid of the process that computed it. */
    static List<Long> squareAndPid(int x) {
        return List.of((long) x * x, ProcessHandle.current().pid());
    }

    /** Sleeps longer for smaller x, so the first items finish last. */
    static List<Long> slowerForSmallerItems(int x) {
        sleep((7 - x) * 40L);
        return squareAndPid(x);
    }

    static long pidAfterSleeping(long millis) {
        sleep(millis);
        return ProcessHandle.current().pid();
    }

    /** The moment the task ran (System.nanoTime: one clock for all processes) and the pid of its process. */
    static List<Long> clockAndPid(int x) {
        return List.of(System.nanoTime(), ProcessHandle.current().pid());
    }

    /** Prints a lot to both of its process's streams, then returns the square of x and the pid. */
    static List<Long> noisySquareAndPid(int x) {
        String noise = "a task that logs as it works, item " + x + " ".repeat(40);
        for (int i = 0; i < 1000; i++) {
            System.out.println(noise);
            System.err.println(noise);
        }
        return squareAndPid(x);
    }

    /** A payload far bigger than a pipe holds: the item's text reversed, with the pid that did it. */
    static String reversedWithPid(String text) {
        return new StringBuilder(text).reverse() + " by " + ProcessHandle.current().pid();
    }

    /** The first argument in the hundreds, the second in the units (so swapped arguments show), and the pid. */
    static List<Long> firstThenSecondAndPid(int first, int second) {
        return List.of(first * 100L + second, ProcessHandle.current().pid());
    }

    /** The square of x, the moment its task finished, and the pid; the item 9 takes 2 s. */
    static List<Long> squareClockAndPidWithASlowNine(int x) {
        if (x == 9) {
            sleep(2000);
        }
        return List.of((long) x * x, System.nanoTime(), ProcessHandle.current().pid());
    }

    static long negativeAfterATenthOfASecond(int x) {
        sleep(100);
        return -x;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---- Helpers for the assertions. ----

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** pool.map, but a map that never returns fails with a message instead of the bare class timeout. */
    private static <T, R> List<R> map(ProcessPool pool, Task<T, R> task, List<T> items) {
        return map(pool, task, items, PATIENCE);
    }

    private static <T, R> List<R> map(ProcessPool pool, Task<T, R> task, List<T> items, Duration patience) {
        return Bounded.within(patience, "map() of " + items.size() + " items whose tasks take milliseconds",
                "map() is waiting for a reply that will never come: a chunk that was never sent (or not flushed), a "
                + "reply the reader thread did not pass on, or a worker blocked writing to a stderr pipe that nobody "
                + "reads.").get(() -> pool.map(task, items));
    }

    private static List<Long> values(List<List<Long>> results) {
        return results.stream().map(pair -> pair.get(0)).collect(Collectors.toList());
    }

    private static Set<Long> pids(List<List<Long>> results) {
        return results.stream().map(pair -> pair.get(1)).collect(Collectors.toSet());
    }

    /** The work was done in the pool's workers, as reported from inside them. */
    private static void assertRanInTheWorkers(Set<Long> reportedPids, ProcessPool pool) {
        assertThat(reportedPids)
                .as("pids the task reported from where it ran; the test JVM is pid %d. If it is among them, the "
                        + "task ran in the test JVM (a thread or a direct call) instead of in a worker process",
                        TEST_JVM)
                .doesNotContain(TEST_JVM)
                .isSubsetOf(pool.workerPids());
    }

    private static Duration medianGapBetweenTasksOfTheSameWorker(List<List<Long>> clockAndPid) {
        Map<Long, List<Long>> clocksByWorker = clockAndPid.stream().collect(Collectors.groupingBy(
                pair -> pair.get(1), Collectors.mapping(pair -> pair.get(0), Collectors.toList())));
        List<Long> gaps = new ArrayList<>();
        for (List<Long> clocks : clocksByWorker.values()) {
            Collections.sort(clocks);
            for (int i = 1; i < clocks.size(); i++) {
                gaps.add(clocks.get(i) - clocks.get(i - 1));
            }
        }
        Collections.sort(gaps);
        return Duration.ofNanos(gaps.get(gaps.size() / 2));
    }

    // ---- The tests. ----

    @Test
    @Tag("task:1")
    void squares_come_back_in_the_order_of_the_items() {
        try (ProcessPool pool = new ProcessPool(2)) {
            List<List<Long>> results = map(pool, ProcessPoolTest::squareAndPid, List.of(1, 2, 3, 45, 6, 8, 7, 9, 5, 6));

            assertThat(values(results))
                    .as("map(square, [1, 2, 3, 45, 6, 8, 7, 9, 5, 6]): one result per item, in the items' order")
                    .containsExactly(1L, 4L, 9L, 2025L, 36L, 64L, 49L, 81L, 25L, 36L);
            assertRanInTheWorkers(pids(results), pool);
        }
    }

    @Test
    @Tag("task:1")
    void a_pool_needs_at_least_one_worker_process() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .as("new ProcessPool(0): a pool of 0 workers could never run anything; reject the size at once")
                .isThrownBy(() -> new ProcessPool(0).close());
        assertThatExceptionOfType(IllegalArgumentException.class)
                .as("new ProcessPool(-1): a pool of -1 workers; reject the size at once")
                .isThrownBy(() -> new ProcessPool(-1).close());

        try (ProcessPool pool = new ProcessPool(1)) {
            assertWorkerProcesses(pool.workerPids(), 1);
            assertRanInTheWorkers(pids(map(pool, ProcessPoolTest::squareAndPid, List.of(1, 2, 3))), pool);
        }
    }

    @Test
    @Tag("task:1")
    void an_empty_list_gives_an_empty_result_at_once() {
        try (ProcessPool pool = new ProcessPool(1)) {
            assertWorkerProcesses(pool.workerPids(), 1);

            long started = System.nanoTime();
            List<List<Long>> results = map(pool, ProcessPoolTest::squareAndPid, List.of());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(results).as("map over no items").isEmpty();
            assertThat(took).as("how long map over no items took: there is nothing to send and nothing to wait for")
                    .isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    @Tag("task:1")
    void the_work_runs_in_at_most_n_worker_processes_none_of_them_the_test_jvm() {
        try (ProcessPool pool = new ProcessPool(3)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 3);

            List<List<Long>> results = map(pool, ProcessPoolTest::squareAndPid,
                    IntStream.rangeClosed(1, 60).boxed().collect(Collectors.toList()));

            assertThat(pids(results))
                    .as("distinct pids that computed the 60 results, on a pool of 3 whose workers are %s: at most "
                            + "3, because the pool reuses its workers instead of starting a process per task", workers)
                    .hasSizeBetween(1, 3);
            assertRanInTheWorkers(pids(results), pool);
        }
    }

    @Test
    @Tag("task:1")
    void the_pool_starts_exactly_n_processes_however_many_tasks_it_runs() {
        try (ProcessPool pool = new ProcessPool(3)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 3);
            List<Integer> items = IntStream.rangeClosed(1, 300).boxed().collect(Collectors.toList());

            List<List<Long>> first = map(pool, ProcessPoolTest::squareAndPid, items);
            List<List<Long>> second = map(pool, ProcessPoolTest::squareAndPid, items);

            List<Long> children = ProcessHandle.current().children().filter(ProcessTree::isRunning)
                    .map(ProcessHandle::pid).collect(Collectors.toList());
            assertThat(children)
                    .as("the test JVM's live child processes after two maps of 300 tasks: exactly the 3 workers it "
                            + "started, still alive, and no process per task")
                    .containsExactlyInAnyOrderElementsOf(workers);
            assertThat(pool.workerPids()).as("workerPids() after two maps: the same workers as before")
                    .isEqualTo(workers);
            assertRanInTheWorkers(pids(first), pool);
            assertRanInTheWorkers(pids(second), pool);
        }
    }

    @Test
    @Tag("task:1")
    void items_and_results_bigger_than_a_pipe_holds_travel_whole() {
        List<String> items = IntStream.range(0, 4)
                .mapToObj(i -> ("item " + i + ":").repeat(40_000)) // about 300 KB each; a pipe holds 64 KiB
                .collect(Collectors.toList());
        try (ProcessPool pool = new ProcessPool(2)) {
            List<String> results = map(pool, ProcessPoolTest::reversedWithPid, items);

            assertThat(results).as("results of map over 4 items of 300 KB each").hasSize(items.size());
            for (int i = 0; i < items.size(); i++) {
                String expected = new StringBuilder(items.get(i)).reverse().toString();
                String result = results.get(i);
                assertThat(result.startsWith(expected + " by "))
                        .as("the result for item %d, of %d characters, is its item reversed (%d characters, then the "
                                + "worker's pid). A frame bigger than a pipe arrives in several reads: read it with "
                                + "readNBytes(length) or readFully, never with a single read()",
                                i, result.length(), expected.length())
                        .isTrue();
                assertThat(Long.parseLong(result.substring(expected.length() + " by ".length())))
                        .as("the pid that reversed item %d (the test JVM is %d)", i, TEST_JVM)
                        .isNotEqualTo(TEST_JVM)
                        .isIn(pool.workerPids());
            }
        }
    }

    @Test
    @Tag("task:1")
    void closing_the_pool_stops_every_worker_and_waits_for_them() {
        ProcessPool closedPool;
        List<Long> workers;
        try (ProcessPool pool = new ProcessPool(2)) {
            closedPool = pool;
            workers = assertWorkerProcesses(pool.workerPids(), 2);
            map(pool, ProcessPoolTest::squareAndPid, List.of(1, 2, 3));
        }

        assertThat(workers)
                .as("workers %s still alive right after the try-with-resources block closed the pool: close() must "
                        + "stop them AND wait until they have exited", workers)
                .noneMatch(ProcessTree::isRunning);
        assertThatCode(closedPool::close).as("closing an already closed pool a second time")
                .doesNotThrowAnyException();
    }

    @Test
    @Tag("task:2")
    void results_keep_the_order_of_the_items_when_later_items_finish_first() {
        try (ProcessPool pool = new ProcessPool(3)) {
            List<List<Long>> results = map(pool, ProcessPoolTest::slowerForSmallerItems, List.of(1, 2, 3, 4, 5, 6));

            assertThat(values(results))
                    .as("results of tasks that finish in reverse order (item 1 sleeps longest). The order of the "
                            + "results must be the order of the items, not the order the replies arrived in: put "
                            + "each result in the slot of its item")
                    .containsExactly(1L, 4L, 9L, 16L, 25L, 36L);
            assertRanInTheWorkers(pids(results), pool);
        }
    }

    @Test
    @Tag("task:2")
    void n_sleeping_tasks_run_at_the_same_time_in_n_processes() {
        long oneTask = 300;
        try (ProcessPool pool = new ProcessPool(3)) {
            map(pool, ProcessPoolTest::pidAfterSleeping, List.of(1L, 1L, 1L)); // every worker JVM is up now

            long started = System.nanoTime();
            List<Long> pids = map(pool, ProcessPoolTest::pidAfterSleeping, List.of(oneTask, oneTask, oneTask));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took)
                    .as("3 tasks of %d ms each on a pool of 3: in parallel that is about %d ms, one after the other "
                            + "%d ms. Too slow means they did not run at the same time: does every worker get work "
                            + "(chunks small enough for few items) and do you send to all workers before waiting "
                            + "for any reply?", oneTask, oneTask, 3 * oneTask)
                    .isLessThan(Duration.ofMillis(2 * oneTask));
            assertThat(Set.copyOf(pids)).as("pids that ran the three sleeping tasks").hasSize(3);
            assertRanInTheWorkers(Set.copyOf(pids), pool);
        }
    }

    @Test
    @Tag("task:2")
    void every_item_gets_its_result_when_the_items_do_not_divide_evenly_into_chunks() {
        try (ProcessPool pool = new ProcessPool(3)) {
            for (int count : List.of(13, 101, 1009)) { // primes: never a whole number of chunks of any size
                List<Integer> items = IntStream.range(0, count).boxed().collect(Collectors.toList());

                List<List<Long>> results = map(pool, ProcessPoolTest::squareAndPid, items);

                assertThat(results)
                        .as("how many results map returned for %d items on a pool of 3. Fewer, or nulls at the end, "
                                + "means the last chunk was lost: %d items do not divide evenly into chunks, so the "
                                + "last chunk is a shorter one (ceil, not floor, or loop while from < items.size())",
                                count, count)
                        .hasSize(count)
                        .doesNotContainNull();
                assertThat(values(results))
                        .as("the results of map(square, 0..%d): the square of each item, in the items' order",
                                count - 1)
                        .isEqualTo(items.stream().map(x -> (long) x * x).collect(Collectors.toList()));
                assertRanInTheWorkers(pids(results), pool);
            }
        }
    }

    @Test
    @Tag("task:2")
    void a_worker_busy_with_a_slow_chunk_does_not_hold_back_the_other_chunks() {
        List<Long> items = new ArrayList<>(Collections.nCopies(16, 0L));
        items.set(0, 500L); // the first item takes 0.5 s, the other 15 no time at all
        try (ProcessPool pool = new ProcessPool(2)) {
            map(pool, ProcessPoolTest::pidAfterSleeping, List.of(0L, 0L)); // every worker JVM is up now

            List<Long> pids = map(pool, ProcessPoolTest::pidAfterSleeping, items);

            assertRanInTheWorkers(Set.copyOf(pids), pool);
            long slowWorker = pids.get(0);
            long ranBySlowWorker = pids.stream().filter(pid -> pid == slowWorker).count();
            assertThat(ranBySlowWorker)
                    .as("how many of the 16 items ran in worker pid %d, which spent 0.5 s on the first one (by "
                            + "worker: %s). While it was busy the other worker should have taken every other chunk. "
                            + "Half or more means the slow item held back work it did not need to: either the chunks "
                            + "were dealt out in advance (send each worker one chunk, then its next chunk each time "
                            + "it replies), or they are so big that a worker's whole share is one chunk (cut about "
                            + "four chunks per worker)", slowWorker, pids)
                    .isLessThan(8);
        }
    }

    @Test
    @Tag("task:2")
    void consecutive_items_run_back_to_back_in_a_worker_because_they_travel_in_chunks() {
        List<Integer> items = IntStream.range(0, 20_000).boxed().collect(Collectors.toList());
        try (ProcessPool pool = new ProcessPool(2)) {
            List<List<Long>> results = map(pool, ProcessPoolTest::clockAndPid, items);

            assertRanInTheWorkers(pids(results), pool);
            Duration medianGap = medianGapBetweenTasksOfTheSameWorker(results);
            assertThat(medianGap)
                    .as("the median time between two tasks that ran one after the other in the same worker, over "
                            + "20,000 tiny tasks. A chunk's items run back to back (well under a microsecond apart); "
                            + "%d microseconds means each item waited for its own message: one round trip per item. "
                            + "Send the items in chunks, a few chunks per worker", medianGap.toNanos() / 1000)
                    .isLessThan(Duration.ofNanos(10_000));
        }
    }

    @Test
    @Tag("task:2")
    void a_hundred_thousand_items_complete() {
        List<Integer> items = IntStream.range(0, 100_000).boxed().collect(Collectors.toList());
        try (ProcessPool pool = new ProcessPool(2)) {
            assertWorkerProcesses(pool.workerPids(), 2);

            List<Long> squares = map(pool, x -> (long) x * x, items);

            // Compared by hand: AssertJ's containsExactly takes about a second over 100,000 elements.
            assertThat(squares).as("how many results map returned for 100,000 items").hasSize(items.size());
            OptionalInt wrong = IntStream.range(0, items.size())
                    .filter(i -> !Long.valueOf((long) items.get(i) * items.get(i)).equals(squares.get(i))).findFirst();
            assertThat(wrong)
                    .as("the first index whose result is not the square of its item%s. The results must come back "
                            + "in the order of the items", wrong.isEmpty() ? ""
                            : " (" + squares.get(wrong.getAsInt()) + " at index " + wrong.getAsInt() + ")")
                    .isEmpty();
        }
    }

    @Test
    @Tag("task:3")
    void tasks_that_print_to_stdout_and_stderr_do_not_disturb_the_pool() {
        try (ProcessPool pool = new ProcessPool(2)) {
            List<Integer> items = List.of(1, 2, 3, 4, 5, 6, 7, 8);

            List<List<Long>> results = new ArrayList<>();
            Throwable failure = catchThrowable(() -> results.addAll(
                    map(pool, ProcessPoolTest::noisySquareAndPid, items, Duration.ofSeconds(5))));
            if (failure != null) {
                pool.workerPids().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessTree::kill)); // close fast
            }

            assertThat(failure)
                    .as("what map() threw for tasks that each print about 80 KB to System.out and to System.err in "
                            + "the worker. A task's System.out must not reach the worker's real stdout, where it "
                            + "lands in the middle of the reply frames: in PoolWorker's main, keep a stream on the "
                            + "real stdout for replies and System.setOut(System.err) before running any task. And "
                            + "every worker's stderr must be read (CapturedOutput.of), or the worker blocks on a full "
                            + "pipe")
                    .isNull();
            assertThat(values(results)).as("the results of the printing tasks, in the items' order")
                    .containsExactly(1L, 4L, 9L, 16L, 25L, 36L, 49L, 64L);
            assertRanInTheWorkers(pids(results), pool);
        }
    }

    @Test
    @Tag("task:4")
    void an_item_that_cannot_be_serialized_is_refused_clearly_and_the_pool_keeps_working() {
        try (ProcessPool pool = new ProcessPool(1)) {
            assertWorkerProcesses(pool.workerPids(), 1);
            List<Object> items = List.of(1, new Unshippable(), 3);
            Task<Object, Object> identity = x -> x;

            assertThatExceptionOfType(IllegalArgumentException.class)
                    .as("map() over an item that is not Serializable: it cannot be sent to another process, so "
                            + "map must fail before sending anything, naming the item's class")
                    .isThrownBy(() -> map(pool, identity, items))
                    .withMessageContaining(Unshippable.class.getSimpleName());

            List<List<Long>> results = map(pool, ProcessPoolTest::squareAndPid, List.of(1, 2, 3));
            assertThat(values(results)).as("the next map on the same pool").containsExactly(1L, 4L, 9L);
            assertRanInTheWorkers(pids(results), pool);
        }
    }

    @Test
    @Tag("task:4")
    void a_task_that_throws_makes_map_fail_with_the_workers_error_and_the_pool_keeps_working() {
        try (ProcessPool pool = new ProcessPool(2)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 2);
            Task<Integer, Integer> noFours = x -> {
                if (x == 4) {
                    throw new IllegalArgumentException("no fours here");
                }
                return x;
            };

            assertThatExceptionOfType(RuntimeException.class)
                    .as("map() of a task that throws for item 4, in a worker: the caller must get an exception "
                            + "with the worker's message, and the pid of the worker (\"pid N\", one of %s)", workers)
                    .isThrownBy(() -> map(pool, noFours, List.of(1, 2, 3, 4, 5, 6)))
                    .withMessageContaining("no fours here")
                    .satisfies(e -> assertThat(workers)
                            .as("the workers' pids, one of which the message \"%s\" must name as \"pid N\"",
                                    e.getMessage())
                            .anyMatch(pid -> e.getMessage().contains("pid " + pid)));

            List<List<Long>> results = map(pool, ProcessPoolTest::squareAndPid, List.of(1, 2, 3));
            assertThat(values(results))
                    .as("the next map on the same pool: a task's exception must not break the workers, and no "
                            + "reply of the failed map may be mistaken for one of this map")
                    .containsExactly(1L, 4L, 9L);
            assertRanInTheWorkers(pids(results), pool);
        }
    }

    @Test
    @Tag("task:4")
    void a_result_that_cannot_be_serialized_fails_that_map_and_the_pool_keeps_working() {
        try (ProcessPool pool = new ProcessPool(1)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 1);
            Task<Integer, Object> unshippableResult = x -> new Unshippable();

            assertThatExceptionOfType(RuntimeException.class)
                    .as("map() of a task whose result is not Serializable: the worker cannot send it back. That is "
                            + "the task's failure, like an exception it threw: the worker must catch it (serialize "
                            + "the results INSIDE the try that guards the task) and reply with the error")
                    .isThrownBy(() -> map(pool, unshippableResult, List.of(1, 2)))
                    .withMessageContaining(Unshippable.class.getSimpleName());

            List<List<Long>> results = map(pool, ProcessPoolTest::squareAndPid, List.of(1, 2, 3));
            assertThat(values(results))
                    .as("the next map on the same pool of 1: a result the worker could not serialize must not kill "
                            + "the worker or break the pool")
                    .containsExactly(1L, 4L, 9L);
            assertThat(pool.workerPids()).as("workerPids() after the failed map: the same worker, still alive")
                    .isEqualTo(workers)
                    .allMatch(ProcessTree::isRunning);
            assertRanInTheWorkers(pids(results), pool);
        }
    }

    @Test
    @Tag("task:4")
    void a_worker_that_dies_makes_map_fail_clearly_instead_of_hanging() {
        long testJvm = TEST_JVM; // a local, so that the lambda carries the test JVM's pid to the worker
        Task<Integer, Integer> diesOnThree = x -> {
            if (x == 3 && ProcessHandle.current().pid() != testJvm) {
                Runtime.getRuntime().halt(7);
            }
            return x;
        };
        try (ProcessPool pool = new ProcessPool(2)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 2);

            Throwable failure = Bounded.within(Duration.ofSeconds(5), "map(), after a worker process exited with "
                    + "status 7 in the middle of a task (Python's pool hangs here forever)", "When a worker's output "
                    + "ends, its reader thread must tell map (e.g. put a 'worker gone' marker in the reply queue) "
                    + "instead of just ending.")
                    .get(() -> catchThrowable(() -> pool.map(diesOnThree, List.of(1, 2, 3, 4, 5, 6))));

            assertThat(failure)
                    .as("what map() threw while a worker process exited with status 7 in the middle of a task. "
                            + "Expected a clear IllegalStateException naming the dead worker's pid (\"pid N\", one of "
                            + "%s) and its exit code 7", workers)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageMatching("(?s).*\\b7\\b.*")
                    .satisfies(e -> assertThat(workers)
                            .as("the workers' pids: the message \"%s\" must name the dead one as \"pid N\"",
                                    e.getMessage())
                            .anyMatch(pid -> !ProcessTree.isRunning(pid) && e.getMessage().contains("pid " + pid)));
        }
    }

    @Test
    @Tag("task:4")
    void a_result_of_a_class_the_pool_does_not_allow_is_refused_and_no_later_map_goes_wrong() {
        try (ProcessPool pool = new ProcessPool(2)) {
            assertWorkerProcesses(pool.workerPids(), 2);
            Task<Integer, File> fileNamed = x -> new File("result-" + x);

            assertThatExceptionOfType(IllegalArgumentException.class)
                    .as("map() of a task whose results are java.io.File objects: File is Serializable, but it is not "
                            + "on the allow-list (JDK value types and katas.poolmap.**). Bytes from another process "
                            + "are data, not trusted code: deserialize every reply with "
                            + "SafeSerialization.fromBytes(bytes, allowList), which refuses the File with an "
                            + "IllegalArgumentException")
                    .isThrownBy(() -> map(pool, fileNamed, List.of(1, 2, 3, 4)));

            List<List<Long>> nextResults = new ArrayList<>();
            Throwable next = catchThrowable(() -> nextResults.addAll(
                    map(pool, ProcessPoolTest::squareAndPid, List.of(1, 2, 3))));
            if (next != null) {
                assertThat(next)
                        .as("what the next map threw, on the pool whose map failed half-way while the other "
                                + "worker's reply was still on its way. A pool that cannot go on must refuse clearly "
                                + "with an IllegalStateException (\"this pool is broken\"); a stale reply of the "
                                + "failed map must never be taken for one of this map")
                        .isInstanceOf(IllegalStateException.class);
            } else {
                assertThat(values(nextResults))
                        .as("the next map on the pool whose map failed half-way: if the pool still takes work, the "
                                + "results must be this map's, not a stale reply of the failed one")
                        .containsExactly(1L, 4L, 9L);
            }
        }
    }

    @Test
    @Tag("task:5")
    void after_close_the_pool_refuses_new_work() {
        ProcessPool pool = new ProcessPool(1);
        List<Long> workers;
        try {
            workers = assertWorkerProcesses(pool.workerPids(), 1);
            map(pool, ProcessPoolTest::squareAndPid, List.of(1, 2));
        } finally {
            pool.close();
        }

        assertThatExceptionOfType(IllegalStateException.class)
                .as("map() on a closed pool: its workers are gone, so it must refuse clearly instead of hanging")
                .isThrownBy(() -> map(pool, ProcessPoolTest::squareAndPid, List.of(1, 2)));
        assertThatExceptionOfType(IllegalStateException.class)
                .as("map() of an EMPTY list on a closed pool: a closed pool refuses every map, whatever the items. "
                        + "Check that the pool is open first, before any shortcut for an empty list")
                .isThrownBy(() -> map(pool, ProcessPoolTest::squareAndPid, List.of()));
        assertThat(workers).as("workers still alive after close()").noneMatch(ProcessTree::isRunning);
    }

    @Test
    @Tag("task:5")
    void close_stops_a_worker_that_is_still_busy_with_a_long_task() {
        Task<Integer, Object> fileThenLongSleep = x -> {
            if (x == 0) {
                return new File("refused-result"); // refused by the pool at once: the map fails half-way
            }
            sleep(60_000);
            return x;
        };
        ProcessPool pool = new ProcessPool(2);
        List<Long> workers = pool.workerPids();
        try {
            assertWorkerProcesses(pool.workerPids(), 2);
            catchThrowable(() -> map(pool, fileThenLongSleep, List.of(0, 1), Duration.ofSeconds(3))); // fails at once

            Bounded.within(Duration.ofSeconds(12), "close(), while one worker was still busy with a task of 60 s "
                    + "(left over from a map that failed half-way)", "close() must not wait for the worker to finish "
                    + "by itself: close its input, wait a few seconds, then kill it (ProcessTree.closeInputThenStop)."
                    ).run(pool::close);
            assertThat(workers)
                    .as("workers %s still alive when close() returned: close() must stop the busy one too and wait "
                            + "until it has exited", workers)
                    .noneMatch(ProcessTree::isRunning);
        } finally {
            workers.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessTree::kill));
        }
    }

    @Test
    @Tag("task:6")
    void star_map_calls_the_task_with_the_two_arguments_of_each_pair_in_order() {
        List<Pair<Integer, Integer>> pairs = List.of(Pair.of(1, 2), Pair.of(3, 4), Pair.of(5, 6), Pair.of(7, 8));
        try (ProcessPool pool = new ProcessPool(2)) {
            List<List<Long>> results = Bounded.within(PATIENCE, "starMap() of 4 pairs", "starMap is a map whose "
                    + "task calls the two-argument task with the pair's first and second: does it wait for a reply "
                    + "that never comes?").get(() -> pool.starMap(ProcessPoolTest::firstThenSecondAndPid, pairs));

            assertThat(values(results))
                    .as("starMap(first * 100 + second) over (1,2), (3,4), (5,6), (7,8): one result per pair, in the "
                            + "pairs' order, with the first argument first (102, not 201)")
                    .containsExactly(102L, 304L, 506L, 708L);
            assertRanInTheWorkers(pids(results), pool);
        }
    }

    @Test
    @Tag("task:6")
    void imap_hands_out_the_results_in_the_order_of_the_items() {
        try (ProcessPool pool = new ProcessPool(3)) {
            List<List<Long>> results = new ArrayList<>();
            Bounded.within(PATIENCE, "reading imap()'s iterator over 6 items to the end", "next() must take replies "
                    + "from the workers until the result of the next item in order has arrived").run(() -> {
                        ResultIterator<List<Long>> iterator = pool.imap(ProcessPoolTest::slowerForSmallerItems,
                                List.of(1, 2, 3, 4, 5, 6));
                        iterator.forEachRemaining(results::add);
                    });

            assertThat(values(results))
                    .as("what imap's iterator handed out for tasks that finish in reverse order (item 1 sleeps "
                            + "longest): the results in the items' order, not in the order the replies arrived")
                    .containsExactly(1L, 4L, 9L, 16L, 25L, 36L);
            assertRanInTheWorkers(pids(results), pool);
        }
    }

    @Test
    @Tag("task:6")
    void imap_hands_out_the_first_result_while_a_slow_last_item_is_still_being_computed() {
        List<Integer> items = IntStream.range(0, 10).boxed().collect(Collectors.toList());
        try (ProcessPool pool = new ProcessPool(2)) {
            map(pool, ProcessPoolTest::squareAndPid, List.of(1, 2)); // every worker JVM is up now

            long called = System.nanoTime();
            ResultIterator<List<Long>> iterator = pool.imap(ProcessPoolTest::squareClockAndPidWithASlowNine, items);
            long returned = System.nanoTime();
            List<List<Long>> results = new ArrayList<>();
            results.add(Bounded.within(PATIENCE, "the first next() of imap's iterator", "the first item's chunk "
                    + "takes milliseconds; is next() waiting for every chunk?").get(iterator::next));
            long firstHandedOut = System.nanoTime();
            Bounded.within(PATIENCE, "reading the rest of imap's iterator", "the slow item takes 2 s")
                    .run(() -> iterator.forEachRemaining(results::add));

            assertThat(Duration.ofNanos(returned - called))
                    .as("how long imap() took to return for 10 items whose last one takes 2 s. imap sends the first "
                            + "chunks and returns at once; the results come through the iterator")
                    .isLessThan(Duration.ofSeconds(1));
            long slowItemDone = results.get(9).get(1);
            assertThat(firstHandedOut)
                    .as("when the first result was handed out, against when the slow item 9 finished in its worker "
                            + "(System.nanoTime, one clock for every process): it came %d ms after. The first "
                            + "result must come as soon as its chunk is back, while item 9 is still being computed, "
                            + "not after all of them (a map, then an iterator over its list)",
                            (firstHandedOut - slowItemDone) / 1_000_000)
                    .isLessThan(slowItemDone);
            assertThat(values(results)).as("the squares of 0..9 from imap, in order")
                    .containsExactly(0L, 1L, 4L, 9L, 16L, 25L, 36L, 49L, 64L, 81L);
            assertRanInTheWorkers(results.stream().map(r -> r.get(2)).collect(Collectors.toSet()), pool);
        }
    }

    @Test
    @Tag("task:6")
    void closing_an_imap_iterator_early_leaves_the_pool_ready_for_the_next_map() {
        List<Integer> sixty = IntStream.rangeClosed(1, 60).boxed().collect(Collectors.toList());
        List<Integer> thirty = IntStream.rangeClosed(1, 30).boxed().collect(Collectors.toList());
        try (ProcessPool pool = new ProcessPool(2)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 2);
            ResultIterator<Long> iterator = pool.imap(ProcessPoolTest::negativeAfterATenthOfASecond, sixty);
            Long first = Bounded.within(PATIENCE, "the first next() of imap's iterator", "its chunk takes 0.8 s")
                    .get(iterator::next);
            long closing = System.nanoTime();
            Bounded.within(PATIENCE, "closing imap's iterator (twice) after one result of 60", "close() waits only "
                    + "for the chunks already sent, which take 0.8 s each; it sends no new one").run(() -> {
                        iterator.close();
                        iterator.close();
                    });
            Duration closed = Duration.ofNanos(System.nanoTime() - closing);

            assertThat(closed)
                    .as("how long close() took on an imap of 60 items of 0.1 s each (8 chunks of 0.8 s on 2 workers) "
                            + "after its first result: about one chunk's time, for the chunks in flight. Working "
                            + "through every chunk left takes 2.4 s more: close() must send no new chunk")
                    .isLessThan(Duration.ofMillis(2000));
            List<List<Long>> results = new ArrayList<>();
            Throwable failure = catchThrowable(() -> results.addAll(map(pool, ProcessPoolTest::squareAndPid, thirty)));

            assertThat(first).as("the first result of imap(-x) over 1..60").isEqualTo(-1L);
            assertThat(failure)
                    .as("what the map right after an imap's iterator was closed early threw. A reply of the closed "
                            + "imap's chunks, still on its way, taken for one of this map's own (an unknown chunk id, "
                            + "or a chunk already answered) breaks the next map: closing the iterator must collect "
                            + "(and drop) the replies of the chunks still in flight")
                    .isNull();
            assertThat(values(results))
                    .as("a map of the squares of 1..30 right after an imap's iterator was closed early. Negative "
                            + "numbers are replies of the closed imap's chunks, taken for this map's own: closing "
                            + "the iterator must collect (and drop) the replies of the chunks still in flight")
                    .isEqualTo(thirty.stream().map(x -> (long) x * x).collect(Collectors.toList()));
            assertThat(pool.workerPids())
                    .as("the pool's workers after an imap's iterator was closed early: the same processes as before "
                            + "(closing an iterator must not cost the pool its workers)")
                    .isEqualTo(workers);
            assertRanInTheWorkers(pids(results), pool);
        }
    }

    @Test
    @Tag("task:6")
    void an_imap_whose_task_throws_fails_at_that_item_and_leaves_the_pool_ready() {
        try (ProcessPool pool = new ProcessPool(2)) {
            ResultIterator<Integer> iterator = pool.imap(x -> 60 / x, List.of(1, 2, 3, 0, 5, 6));
            List<Integer> before = new ArrayList<>();
            Throwable failure = Bounded.within(PATIENCE, "reading imap(60 / x) over 1, 2, 3, 0, 5, 6", "the item 0 "
                    + "throws in its worker: next() must throw then, not wait").get(() -> catchThrowable(() -> {
                        while (iterator.hasNext()) {
                            before.add(iterator.next());
                        }
                    }));

            assertThat(before).as("the results imap handed out before the item whose task threw (60 / 0)")
                    .containsExactly(60, 30, 20);
            assertThat(failure)
                    .as("what next() threw at the item 0 of imap(60 / x): the worker's error, with its message")
                    .isNotNull().hasMessageContaining("ArithmeticException");
            assertThat(iterator.hasNext()).as("hasNext() after next() threw the task's error").isFalse();
            assertThat(values(map(pool, ProcessPoolTest::squareAndPid, List.of(1, 2, 3))))
                    .as("a map right after an imap failed at a task's error, without closing its iterator: once "
                            + "next() has thrown, the iterator is done (its chunks in flight collected), so the pool "
                            + "takes the next map")
                    .containsExactly(1L, 4L, 9L);
        }
    }
}
