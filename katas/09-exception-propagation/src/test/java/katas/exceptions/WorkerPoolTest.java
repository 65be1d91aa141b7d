package katas.exceptions;

import static katas.testkit.ProcessAssert.assertThatProcess;
import static katas.testkit.ProcessAssert.assertWorkerProcesses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import katas.exceptions.fixtures.UnserializableException;
import katas.outside.SneakyException;
import katas.process.ProcessTree;
import katas.testkit.Bounded;
import katas.testkit.KataTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@KataTest
class WorkerPoolTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PROMPTLY = Duration.ofSeconds(5);
    /** A bound for a get() without timeout, well inside the class's 20 s timeout so that our message is read. */
    private static final Duration GET_BOUND = Duration.ofSeconds(10);

    @TempDir
    Path tempDir;

    // ---- Tasks. They run in the worker JVMs, so they must not read static state of the test JVM. ----

    static int divide(int dividend, int divisor) {
        return dividend / divisor;
    }

    static long pidAfterSleeping(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return ProcessHandle.current().pid();
    }

    static long pid(Object ignored) {
        return ProcessHandle.current().pid();
    }

    static long failInThisProcess(Object ignored) {
        throw new IllegalStateException("failed in pid " + ProcessHandle.current().pid());
    }

    static long failAfterSleeping(long millis) {
        pidAfterSleeping(millis);
        throw new IllegalStateException("failed in pid " + ProcessHandle.current().pid());
    }

    /** Prints 100 KB to each of the worker's streams, more than a pipe holds, then reports its pid. */
    static long pidAfterPrintingALot(Object ignored) {
        String line = "x".repeat(99) + "\n";
        for (int i = 0; i < 1_000; i++) {
            System.out.print(line);
            System.err.print(line);
        }
        System.out.flush();
        System.err.flush();
        return ProcessHandle.current().pid();
    }

    static long failWithAnUnserializableException(Object ignored) {
        throw new UnserializableException("cannot travel, from pid " + ProcessHandle.current().pid());
    }

    static long failWithAnExceptionOutsideTheAllowList(Object ignored) {
        throw new SneakyException("not welcome, from pid " + ProcessHandle.current().pid());
    }

    static long failWithAnError(Object ignored) {
        throw new AssertionError("boom in pid " + ProcessHandle.current().pid());
    }

    /** A result the worker cannot send back: its class does not implement java.io.Serializable. */
    static final class NotSerializableResult {
    }

    static NotSerializableResult unserializableResult(Object ignored) {
        return new NotSerializableResult();
    }

    /**
     * Writes "started-NAME" into {@code folder}, then waits up to 8 s for "started-OTHER" and returns its own pid:
     * it finishes only if the other task runs at the same time, in another process.
     */
    static long meetTheOther(List<String> folderNameOther) {
        Path folder = Path.of(folderNameOther.get(0));
        try {
            Files.writeString(folder.resolve("started-" + folderNameOther.get(1)), "started");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            while (!Files.exists(folder.resolve("started-" + folderNameOther.get(2)))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("task " + folderNameOther.get(1) + " in pid "
                            + ProcessHandle.current().pid() + " waited 8 s for task " + folderNameOther.get(2)
                            + " to start at the same time: the pool did not run them in parallel");
                }
                Thread.sleep(10);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return ProcessHandle.current().pid();
    }

    /** A task that ends its own worker process with exit status 7, but never the test JVM. */
    private static Task<Integer, Integer> exitsWithSeven() {
        long testJvm = TEST_JVM; // a local, so that the lambda carries the test JVM's pid to the worker
        return x -> {
            if (ProcessHandle.current().pid() != testJvm) {
                System.exit(7);
            }
            return x;
        };
    }

    /** A task that writes its worker's pid to the file {@code note}, then ends that worker with exit status 7. */
    private static Task<Integer, Integer> notesItsPidThenExitsWithSeven(Path note) {
        long testJvm = TEST_JVM;
        String file = note.toString(); // a String, because a Path cannot be serialized
        return x -> {
            if (ProcessHandle.current().pid() != testJvm) {
                try {
                    Files.writeString(Path.of(file), String.valueOf(ProcessHandle.current().pid()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                System.exit(7);
            }
            return x;
        };
    }

    // ---- Helpers for the assertions. ----

    /** get() without a timeout, bounded here: a result that never comes must fail the test with a message. */
    private static <R> R awaitGet(TaskResult<R> result, String task) {
        return Bounded.within(GET_BOUND, "get() for " + task, "The worker's reply never completed the TaskResult. "
                + "The given pool completes it with what ParentSide.outcome returns for the reply: does "
                + "WorkerSide.replyTo return a reply for every job, and does WorkerDeaths.outputEnded fail every "
                + "task that retire() hands it when a worker dies?").get(result::get);
    }

    /** What get() threw, bounded like {@link #awaitGet}; null if it returned. */
    private static Throwable failureOfGet(TaskResult<?> result, String task) {
        return Bounded.within(GET_BOUND, "get() for " + task, "The worker's failure reply never completed the "
                + "TaskResult: does WorkerSide.replyTo catch what the task throws and return a Reply.failure, does "
                + "ParentSide.outcome throw for a failed reply (the given pool fails the TaskResult with what it "
                + "throws), and does WorkerDeaths.outputEnded fail every task that retire() hands it?")
                .get(() -> catchThrowable(result::get));
    }

    /** Runs one more task and checks that one of {@code workers} ran it: what went before did not end the worker. */
    private static void assertTheNextTaskRunsIn(List<Long> workers, WorkerPool pool, String after, String why) {
        long ranIn = awaitGet(pool.submit(WorkerPoolTest::pid, "next"), "the task after " + after);
        assertThat(ranIn)
                .as("the pid of the task after %s: the same worker %s must run it; %s", after, workers, why)
                .isIn(workers);
    }

    /** The pid a task wrote into its exception's message ("... pid 1234"). */
    private static long pidInMessage(Throwable exception) {
        return Long.parseLong(exception.getMessage().replaceAll("(?s).*pid (\\d+).*", "$1"));
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** What get() threw for a task whose worker died; fails the test if get() is still waiting after PROMPTLY. */
    private static Throwable failureOfATaskWhoseWorkerDied(TaskResult<?> result, List<Long> workers) {
        return Bounded.within(GET_BOUND, "get(" + PROMPTLY.toSeconds() + " s) after the worker died", "get(timeout) "
                + "must wait with a deadline (wait(millis) in a loop), not wait() without one.").get(() -> {
            try {
                Object value = result.get(PROMPTLY);
                return new AssertionError("get() returned " + value + " for a task whose worker died before "
                        + "answering");
            } catch (TimeoutException stillWaiting) {
                String dead = workers.stream().filter(pid -> !ProcessTree.isRunning(pid)).map(String::valueOf)
                        .collect(Collectors.joining(", "));
                throw new AssertionError("get() was still waiting " + PROMPTLY.toSeconds() + " s after the task "
                        + "ended its worker process (dead now, of the workers " + workers + ": [" + dead + "]), so "
                        + "nobody failed the task. That is Python's bug bpo-22393, the pool that hangs forever when a "
                        + "worker dies. The pool learns of the death from the worker's stdout: when the thread that "
                        + "reads that worker's replies gets the end of the stream, it calls WorkerDeaths.outputEnded. "
                        + "Check that it takes the unfinished tasks with worker.retire(), the exit status with "
                        + "worker.stop(), and fails every one of those tasks with a WorkerDiedException", stillWaiting);
            } catch (RuntimeException failure) {
                return failure;
            }
        });
    }

    /** Bounded get(timeout): a get(timeout) that ignores its timeout must fail the test with a message. */
    private static <R> R getWithin(TaskResult<R> result, Duration timeout) throws TimeoutException {
        Duration bound = timeout.plusSeconds(5);
        return Bounded.within(bound, "get(" + timeout.toMillis() + " ms)", "Wait with a deadline (wait(millis) in a "
                + "loop that checks the time left), never a wait() without one.").get(() -> result.get(timeout));
    }

    // ---- Task 1: Send the result back. ----

    @Test
    @Tag("task:1")
    void a_result_comes_back_from_a_worker_process() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 1);

            long ranIn = awaitGet(pool.submit(WorkerPoolTest::pid, "anything"), "a task that reports its pid");

            assertThat(ranIn)
                    .as("the pid the task reported from where it ran; the test JVM is %d, the worker %s. The task "
                            + "must run in the worker process", TEST_JVM, workers)
                    .isNotEqualTo(TEST_JVM)
                    .isIn(workers);
        }
    }

    @Test
    @Tag("task:1")
    void a_pool_of_two_runs_two_tasks_at_the_same_time_in_two_different_workers() throws Exception {
        try (WorkerPool pool = new WorkerPool(2)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 2);
            String folder = tempDir.toString();

            TaskResult<Long> first = pool.submit(WorkerPoolTest::meetTheOther, List.of(folder, "a", "b"));
            TaskResult<Long> second = pool.submit(WorkerPoolTest::meetTheOther, List.of(folder, "b", "a"));

            List<Long> ranIn = List.of(awaitGet(first, "the first of two tasks that wait for each other"),
                    awaitGet(second, "the second of two tasks that wait for each other"));
            assertThat(ranIn)
                    .as("the pids of two tasks that each wait until the other has started (workers: %s). A pool of "
                            + "two must give them to two different workers, the least busy one each time, so that "
                            + "they run at once", workers)
                    .doesNotHaveDuplicates()
                    .allMatch(workers::contains);
        }
    }

    @Test
    @Tag("task:1")
    void after_close_the_pool_refuses_new_tasks_and_no_worker_is_alive() {
        WorkerPool pool = new WorkerPool(2);
        List<Long> workers;
        try {
            workers = assertWorkerProcesses(pool.workerPids(), 2);
            awaitGet(pool.submit(WorkerPoolTest::pid, "before close"), "a task before close()");
        } finally {
            pool.close();
        }

        assertThat(workers).as("workers still alive after close(): close must wait until they have exited")
                .noneMatch(ProcessTree::isRunning);
        assertThatExceptionOfType(IllegalStateException.class)
                .as("submit() on a closed pool: there is nobody to run it, so refuse with an IllegalStateException")
                .isThrownBy(() -> pool.submit(WorkerPoolTest::pid, "late"));
        assertThatCode(pool::close).as("closing the pool a second time").doesNotThrowAnyException();
    }

    @Test
    @Tag("task:1")
    void a_pool_needs_at_least_one_worker_process() throws Exception {
        for (int size : Arrays.asList(0, -1)) {
            assertThatExceptionOfType(IllegalArgumentException.class)
                    .as("new WorkerPool(%d): a pool without worker processes cannot run anything, so the "
                            + "constructor must refuse it with an IllegalArgumentException", size)
                    .isThrownBy(() -> new WorkerPool(size).close());
        }
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 1);
            assertThat(awaitGet(pool.submit(WorkerPoolTest::pid, "one"), "a task in a pool of one"))
                    .as("the pid of a task in a pool of one worker").isIn(workers);
        }
    }

    // ---- Task 2: Send the exception back. ----

    @Test
    @Tag("task:2")
    void a_division_by_zero_in_a_worker_reaches_get_as_the_original_arithmetic_exception() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            assertWorkerProcesses(pool.workerPids(), 1);
            TaskResult<Integer> result = pool.submit(numbers -> divide(numbers.get(0), numbers.get(1)), List.of(1, 0));

            Throwable failure = failureOfGet(result, "divide(1, 0)");

            assertThat(failure).as("what get() threw for divide(1, 0) in the worker: a TaskFailedException whose "
                            + "cause is what the task threw")
                    .isInstanceOf(TaskFailedException.class);
            assertThat(failure.getCause())
                    .as("the cause of the TaskFailedException: the very exception the task threw in the worker, "
                            + "deserialized, with its type and message (not a new exception made from its text)")
                    .isExactlyInstanceOf(ArithmeticException.class)
                    .hasMessage("/ by zero");
            assertThat(failure.getCause().getStackTrace())
                    .as("the cause's stack trace: it must be the worker's, with the frame of divide(). Send the "
                            + "exception object itself; its stack trace travels with it")
                    .anyMatch(frame -> frame.getMethodName().equals("divide")
                            && frame.getClassName().equals(WorkerPoolTest.class.getName()));
            assertThat(failure.getCause().getStackTrace())
                    .as("the cause's stack trace must also show the worker program (PoolWorker) that ran the task: "
                            + "the exception was thrown in the worker process, not made in the test JVM")
                    .anyMatch(frame -> frame.getClassName().startsWith(PoolWorker.class.getName()));
        }
    }

    @Test
    @Tag("task:2")
    void the_failure_names_the_worker_process_it_happened_in() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 1);

            Throwable failure = failureOfGet(pool.submit(WorkerPoolTest::failInThisProcess, "x"), "a failing task");

            assertThat(failure).as("what get() threw for a task that threw an IllegalStateException")
                    .isInstanceOf(TaskFailedException.class);
            long workerPid = ((TaskFailedException) failure).workerPid();
            assertThat(pidInMessage(failure.getCause()))
                    .as("the pid the task put in its exception's message, where it really ran: the worker %s, not "
                            + "the test JVM (%d)", workers, TEST_JVM)
                    .isIn(workers)
                    .isNotEqualTo(TEST_JVM);
            assertThat(workerPid)
                    .as("TaskFailedException.workerPid(): the process the task failed in, as reported by the task")
                    .isEqualTo(pidInMessage(failure.getCause()));
            assertThat(failure.getMessage()).as("the message of the TaskFailedException names the worker's pid")
                    .contains(String.valueOf(workerPid));
        }
    }

    @Test
    @Tag("task:2")
    void the_pool_survives_a_failed_task_and_the_next_task_succeeds() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 1);
            TaskResult<Integer> failed = pool.submit(numbers -> divide(numbers.get(0), numbers.get(1)), List.of(1, 0));
            assertThat(failureOfGet(failed, "divide(1, 0)")).as("what get() threw for divide(1, 0)")
                    .isInstanceOf(TaskFailedException.class);

            assertTheNextTaskRunsIn(workers, pool, "the failed one", "an exception in a task must not end or replace "
                    + "the worker");
            assertThat(pool.workerPids()).as("workerPids() after a task threw").isEqualTo(workers);
        }
    }

    @Test
    @Tag("task:2")
    void every_failure_names_the_worker_it_happened_in_when_tasks_run_in_several_workers() throws Exception {
        try (WorkerPool pool = new WorkerPool(2)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 2);
            List<TaskResult<Long>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(WorkerPoolTest::failAfterSleeping, 300L));
            }

            for (TaskResult<Long> result : results) {
                Throwable failure = failureOfGet(result, "a task that fails after 0.3 s");
                assertThat(failure).as("what get() threw for a task that threw in its worker")
                        .isInstanceOf(TaskFailedException.class);
                assertThat(((TaskFailedException) failure).workerPid())
                        .as("TaskFailedException.workerPid() of a task that says it failed in pid %d (workers: %s). "
                                + "Name the worker whose reader received the reply, not some other worker of the pool",
                                pidInMessage(failure.getCause()), workers)
                        .isEqualTo(pidInMessage(failure.getCause()));
            }
        }
    }

    @Test
    @Tag("task:2")
    void an_error_thrown_by_a_task_reaches_get_as_that_error_and_the_worker_survives() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 1);

            Throwable failure = failureOfGet(pool.submit(WorkerPoolTest::failWithAnError, "x"),
                    "a task that throws an AssertionError");

            assertThat(failure)
                    .as("what get() threw for a task that threw an AssertionError (an Error, not an Exception). A "
                            + "worker that catches only Exception dies of it, and get() reports a dead worker: "
                            + "catch RuntimeException and Error around the task, and send the Error back too")
                    .isInstanceOf(TaskFailedException.class);
            assertThat(failure.getCause())
                    .as("the cause of the TaskFailedException: the AssertionError the task threw, type and message")
                    .isExactlyInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("boom in pid ");
            assertTheNextTaskRunsIn(workers, pool, "the one that threw an Error", "an Error in a task is that task's "
                    + "failure, not the end of the worker");
        }
    }

    // ---- Task 3: Wait with a timeout. ----

    @Test
    @Tag("task:3")
    void get_with_a_timeout_gives_up_after_about_that_timeout_and_the_task_still_completes_later() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 1);
            TaskResult<Long> slow = pool.submit(WorkerPoolTest::pidAfterSleeping, 900L);

            long started = System.nanoTime();
            assertThatExceptionOfType(TimeoutException.class)
                    .as("get(300 ms) on a task that takes 0.9 s: it must give up with a TimeoutException once the "
                            + "300 ms are up")
                    .isThrownBy(() -> getWithin(slow, Duration.ofMillis(300)));
            Duration waited = since(started);

            assertThat(waited).as("how long get(300 ms) waited before giving up: about the timeout it was given, "
                            + "in milliseconds (not rounded to whole seconds)")
                    .isBetween(Duration.ofMillis(250), Duration.ofMillis(750));
            assertThat(slow.isDone()).as("isDone() of the slow task right after the timed get gave up").isFalse();
            Object later;
            try {
                later = getWithin(slow, PROMPTLY);
            } catch (TimeoutException | RuntimeException e) {
                later = e;
            }
            assertThat(later)
                    .as("the slow task's result, asked for again with get(%d s) after the timed get had given up. "
                            + "A get(timeout) that gives up must leave the task alone: it still runs in its worker, "
                            + "and its reply must still complete the TaskResult (do not remove the task from the "
                            + "worker's unfinished tasks, do not mark the result abandoned)", PROMPTLY.toSeconds())
                    .isIn(workers);
            assertThat(slow.isDone()).as("isDone() of the slow task once get() has returned its result").isTrue();
        }
    }

    @Test
    @Tag("task:3")
    void a_task_that_prints_a_lot_on_stdout_and_stderr_still_gets_its_result() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 1);
            TaskResult<Long> result = pool.submit(WorkerPoolTest::pidAfterPrintingALot, "x");

            Object outcome;
            try {
                outcome = getWithin(result, PROMPTLY);
            } catch (TimeoutException | RuntimeException e) {
                outcome = e;
            }

            assertThat(outcome)
                    .as("the result of a task that printed 100 KB with System.out and 100 KB with System.err. If it "
                            + "is missing: the worker must point System.out at System.err before it runs tasks (a "
                            + "task's println would otherwise land in the middle of a reply), and the pool must "
                            + "drain every worker's stderr (CapturedOutput.of), or a worker blocks for ever once the "
                            + "pipe is full")
                    .isIn(workers);
        }
    }

    @Test
    @Tag("task:3")
    void close_lets_a_worker_finish_the_task_it_is_running() throws Exception {
        WorkerPool pool = new WorkerPool(1);
        List<Long> workers;
        TaskResult<Long> running;
        try {
            workers = assertWorkerProcesses(pool.workerPids(), 1);
            running = pool.submit(WorkerPoolTest::pidAfterSleeping, 500L);
        } finally {
            Bounded.within(GET_BOUND, "close()", "Close each worker's stdin, then wait for it with a timeout "
                    + "(ProcessTree.closeInputThenStop).").run(pool::close);
        }

        Object outcome;
        try {
            outcome = getWithin(running, PROMPTLY);
        } catch (TimeoutException | RuntimeException e) {
            outcome = e;
        }
        assertThat(outcome)
                .as("the result of a 0.5 s task that was running when close() was called. close() ends the workers' "
                        + "input and lets them finish what they have; killing them (destroy, destroyForcibly) loses "
                        + "the task")
                .isIn(workers);
    }

    @Test
    @Tag("task:3")
    void a_result_of_a_class_outside_the_allow_list_is_refused_instead_of_instantiated() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            assertWorkerProcesses(pool.workerPids(), 1);
            Task<String, File> fileNamed = File::new;

            TaskResult<File> result = pool.submit(fileNamed, "secret.txt");
            Throwable failure = catchThrowable(() -> getWithin(result, PROMPTLY));

            assertThat(failure)
                    .as("what get() did for a task whose result is a java.io.File: File is serializable, but it is "
                            + "not on the parent's allow-list (JDK values and katas.exceptions.**). ParentSide.outcome "
                            + "must read every result through SafeSerialization.fromBytes(bytes, PoolWorker.ALLOWED) "
                            + "and let the exception it throws out (the pool fails the TaskResult with it), instead "
                            + "of handing the caller an instance of a class nobody allowed")
                    .isInstanceOf(RuntimeException.class)
                    .hasStackTraceContaining("allow-list");
        }
    }

    // ---- Task 4: Send a stand-in when it cannot travel. ----

    @Test
    @Tag("task:4")
    void an_exception_that_cannot_be_serialized_still_reaches_the_caller_as_type_message_and_stack_text()
            throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 1);

            Throwable failure = failureOfGet(pool.submit(WorkerPoolTest::failWithAnUnserializableException, "x"),
                    "a task that threw an exception that cannot be serialized");

            assertThat(failure).as("what get() threw for a task that threw an UnserializableException")
                    .isInstanceOf(TaskFailedException.class);
            assertThat(((TaskFailedException) failure).workerPid()).as("the pid of the worker it failed in")
                    .isIn(workers)
                    .isEqualTo(pidInMessage(failure.getCause()));
            assertThat(failure.getCause())
                    .as("the cause: the original cannot be serialized (it holds a plain Object), so the worker "
                            + "must send a StandInException.of(it) instead of failing or hanging")
                    .isInstanceOf(StandInException.class)
                    .hasMessageContaining("cannot travel");
            StandInException standIn = (StandInException) failure.getCause();
            assertThat(standIn.originalClassName()).as("the stand-in's originalClassName()")
                    .isEqualTo(UnserializableException.class.getName());
            assertThat(standIn.stackText()).as("the stand-in's stackText(): the worker's stack trace as text")
                    .contains("failWithAnUnserializableException");
        }
    }

    @Test
    @Tag("task:4")
    void an_exception_of_a_class_outside_the_allow_list_reaches_the_caller_as_a_stand_in() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 1);

            TaskResult<Long> result = pool.submit(WorkerPoolTest::failWithAnExceptionOutsideTheAllowList, "x");
            Throwable failure = catchThrowable(() -> getWithin(result, PROMPTLY));

            assertThat(failure).as("what get() threw for a task that threw a katas.outside.SneakyException")
                    .isInstanceOf(TaskFailedException.class);
            assertThat(failure.getCause())
                    .as("the cause: SneakyException is serializable, but its package is not on the parent's "
                            + "allow-list (JDK values and katas.exceptions.**). Bytes from another process are data, "
                            + "not trusted code, so the parent must read them through "
                            + "SafeSerialization.fromBytes(bytes, allowList), which refuses the class, and then use "
                            + "the StandInException the worker sent along")
                    .isInstanceOf(StandInException.class)
                    .hasMessageContaining("not welcome");
            StandInException standIn = (StandInException) failure.getCause();
            assertThat(standIn.originalClassName()).as("the stand-in's originalClassName()")
                    .isEqualTo(SneakyException.class.getName());
            assertThat(standIn.stackText()).as("the stand-in's stackText(): the worker's stack trace as text")
                    .contains("failWithAnExceptionOutsideTheAllowList");
            assertThat(((TaskFailedException) failure).workerPid()).as("the pid of the worker it failed in")
                    .isIn(workers);
        }
    }

    @Test
    @Tag("task:4")
    void a_result_that_cannot_be_serialized_fails_its_task_and_the_worker_survives() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 1);

            Throwable failure = failureOfGet(pool.submit(WorkerPoolTest::unserializableResult, "x"),
                    "a task whose result cannot be serialized");

            assertThat(failure)
                    .as("what get() threw for a task that returned a %s, which does not implement "
                            + "java.io.Serializable. Serializing the result is part of running the task: if it "
                            + "throws, that task failed (TaskFailedException), the worker must not die of it",
                            NotSerializableResult.class.getName())
                    .isInstanceOf(TaskFailedException.class);
            assertThat(failure.getCause())
                    .as("the cause of the TaskFailedException: it must name the class that could not be sent")
                    .hasMessageContaining(NotSerializableResult.class.getName());
            assertTheNextTaskRunsIn(workers, pool, "the one whose result could not be sent", "a result that cannot "
                    + "be sent is that task's failure, not the end of the worker");
            assertThat(pool.workerPids()).as("workerPids() after a result that could not be sent").isEqualTo(workers);
        }
    }

    // ---- Task 5: Report a dead worker and replace it. ----

    @Test
    @Tag("task:5")
    void a_worker_that_exits_mid_task_makes_get_fail_promptly_with_its_exit_status() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            long worker = assertWorkerProcesses(pool.workerPids(), 1).get(0);
            TaskResult<Integer> result = pool.submit(exitsWithSeven(), 1);

            Throwable failure = failureOfATaskWhoseWorkerDied(result, List.of(worker));

            assertThat(failure)
                    .as("get() of a task whose worker called System.exit(7): the worker's output ends, which the "
                            + "pool must notice and report (Python's pool waits forever here: bpo-22393)")
                    .isInstanceOf(WorkerDiedException.class);
            WorkerDiedException died = (WorkerDiedException) failure;
            assertThat(died.exitCode()).as("WorkerDiedException.exitCode(): the dead worker's exit status")
                    .isEqualTo(7);
            assertThat(died.workerPid()).as("WorkerDiedException.workerPid()").isEqualTo(worker);
        }
    }

    @Test
    @Tag("task:5")
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no SIGKILL: a forcibly ended process exits with 1")
    void a_worker_killed_with_sigkill_mid_task_makes_get_fail_promptly() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            long worker = assertWorkerProcesses(pool.workerPids(), 1).get(0);
            TaskResult<Long> result = pool.submit(WorkerPoolTest::pidAfterSleeping, 5_000L);

            ProcessHandle.of(worker).orElseThrow().destroyForcibly(); // kill -9
            Throwable failure = failureOfATaskWhoseWorkerDied(result, List.of(worker));

            assertThat(failure)
                    .as("get() of a task whose worker was killed with SIGKILL: no reply will ever come, so get() "
                            + "must fail instead of waiting for one")
                    .isInstanceOf(WorkerDiedException.class);
            assertThat(((WorkerDiedException) failure).exitCode())
                    .as("exit status of a process killed by SIGKILL (128 + 9 on Linux and macOS)")
                    .isEqualTo(137);
        }
    }

    @Test
    @Tag("task:5")
    void every_worker_death_names_the_worker_that_died_when_several_die() throws Exception {
        try (WorkerPool pool = new WorkerPool(2)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 2);
            Path[] notes = {tempDir.resolve("first"), tempDir.resolve("second")};
            List<TaskResult<Integer>> results = new ArrayList<>();
            for (Path note : notes) {
                results.add(pool.submit(notesItsPidThenExitsWithSeven(note), 1));
            }

            for (int i = 0; i < notes.length; i++) {
                Throwable failure = failureOfATaskWhoseWorkerDied(results.get(i), workers);
                assertThat(failure).as("get() of a task whose worker called System.exit(7)")
                        .isInstanceOf(WorkerDiedException.class);
                long named = ((WorkerDiedException) failure).workerPid();
                if (!Files.exists(notes[i])) { // the task never started: its worker died of the other task
                    assertThat(named).as("WorkerDiedException.workerPid() of a task whose worker died before it "
                            + "started: one of the pool's workers %s, and dead", workers).isIn(workers)
                            .matches(pid -> !ProcessTree.isRunning(pid), "is dead");
                    continue;
                }
                long diedIn = Long.parseLong(Files.readString(notes[i]));
                assertThat(named)
                        .as("WorkerDiedException.workerPid() of a task that ran in worker %d (workers: %s): name the "
                                + "worker whose output ended, not some other worker of the pool", diedIn, workers)
                        .isEqualTo(diedIn);
            }
        }
    }

    @Test
    @Tag("task:5")
    void the_pool_replaces_a_dead_worker_so_the_next_task_succeeds() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            long dead = assertWorkerProcesses(pool.workerPids(), 1).get(0);
            assertThat(failureOfATaskWhoseWorkerDied(pool.submit(exitsWithSeven(), 1), List.of(dead)))
                    .as("get() of a task whose worker called System.exit(7)")
                    .isInstanceOf(WorkerDiedException.class);

            long ranIn = awaitGet(pool.submit(WorkerPoolTest::pid, "after the death"), "the task after a worker died");

            assertThat(ranIn)
                    .as("the pid of the task after worker %d died: the pool must start a replacement worker and "
                            + "run the task there", dead)
                    .isNotEqualTo(dead)
                    .isNotEqualTo(TEST_JVM);
            assertThat(pool.workerPids()).as("workerPids() after the replacement").containsExactly(ranIn);
            assertThatProcess(ranIn).isChildOfTheTestJvm();
            assertThat(ProcessTree.isRunning(dead)).as("is the dead worker %d alive", dead).isFalse();
        }
    }

    // ---- Task 6: Tell the error callback. ----

    @Test
    @Tag("task:6")
    void an_error_callback_receives_the_exception_and_only_on_failure() throws Exception {
        BlockingQueue<RuntimeException> errors = new LinkedBlockingQueue<>();
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 1);

            pool.submit(WorkerPoolTest::failInThisProcess, "x", errors::add);
            RuntimeException received = errors.poll(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(received)
                    .as("what the error callback of submit(failing task, x, onError) received within 5 s, without "
                            + "anyone calling get()")
                    .isInstanceOf(TaskFailedException.class)
                    .hasCauseExactlyInstanceOf(IllegalStateException.class);
            assertThat(pidInMessage(received.getCause())).as("the pid where the failing task ran").isIn(workers);

            awaitGet(pool.submit(WorkerPoolTest::pid, "fine", errors::add), "a task that succeeds");
            assertThat(errors).as("error callbacks after a task that succeeded: onError is for failures only")
                    .isEmpty();
        }
    }

    @Test
    @Tag("task:6")
    void an_error_callback_receives_a_result_that_could_not_be_read() throws Exception {
        BlockingQueue<RuntimeException> errors = new LinkedBlockingQueue<>();
        try (WorkerPool pool = new WorkerPool(1)) {
            assertWorkerProcesses(pool.workerPids(), 1);
            Task<String, File> fileNamed = File::new;

            pool.submit(fileNamed, "secret.txt", errors::add);
            RuntimeException received = errors.poll(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(received)
                    .as("what the error callback received within 5 s for a task whose result (a java.io.File) the "
                            + "parent's allow-list refuses: that task failed too, so onError must hear of it")
                    .isNotNull()
                    .hasStackTraceContaining("allow-list");
        }
    }

    @Test
    @Tag("task:6")
    void an_error_callback_receives_the_death_of_the_worker() throws Exception {
        BlockingQueue<RuntimeException> errors = new LinkedBlockingQueue<>();
        try (WorkerPool pool = new WorkerPool(1)) {
            long worker = assertWorkerProcesses(pool.workerPids(), 1).get(0);

            pool.submit(exitsWithSeven(), 1, errors::add);
            RuntimeException received = errors.poll(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(received)
                    .as("what the error callback of a task whose worker called System.exit(7) received within 5 s, "
                            + "without anyone calling get(). A worker's death is a failure too: fail its unfinished "
                            + "tasks through the same path as a thrown exception, the one that calls onError")
                    .isInstanceOf(WorkerDiedException.class);
            assertThat(((WorkerDiedException) received).exitCode())
                    .as("the exit status in the WorkerDiedException the callback received").isEqualTo(7);
            assertThat(((WorkerDiedException) received).workerPid())
                    .as("the worker pid in the WorkerDiedException the callback received").isEqualTo(worker);
        }
    }

    @Test
    @Tag("task:6")
    void an_error_callback_that_throws_does_not_make_a_healthy_worker_look_dead() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkerProcesses(pool.workerPids(), 1);
            TaskResult<Long> failed = pool.submit(WorkerPoolTest::failInThisProcess, "x", failure -> {
                throw new IllegalStateException("a careless callback");
            });
            assertThat(failureOfGet(failed, "a failing task whose callback throws"))
                    .as("what get() threw for a failing task whose onError callback threw")
                    .isInstanceOf(TaskFailedException.class);

            assertTheNextTaskRunsIn(workers, pool, "a task whose onError callback threw", "the callback runs on the "
                    + "thread that reads the worker's replies; if its exception ends that thread, the healthy worker "
                    + "looks dead. Catch what the callback throws");
        }
    }
}
