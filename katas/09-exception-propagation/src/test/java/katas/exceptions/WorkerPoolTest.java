package katas.exceptions;

import static katas.kit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import katas.exceptions.fixtures.UnserializableException;
import katas.kit.KataTest;
import katas.outside.SneakyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

@KataTest
class WorkerPoolTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

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

    static long failWithAnUnserializableException(Object ignored) {
        throw new UnserializableException("cannot travel, from pid " + ProcessHandle.current().pid());
    }

    static long failWithAnExceptionOutsideTheAllowList(Object ignored) {
        throw new SneakyException("not welcome, from pid " + ProcessHandle.current().pid());
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

    // ---- Helpers for the assertions. ----

    /** The pool's workers are separate processes, children of the test JVM, one per requested worker. */
    private static List<Long> assertWorkersAreChildProcesses(WorkerPool pool, int size) {
        List<Long> workers = pool.workerPids();
        assertThat(workers)
                .as("workerPids() of a pool of %d: one pid per worker process, all different", size)
                .hasSize(size)
                .doesNotHaveDuplicates();
        workers.forEach(pid -> assertThatProcess(pid).ranOutsideTheTestJvm().isChildOfTheTestJvm());
        return workers;
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The pid a task wrote into its exception's message ("... pid 1234"). */
    private static long pidInMessage(Throwable exception) {
        return Long.parseLong(exception.getMessage().replaceAll("(?s).*pid (\\d+).*", "$1"));
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** What get() threw for a task whose worker died; fails the test if get() is still waiting after PROMPTLY. */
    private static Throwable failureOfATaskWhoseWorkerDied(TaskResult<?> result) throws InterruptedException {
        try {
            Object value = result.get(PROMPTLY);
            return new AssertionError("get() returned " + value + " for a task whose worker died before answering");
        } catch (TimeoutException stillWaiting) {
            throw new AssertionError("get() was still waiting " + PROMPTLY.toSeconds() + " s after the worker "
                    + "process running the task died. That is Python's bug bpo-22393 (the pool hangs forever when a "
                    + "worker dies): when a worker's output ends, its reader thread must fail every unfinished task "
                    + "of that worker with a WorkerDiedException", stillWaiting);
        } catch (RuntimeException failure) {
            return failure;
        }
    }

    // ---- The tests. ----

    @Test
    void a_result_comes_back_from_a_worker_process() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkersAreChildProcesses(pool, 1);

            long ranIn = pool.submit(WorkerPoolTest::pid, "anything").get();

            assertThat(ranIn)
                    .as("the pid the task reported from where it ran; the test JVM is %d, the worker %s. The task "
                            + "must run in the worker process", TEST_JVM, workers)
                    .isNotEqualTo(TEST_JVM)
                    .isIn(workers);
        }
    }

    @Test
    void a_division_by_zero_in_a_worker_reaches_get_as_the_original_arithmetic_exception() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            assertWorkersAreChildProcesses(pool, 1);
            TaskResult<Integer> result = pool.submit(numbers -> divide(numbers.get(0), numbers.get(1)), List.of(1, 0));

            Throwable failure = catchThrowable(result::get);

            assertThat(failure).as("what get() threw for divide(1, 0) in the worker")
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
    void the_failure_names_the_worker_process_it_happened_in() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkersAreChildProcesses(pool, 1);

            Throwable failure = catchThrowable(pool.submit(WorkerPoolTest::failInThisProcess, "x")::get);

            assertThat(failure).isInstanceOf(TaskFailedException.class);
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
    void the_pool_survives_a_failed_task_and_the_next_task_succeeds() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkersAreChildProcesses(pool, 1);
            TaskResult<Integer> failed = pool.submit(numbers -> divide(numbers.get(0), numbers.get(1)), List.of(1, 0));
            assertThat(catchThrowable(failed::get)).isInstanceOf(TaskFailedException.class);

            long ranIn = pool.submit(WorkerPoolTest::pid, "next").get(Duration.ofSeconds(10));

            assertThat(ranIn)
                    .as("the pid of the task after the failed one: an exception in a task must not end or replace "
                            + "the worker, so the same worker %s runs it", workers)
                    .isIn(workers);
            assertThat(pool.workerPids()).as("workerPids() after a task threw").isEqualTo(workers);
        }
    }

    @Test
    void get_with_a_timeout_gives_up_after_about_that_timeout_and_the_task_still_completes_later() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkersAreChildProcesses(pool, 1);
            TaskResult<Long> slow = pool.submit(WorkerPoolTest::pidAfterSleeping, 900L);

            long started = System.nanoTime();
            assertThatThrownBy(() -> slow.get(Duration.ofMillis(300)),
                    "get(300 ms) on a task that takes 0.9 s: it must give up with a TimeoutException")
                    .isInstanceOf(TimeoutException.class);
            Duration waited = since(started);

            assertThat(waited).as("how long get(300 ms) waited before giving up")
                    .isBetween(Duration.ofMillis(250), Duration.ofMillis(750));
            assertThat(slow.isDone()).as("isDone() of the slow task right after the timed get gave up").isFalse();
            assertThat(slow.get(Duration.ofSeconds(10)))
                    .as("the slow task's result, asked for again later: a timeout must not cancel the task")
                    .isIn(workers);
            assertThat(slow.isDone()).as("isDone() of the slow task once get() has returned its result").isTrue();
        }
    }

    @Test
    void a_worker_that_exits_mid_task_makes_get_fail_promptly_with_its_exit_status() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            long worker = assertWorkersAreChildProcesses(pool, 1).get(0);
            TaskResult<Integer> result = pool.submit(exitsWithSeven(), 1);

            Throwable failure = failureOfATaskWhoseWorkerDied(result);

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
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no SIGKILL: a forcibly ended process exits with 1")
    void a_worker_killed_with_sigkill_mid_task_makes_get_fail_promptly() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            long worker = assertWorkersAreChildProcesses(pool, 1).get(0);
            TaskResult<Long> result = pool.submit(WorkerPoolTest::pidAfterSleeping, 5_000L);

            ProcessHandle.of(worker).orElseThrow().destroyForcibly(); // kill -9
            Throwable failure = failureOfATaskWhoseWorkerDied(result);

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
    void the_pool_replaces_a_dead_worker_so_the_next_task_succeeds() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            long dead = assertWorkersAreChildProcesses(pool, 1).get(0);
            assertThat(failureOfATaskWhoseWorkerDied(pool.submit(exitsWithSeven(), 1)))
                    .as("get() of a task whose worker called System.exit(7)")
                    .isInstanceOf(WorkerDiedException.class);

            long ranIn = pool.submit(WorkerPoolTest::pid, "after the death").get(Duration.ofSeconds(10));

            assertThat(ranIn)
                    .as("the pid of the task after worker %d died: the pool must start a replacement worker and "
                            + "run the task there", dead)
                    .isNotEqualTo(dead)
                    .isNotEqualTo(TEST_JVM);
            assertThat(pool.workerPids()).as("workerPids() after the replacement").containsExactly(ranIn);
            assertThatProcess(ranIn).isChildOfTheTestJvm();
            assertThat(isAlive(dead)).as("is the dead worker %d alive", dead).isFalse();
        }
    }

    @Test
    void an_exception_that_cannot_be_serialized_still_reaches_the_caller_as_type_message_and_stack_text()
            throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkersAreChildProcesses(pool, 1);

            Throwable failure = catchThrowable(
                    pool.submit(WorkerPoolTest::failWithAnUnserializableException, "x")::get);

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
    void an_exception_of_a_class_outside_the_allow_list_reaches_the_caller_as_a_stand_in() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkersAreChildProcesses(pool, 1);

            Throwable failure = catchThrowable(
                    () -> pool.submit(WorkerPoolTest::failWithAnExceptionOutsideTheAllowList, "x").get(PROMPTLY));

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
    void a_result_of_a_class_outside_the_allow_list_is_refused_instead_of_instantiated() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            assertWorkersAreChildProcesses(pool, 1);
            Task<String, File> fileNamed = File::new;

            Throwable failure = catchThrowable(() -> pool.submit(fileNamed, "secret.txt").get(PROMPTLY));

            assertThat(failure)
                    .as("what get() did for a task whose result is a java.io.File: File is serializable, but it is "
                            + "not on the parent's allow-list (JDK values and katas.exceptions.**). Read every result "
                            + "through SafeSerialization.fromBytes(bytes, allowList) and fail the TaskResult with "
                            + "the exception it throws, instead of handing the caller an instance of a class nobody "
                            + "allowed (or a TimeoutException: a result that cannot be read must still finish the "
                            + "task)")
                    .isInstanceOf(RuntimeException.class)
                    .hasStackTraceContaining("allow-list");
        }
    }

    @Test
    void an_error_callback_receives_the_exception_and_only_on_failure() throws Exception {
        BlockingQueue<RuntimeException> errors = new LinkedBlockingQueue<>();
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkersAreChildProcesses(pool, 1);

            pool.submit(WorkerPoolTest::failInThisProcess, "x", errors::add);
            RuntimeException received = errors.poll(10, TimeUnit.SECONDS);

            assertThat(received)
                    .as("what the error callback of submit(failing task, x, onError) received within 10 s, without "
                            + "anyone calling get()")
                    .isInstanceOf(TaskFailedException.class)
                    .hasCauseExactlyInstanceOf(IllegalStateException.class);
            assertThat(pidInMessage(received.getCause())).as("the pid where the failing task ran").isIn(workers);

            pool.submit(WorkerPoolTest::pid, "fine", errors::add).get(Duration.ofSeconds(10));
            assertThat(errors).as("error callbacks after a task that succeeded").isEmpty();
        }
    }

    @Test
    void after_close_the_pool_refuses_new_tasks_and_no_worker_is_alive() {
        WorkerPool pool = new WorkerPool(2);
        List<Long> workers;
        try {
            workers = assertWorkersAreChildProcesses(pool, 2);
        } finally {
            pool.close();
        }

        assertThat(workers).as("workers still alive after close(): close must wait until they have exited")
                .noneMatch(WorkerPoolTest::isAlive);
        assertThatThrownBy(() -> pool.submit(WorkerPoolTest::pid, "late"),
                "submit() on a closed pool: there is nobody to run it, so refuse clearly")
                .isInstanceOf(IllegalStateException.class);
        assertThatCode(pool::close).as("closing the pool a second time").doesNotThrowAnyException();
    }

    @Test
    void a_pool_needs_at_least_one_worker_process() throws Exception {
        for (int size : Arrays.asList(0, -1)) {
            assertThatThrownBy(() -> new WorkerPool(size), "a pool of %d workers", size)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Long> workers = assertWorkersAreChildProcesses(pool, 1);
            assertThat(pool.submit(WorkerPoolTest::pid, "one").get()).isIn(workers);
        }
    }
}
