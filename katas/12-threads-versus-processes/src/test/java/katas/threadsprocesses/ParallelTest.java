package katas.threadsprocesses;

import static katas.testkit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import katas.testkit.Bounded;
import katas.testkit.KataTest;
import katas.testkit.Measurements;
import katas.threadsprocesses.fixtures.LingersThenAnswersItsPid;
import katas.threadsprocesses.fixtures.Throws;
import katas.threadsprocesses.fixtures.WaitsForTheOtherParts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.ThrowingSupplier;

@KataTest
class ParallelTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PLENTY = Duration.ofSeconds(20);
    private static final String MAY_HANG = "Every part ends within seconds: start every part first (thread or child "
            + "process), then wait for each one (join(), waitFor()). Is every thread started? Does every child's "
            + "output get read?";

    /** A range that does not split evenly into 4, 3 or 7 parts. */
    private static final long FROM = 1_000;
    private static final long TO = 100_003;

    private static Split bounded(String call, ThrowingSupplier<Split> split) {
        Split result = Bounded.within(PLENTY, call, MAY_HANG).get(split);
        assertThat(result).as("what %s returned: a Split, never null", call).isNotNull();
        return result;
    }

    /** The parts must be the range cut in order: each starts where the one before ended, nothing left out. */
    private static void assertPartsCover(Split split, int parts, long from, long to, String call) {
        List<Split.Part> list = split.parts();
        assertThat(list).as("the parts of %s: one per part, in the order of their ranges", call).hasSize(parts);
        String ranges = list.stream().map(p -> "[" + p.from() + ", " + p.to() + ")").collect(Collectors.joining(" "));
        assertThat(list.get(0).from())
                .as("where the first part of %s starts (the parts were %s)", call, ranges)
                .isEqualTo(from);
        assertThat(list.get(parts - 1).to())
                .as("where the last part of %s ends, exclusive (the parts were %s). A range that does not split "
                        + "evenly leaves a remainder: some part must take it, or those numbers are never counted",
                        call, ranges)
                .isEqualTo(to);
        for (int i = 1; i < parts; i++) {
            assertThat(list.get(i).from())
                    .as("where part %d of %s starts: where part %d ended, so that no number is left out or counted "
                            + "twice (the parts were %s)", i, call, i - 1, ranges)
                    .isEqualTo(list.get(i - 1).to());
        }
    }

    /** Each part's answer is the job's for its range, and the total is their sum: the single-threaded count. */
    private static void assertCountsPrimes(Split split, long from, long to, String call) {
        for (Split.Part part : split.parts()) {
            assertThat(part.answer())
                    .as("the answer of part [%d, %d) of %s: the number of primes in that range", part.from(),
                            part.to(), call)
                    .isEqualTo(CountPrimes.count(part.from(), part.to()));
        }
        assertThat(split.total())
                .as("the total of %s: the sum of the parts' answers, the same as one thread counting the primes in "
                        + "[%d, %d) alone", call, from, to)
                .isEqualTo(CountPrimes.count(from, to));
    }

    // ---------------------------------------------------------------------------------------------------- task 5

    @Test
    @Tag("task:5")
    void on_threads_the_parts_cover_the_range_and_add_up_to_the_one_thread_count() {
        for (int parts : new int[] {4, 3, 7, 1}) {
            String call = "Parallel.onThreads(CountPrimes.class, " + parts + ", " + FROM + ", " + TO + ")";
            Split split = bounded(call, () -> Parallel.onThreads(CountPrimes.class, parts, FROM, TO));

            assertPartsCover(split, parts, FROM, TO, call);
            assertCountsPrimes(split, FROM, TO, call);
            assertThat(split.parts())
                    .as("the pid of each part of %s: threads run inside the test JVM, so each is its pid (%d)", call,
                            TEST_JVM)
                    .allSatisfy(part -> assertThat(part.pid()).as("the pid of part [%d, %d)", part.from(), part.to())
                            .isEqualTo(TEST_JVM));
        }
    }

    @Test
    @Tag("task:5")
    void on_threads_the_parts_run_at_the_same_time() {
        WaitsForTheOtherParts.expect(4);
        String call = "Parallel.onThreads(WaitsForTheOtherParts.class, 4, 0, 400)";

        Split split;
        try {
            split = bounded(call, () -> Parallel.onThreads(WaitsForTheOtherParts.class, 4, 0, 400));
        } catch (JobFailedException e) {
            throw new AssertionError(call + " threw a JobFailedException: a part waited 5 s at the meeting point "
                    + "for the other three, and they did not come while it waited. The parts ran one after another, "
                    + "not at the same time: start every thread first, then join() each one. What the part threw: "
                    + e.getMessage(), e);
        }

        assertThat(WaitsForTheOtherParts.ARRIVED.get())
                .as("how many parts of %s arrived at the meeting point (a static field: threads share it). Each "
                        + "part waits there for all four: start every thread before you join any", call)
                .isEqualTo(4);
        assertThat(split.total())
                .as("the total of %s, whose parts each answer the size of their range: 400", call)
                .isEqualTo(400);
    }

    @Test
    @Tag("task:5")
    void a_part_that_fails_on_a_thread_fails_the_whole_split() {
        assertThatExceptionOfType(JobFailedException.class)
                .as("what Parallel.onThreads(Throws.class, 2, 0, 10) throws when each part's job throws: a "
                        + "JobFailedException (caught on the part's thread, thrown after every thread was joined), "
                        + "never a total made of the parts that worked")
                .isThrownBy(() -> bounded("Parallel.onThreads(Throws.class, 2, 0, 10)",
                        () -> Parallel.onThreads(Throws.class, 2, 0, 10)));
    }

    @Test
    @Tag("task:5")
    void fewer_than_one_part_or_a_range_that_ends_before_it_starts_is_refused() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .as("what Parallel.onThreads(CountPrimes.class, 0, 0, 10) throws: a range cannot be cut into 0 "
                        + "parts, so refuse with an IllegalArgumentException before starting anything")
                .isThrownBy(() -> Parallel.onThreads(CountPrimes.class, 0, 0, 10));
        assertThatExceptionOfType(IllegalArgumentException.class)
                .as("what Parallel.onThreads(CountPrimes.class, 2, 10, 5) throws: [10, 5) ends before it starts, "
                        + "so refuse it with an IllegalArgumentException")
                .isThrownBy(() -> Parallel.onThreads(CountPrimes.class, 2, 10, 5));
        Split empty = bounded("Parallel.onThreads(CountPrimes.class, 2, 10, 10)",
                () -> Parallel.onThreads(CountPrimes.class, 2, 10, 10));
        assertThat(empty.total())
                .as("the total of Parallel.onThreads(CountPrimes.class, 2, 10, 10): an empty range is no error, "
                        + "its parts are empty and count nothing")
                .isZero();
    }

    // ---------------------------------------------------------------------------------------------------- task 6

    @Test
    @Tag("task:6")
    void in_processes_each_part_runs_in_a_child_of_its_own_all_at_the_same_time() throws Exception {
        String call = "Parallel.inProcesses(LingersThenAnswersItsPid.class, 4, 0, 4)";
        AtomicReference<Split> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                result.set(Parallel.inProcesses(LingersThenAnswersItsPid.class, 4, 0, 4));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "runs " + call);
        runner.setDaemon(true);

        // Each part's job waits 0.6 s before it answers: parts that run side by side are alive together.
        int mostAtOnce = 0;
        Set<Long> childrenSeen = new HashSet<>();
        runner.start();
        long deadline = System.nanoTime() + PLENTY.toNanos();
        while (runner.isAlive() && System.nanoTime() < deadline) {
            Set<Long> alive = ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                    .map(ProcessHandle::pid).collect(Collectors.toSet());
            mostAtOnce = Math.max(mostAtOnce, alive.size());
            childrenSeen.addAll(alive);
            Thread.sleep(10);
        }
        assertThat(runner.isAlive())
                .as("%s still running %d s after it started: %s", call, PLENTY.toSeconds(), MAY_HANG)
                .isFalse();
        assertThat(failure.get()).as("what %s threw", call).isNull();
        Split split = result.get();
        assertThat(split).as("what %s returned: a Split, never null", call).isNotNull();

        List<Long> pidsFromInside = split.parts().stream().map(Split.Part::answer).collect(Collectors.toList());
        List<Long> pidsReported = split.parts().stream().map(Split.Part::pid).collect(Collectors.toList());
        assertThat(pidsFromInside)
                .as("the answers of %s, whose job answers with the pid of the process it runs in: four different "
                        + "processes, none of them the test JVM (pid %d). One pid four times means every part ran in "
                        + "one child", call, TEST_JVM)
                .hasSize(4)
                .doesNotHaveDuplicates()
                .doesNotContain(TEST_JVM);
        assertThat(pidsReported)
                .as("the pid of each part (Split.Part.pid()) of %s: the pid of the child that ran it, the one the "
                        + "job itself answered", call)
                .isEqualTo(pidsFromInside);
        assertThat(childrenSeen)
                .as("the child processes of the test JVM seen while %s ran: each part's process must be one of them, "
                        + "started from this JVM", call)
                .containsAll(pidsFromInside);
        assertThat(mostAtOnce)
                .as("the most child processes of the test JVM alive at the same moment while %s ran. The four parts "
                        + "must run side by side: start all four children first, then wait for each. Waiting for "
                        + "each child before starting the next runs them one after another", call)
                .isGreaterThanOrEqualTo(4);
        pidsFromInside.forEach(pid -> assertThatProcess(pid).ranOutsideTheTestJvm());
    }

    @Test
    @Tag("task:6")
    void in_processes_the_parts_cover_the_range_and_add_up_to_the_one_thread_count() {
        String call = "Parallel.inProcesses(CountPrimes.class, 3, " + FROM + ", " + TO + ")";
        Split split = bounded(call, () -> Parallel.inProcesses(CountPrimes.class, 3, FROM, TO));

        assertPartsCover(split, 3, FROM, TO, call);
        assertCountsPrimes(split, FROM, TO, call);
        assertThat(split.parts().stream().map(Split.Part::pid).collect(Collectors.toList()))
                .as("the pids of the parts of %s: three different child processes, none the test JVM (pid %d)", call,
                        TEST_JVM)
                .doesNotHaveDuplicates()
                .doesNotContain(TEST_JVM);
    }

    @Test
    @Tag("task:6")
    void a_part_that_fails_in_a_child_fails_the_whole_split() {
        assertThatExceptionOfType(JobFailedException.class)
                .as("what Parallel.inProcesses(Throws.class, 2, 0, 10) throws when each child's job throws (the "
                        + "child exits with 1): a JobFailedException that says how the child ended, never a total "
                        + "made of whatever the children printed")
                .isThrownBy(() -> bounded("Parallel.inProcesses(Throws.class, 2, 0, 10)",
                        () -> Parallel.inProcesses(Throws.class, 2, 0, 10)));
    }

    @Test
    @Tag("task:6")
    @Timeout(60)
    void the_same_count_on_one_thread_on_four_threads_and_in_four_processes_with_the_times_printed(
            TestReporter reporter) {
        long to = 4_000_000;
        long start = System.nanoTime();
        long alone = CountPrimes.count(0, to);
        Duration oneThread = Duration.ofNanos(System.nanoTime() - start);

        long beforeThreads = System.nanoTime();
        Split threads = Bounded.within(Duration.ofSeconds(40), "Parallel.onThreads(CountPrimes.class, 4, 0, " + to
                + ")", MAY_HANG).get(() -> Parallel.onThreads(CountPrimes.class, 4, 0, to));
        Duration aroundThreads = Duration.ofNanos(System.nanoTime() - beforeThreads);

        long beforeProcesses = System.nanoTime();
        Split processes = Bounded.within(Duration.ofSeconds(40), "Parallel.inProcesses(CountPrimes.class, 4, 0, " + to
                + ")", MAY_HANG).get(() -> Parallel.inProcesses(CountPrimes.class, 4, 0, to));
        Duration aroundProcesses = Duration.ofNanos(System.nanoTime() - beforeProcesses);

        Measurements.report(reporter, String.format("counting the primes below %,d (%d cores):%n"
                + "  one thread:    %6d ms%n"
                + "  4 threads:     %6d ms  (split.took())%n"
                + "  4 processes:   %6d ms  (split.took(), each child JVM started and warmed up from cold)",
                to, Runtime.getRuntime().availableProcessors(), oneThread.toMillis(), threads.took().toMillis(),
                processes.took().toMillis()));

        assertThat(alone)
                .as("the primes below %d, counted on one thread by the given CountPrimes: 283,146 is the known "
                        + "number", to)
                .isEqualTo(283_146);
        assertThat(threads.total())
                .as("the primes below %d counted on four threads: the same as on one thread", to)
                .isEqualTo(alone);
        assertThat(processes.total())
                .as("the primes below %d counted in four child processes: the same as on one thread", to)
                .isEqualTo(alone);
        assertThat(threads.took())
                .as("took() of the split on threads: the time from before the first part started until the last "
                        + "answer was in, measured with System.nanoTime(); it cannot be negative, nor longer than "
                        + "the whole call (%d ms)", aroundThreads.toMillis())
                .isBetween(Duration.ZERO, aroundThreads);
        assertThat(processes.took())
                .as("took() of the split in processes: from before the first child started until the last answer "
                        + "was in; it cannot be negative, nor longer than the whole call (%d ms)",
                        aroundProcesses.toMillis())
                .isBetween(Duration.ZERO, aroundProcesses);
    }
}
