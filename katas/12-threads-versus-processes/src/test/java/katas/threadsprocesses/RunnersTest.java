package katas.threadsprocesses;

import static katas.testkit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.List;
import katas.process.CapturedProcess;
import katas.process.ExitCodes;
import katas.process.JavaProcess;
import katas.testkit.Bounded;
import katas.testkit.ChildJvmFleet;
import katas.testkit.KataTest;
import katas.threadsprocesses.fixtures.EatsTheHeap;
import katas.threadsprocesses.fixtures.EatsTheHeapOnAThread;
import katas.threadsprocesses.fixtures.EchoesItsArguments;
import katas.threadsprocesses.fixtures.ExitsWith;
import katas.threadsprocesses.fixtures.Halts;
import katas.threadsprocesses.fixtures.HaltsOnAThread;
import katas.threadsprocesses.fixtures.NotInTheTestJvm;
import katas.threadsprocesses.fixtures.ReportsItsMaxHeap;
import katas.threadsprocesses.fixtures.ReportsWhereItRuns;
import katas.threadsprocesses.fixtures.SetsTheStaticField;
import katas.threadsprocesses.fixtures.Throws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

@KataTest
class RunnersTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PLENTY = Duration.ofSeconds(15);
    private static final long MIB = 1024 * 1024;

    @BeforeEach
    void untouchTheStaticField() {
        NotInTheTestJvm.testJvm = TEST_JVM;
        SetsTheStaticField.value = SetsTheStaticField.UNTOUCHED;
        SetsTheStaticField.ranOn = null;
    }

    /** ProcessRunner.run(...), bounded: a child that nobody waits for properly must not hang the test. */
    private static ChildResult inAChild(String call, ThrowingSupplier<ChildResult> run) {
        ChildResult result = Bounded.within(PLENTY, call, "The job itself ends in well under a second. Does run() "
                + "wait for the child with waitFor (or CapturedProcess.awaitExit) and read its output while it runs? "
                + "A child whose output nobody reads blocks once the pipe is full.").get(run);
        assertThat(result).as("what %s returned: a ChildResult, never null", call).isNotNull();
        return result;
    }

    /** ThreadRunner.run(...), bounded. */
    private static String onAThread(String call, ThrowingSupplier<String> run) {
        return Bounded.within(PLENTY, call, "The job ends in well under a second: start the thread, then join() it. "
                + "Is the thread started (start(), not just created)?").get(run);
    }

    /** Starts a fixture main in a JVM of its own and waits for it to end; the test JVM must never be the one halted. */
    private static CapturedProcess fixtureJvm(ChildJvmFleet children, JavaProcess child, String role, String whyItMayHang)
            throws Exception {
        CapturedProcess started = children.start(child);
        children.exitCodeOf(started, role, PLENTY, whyItMayHang);
        return started;
    }

    // ---------------------------------------------------------------------------------------------------- task 1

    @Test
    @Tag("task:1")
    void a_job_runs_in_a_child_process_of_the_test_jvm_and_its_answer_comes_back() throws Exception {
        ChildResult child = inAChild("ProcessRunner.run(ReportsWhereItRuns.class)",
                () -> ProcessRunner.run(ReportsWhereItRuns.class));

        assertThat(child.pid())
                .as("the pid in the ChildResult: it must be the child's (Process.pid()), not the test JVM's own (%d)",
                        TEST_JVM)
                .isNotEqualTo(TEST_JVM);
        assertThat(child.output())
                .as("the answer of a job that says where it runs (\"pid=P parent=Q thread=T\"), as the child printed "
                        + "it. It must have run in the process whose pid the ChildResult names, a child of the test "
                        + "JVM (pid %d), on that JVM's main thread; and output() is the job's answer alone, without "
                        + "a line break at the end (CapturedOutput.text()). Its stderr: %s", TEST_JVM, child.errors())
                .isEqualTo("pid=" + child.pid() + " parent=" + TEST_JVM + " thread=main");
        assertThat(child.exitCode())
                .as("the exit code of a child whose job answered%s. Its stderr: %s",
                        ExitCodes.explain(child.exitCode()), child.errors())
                .isZero();
        assertThatProcess(child.pid()).ranOutsideTheTestJvm();
    }

    @Test
    @Tag("task:1")
    void the_jobs_arguments_reach_the_child_unchanged() throws Exception {
        ChildResult child = inAChild("ProcessRunner.run(EchoesItsArguments.class, \"a\", \"two words\", \"-Xmx1m\")",
                () -> ProcessRunner.run(EchoesItsArguments.class, "a", "two words", "-Xmx1m"));

        assertThat(child.output())
                .as("the answer of a job that echoes its arguments in brackets, run in a child with \"a\", "
                        + "\"two words\" and \"-Xmx1m\". The child gets the job's class name first, then the job's "
                        + "arguments, each one a separate argument after the main class (JavaProcess.withArgs), so "
                        + "that spaces stay inside and nothing is taken for a JVM option. Its stderr: %s",
                        child.errors())
                .isEqualTo("[a][two words][-Xmx1m]");
    }

    @Test
    @Tag("task:1")
    void a_job_that_throws_ends_its_child_with_exit_code_1_and_the_stack_trace_on_stderr() throws Exception {
        ChildResult child = inAChild("ProcessRunner.run(Throws.class, \"boom\")",
                () -> ProcessRunner.run(Throws.class, "boom"));

        assertThat(child.exitCode())
                .as("the exit code of a child whose job threw IllegalStateException(\"boom\") out of main%s: a JVM "
                        + "whose main thread ends with an exception exits with 1. Report the exit code the child "
                        + "really had (Process.exitValue(), after it has exited), never a constant",
                        ExitCodes.explain(child.exitCode()))
                .isEqualTo(1);
        assertThat(child.errors())
                .as("the child's stderr, where the JVM prints the stack trace of an exception that ends main: "
                        + "errors() must hold what the child wrote to its standard error")
                .contains("java.lang.IllegalStateException: boom");
        assertThat(child.output())
                .as("the child's stdout: a job that threw has no answer, so nothing was printed")
                .isEmpty();
    }

    @Test
    @Tag("task:1")
    void the_exit_code_is_the_one_the_child_ended_with() throws Exception {
        ChildResult child = inAChild("ProcessRunner.run(ExitsWith.class, \"42\")",
                () -> ProcessRunner.run(ExitsWith.class, "42"));

        assertThat(child.exitCode())
                .as("the exit code of a child whose job called System.exit(42)%s. The parent learns how a child "
                        + "ended only from its exit code: read it from the Process once the child has exited. Its "
                        + "stderr: %s", ExitCodes.explain(child.exitCode()), child.errors())
                .isEqualTo(42);
    }

    // ---------------------------------------------------------------------------------------------------- task 2

    @Test
    @Tag("task:2")
    void a_job_on_a_thread_answers_from_the_test_jvm_on_a_thread_of_its_own() {
        String answer = onAThread("ThreadRunner.run(ReportsWhereItRuns.class)",
                () -> ThreadRunner.run(ReportsWhereItRuns.class));
        String caller = Thread.currentThread().getName();

        assertThat(answer)
                .as("the answer of a job that says where it runs, run by ThreadRunner. A thread runs inside the "
                        + "caller's process, so the pid is the test JVM's own (%d). null means run returned before "
                        + "the job had answered: join() the thread first", TEST_JVM)
                .startsWith("pid=" + TEST_JVM + " ");
        assertThat(answer)
                .as("the thread the job said it ran on: a new thread, not the caller's (\"%s\"). Calling "
                        + "job.run(...) directly, or Thread.run() instead of start(), runs it on the caller's thread",
                        caller)
                .doesNotEndWith(" thread=" + caller);

        String echoed = onAThread("ThreadRunner.run(EchoesItsArguments.class, \"a\", \"two words\")",
                () -> ThreadRunner.run(EchoesItsArguments.class, "a", "two words"));
        assertThat(echoed)
                .as("what ThreadRunner.run returned for a job that echoes its arguments in brackets: the job's answer")
                .isEqualTo("[a][two words]");
    }

    @Test
    @Tag("task:2")
    void a_static_field_set_by_a_job_on_a_thread_is_seen_by_the_caller() {
        String answer = onAThread("ThreadRunner.run(SetsTheStaticField.class, \"set on a thread\")",
                () -> ThreadRunner.run(SetsTheStaticField.class, "set on a thread"));
        Thread ranOn = SetsTheStaticField.ranOn;

        assertThat(ranOn)
                .as("the thread the job ran on, as it noted in a static field of the test JVM: a new one, not the "
                        + "caller's. null means it never ran in this JVM (did the runner start a process?)")
                .isNotNull()
                .isNotSameAs(Thread.currentThread());
        assertThat(SetsTheStaticField.value)
                .as("the static field SetsTheStaticField.value, read by the caller after ThreadRunner.run returned. "
                        + "A thread shares the heap and the static fields with its caller, so the job's change is "
                        + "seen here, once the runner has waited for the job (join()): the job sets it after 0.1 s")
                .isEqualTo("set on a thread");
        assertThat(answer)
                .as("what ThreadRunner.run returned: the job's answer, from the test JVM (pid %d)", TEST_JVM)
                .isEqualTo("pid=" + TEST_JVM + " thread=" + ranOn.getName() + " value=set on a thread");
    }

    @Test
    @Tag("task:2")
    void a_static_field_set_by_a_job_in_a_child_process_is_not_seen_by_the_parent() throws Exception {
        ChildResult child = inAChild("ProcessRunner.run(SetsTheStaticField.class, \"set in a child\")",
                () -> ProcessRunner.run(SetsTheStaticField.class, "set in a child"));

        assertThat(child.output())
                .as("the answer of the job in the child: it set its static field and read it back, in the child "
                        + "process whose pid the ChildResult names (not the test JVM, pid %d). Its stderr: %s",
                        TEST_JVM, child.errors())
                .isEqualTo("pid=" + child.pid() + " thread=main value=set in a child");
        assertThatProcess(child.pid()).ranOutsideTheTestJvm();
        assertThat(SetsTheStaticField.value)
                .as("the static field SetsTheStaticField.value in the test JVM after the job set it in a child "
                        + "process. The child loaded the class into its own heap and changed its own copy: the "
                        + "parent's stays \"%s\". Anything else means the job ran in the test JVM",
                        SetsTheStaticField.UNTOUCHED)
                .isEqualTo(SetsTheStaticField.UNTOUCHED);
        assertThat(SetsTheStaticField.ranOn)
                .as("the thread the job noted in the test JVM's static field: none, since it ran in another JVM")
                .isNull();
    }

    // ---------------------------------------------------------------------------------------------------- task 3

    @Test
    @Tag("task:3")
    void a_job_that_throws_on_a_thread_reaches_the_caller_as_a_job_failed_exception() {
        assertThatExceptionOfType(JobFailedException.class)
                .as("what ThreadRunner.run(Throws.class, \"boom\") throws. An exception ends only the thread it is "
                        + "thrown on: catch it there (catch Throwable in the thread's Runnable), keep it, and after "
                        + "join() throw a JobFailedException with it as the cause")
                .isThrownBy(() -> onAThread("ThreadRunner.run(Throws.class, \"boom\")",
                        () -> ThreadRunner.run(Throws.class, "boom")))
                .havingCause()
                .as("the cause of the JobFailedException: the job's own exception, unchanged")
                .isInstanceOf(IllegalStateException.class)
                .withMessage("boom");
    }

    @Test
    @Tag("task:3")
    void a_job_that_halts_on_a_thread_takes_its_whole_jvm_down() throws Exception {
        try (ChildJvmFleet children = new ChildJvmFleet()) {
            CapturedProcess jvm = fixtureJvm(children, JavaProcess.of(HaltsOnAThread.class).withArgs("7"),
                    "JVM whose main calls ThreadRunner.run(Halts.class, \"7\")", "Runtime.halt(7) on the job's "
                            + "thread should have ended it at once. Does ThreadRunner start the job's thread and "
                            + "join() it?");
            int status = jvm.process().exitValue();
            List<String> lines = jvm.stdout().lines();

            assertThat(lines)
                    .as("what a JVM whose main thread calls ThreadRunner.run(Halts.class, \"7\") printed (exit code "
                            + "%d%s). The job prints \"%sT in pid P\" from a thread T that is not main, then halts. Its "
                            + "stderr: %s", status, ExitCodes.explain(status), Halts.SAYS, jvm.stderr().text())
                    .anyMatch(line -> line.startsWith(Halts.SAYS) && !line.startsWith(Halts.SAYS + "main "));
            assertThat(status)
                    .as("the exit status of that JVM. Runtime.halt(7) on any thread ends the whole process, at "
                            + "once: every thread of it, the caller's included, with status 7")
                    .isEqualTo(7);
            assertThat(lines)
                    .as("whether that JVM printed \"%s\" after ThreadRunner.run: it cannot have, since the halt on "
                            + "the job's thread ended the process the caller's thread lives in",
                            HaltsOnAThread.SURVIVED)
                    .doesNotContain(HaltsOnAThread.SURVIVED);
        }
    }

    @Test
    @Tag("task:3")
    void a_job_that_halts_in_a_child_process_leaves_the_parent_running_with_the_exit_code() throws Exception {
        ChildResult child = inAChild("ProcessRunner.run(Halts.class, \"7\")", () -> ProcessRunner.run(Halts.class, "7"));

        assertThat(child.output())
                .as("what the child printed before it halted: it halted its own JVM, the child process whose pid "
                        + "the ChildResult names. Its stderr: %s", child.errors())
                .isEqualTo(Halts.SAYS + "main in pid " + child.pid());
        assertThat(child.exitCode())
                .as("the exit code of the child whose job called Runtime.halt(7)%s: the parent, still running, "
                        + "reads how its child ended", ExitCodes.explain(child.exitCode()))
                .isEqualTo(7);

        ChildResult next = inAChild("ProcessRunner.run(ReportsWhereItRuns.class) after a child halted",
                () -> ProcessRunner.run(ReportsWhereItRuns.class));
        assertThat(next.output())
                .as("the answer of the next job the test JVM runs in a child: the parent goes on as if nothing "
                        + "happened. Its stderr: %s", next.errors())
                .isEqualTo("pid=" + next.pid() + " parent=" + TEST_JVM + " thread=main");
    }

    // ---------------------------------------------------------------------------------------------------- task 4

    @Test
    @Tag("task:4")
    void the_jvm_options_reach_the_child_and_the_jobs_arguments_stay_the_jobs() throws Exception {
        ChildResult child = inAChild("ProcessRunner.run(List.of(\"-Xmx48m\"), ReportsItsMaxHeap.class)",
                () -> ProcessRunner.run(List.of("-Xmx48m"), ReportsItsMaxHeap.class));

        assertThat(child.exitCode())
                .as("the exit code of a child started with -Xmx48m whose job reports its heap%s. Its stderr: %s",
                        ExitCodes.explain(child.exitCode()), child.errors())
                .isZero();
        assertThat(Long.parseLong(child.output()))
                .as("the most heap the child may use (Runtime.maxMemory(), in bytes), started with -Xmx48m. More "
                        + "than 48 MiB means the option never reached the child's java command: JVM options go "
                        + "before the main class (JavaProcess.withJvmOptions), the job's arguments after it")
                .isLessThanOrEqualTo(48 * MIB)
                .isGreaterThan(16 * MIB);

        ChildResult echo = inAChild("ProcessRunner.run(List.of(\"-Xmx48m\"), EchoesItsArguments.class, \"a\", "
                + "\"two words\")", () -> ProcessRunner.run(List.of("-Xmx48m"), EchoesItsArguments.class, "a",
                "two words"));
        assertThat(echo.output())
                .as("the answer of a job that echoes its arguments in brackets, run with the JVM option -Xmx48m and "
                        + "the arguments \"a\" and \"two words\": the options are the JVM's, not the job's. Its "
                        + "stderr: %s", echo.errors())
                .isEqualTo("[a][two words]");
    }

    @Test
    @Tag("task:4")
    void a_child_that_exhausts_its_heap_ends_with_an_error_the_parent_sees() throws Exception {
        ChildResult child = inAChild("ProcessRunner.run(List.of(\"-Xmx32m\"), EatsTheHeap.class)",
                () -> ProcessRunner.run(List.of("-Xmx32m"), EatsTheHeap.class));

        assertThat(child.errors())
                .as("the stderr of a child with a 32 MiB heap whose job keeps every MiB it allocates: its heap ran "
                        + "out, and the OutOfMemoryError ended its main thread. (The test JVM's heap, %d MiB at "
                        + "most, is another process's memory: nothing was taken from it.) Exit code %d%s",
                        Runtime.getRuntime().maxMemory() / MIB, child.exitCode(), ExitCodes.explain(child.exitCode()))
                .contains("java.lang.OutOfMemoryError");
        assertThat(child.exitCode())
                .as("the exit code of that child%s: an error that ends main ends the JVM with 1, like an "
                        + "exception", ExitCodes.explain(child.exitCode()))
                .isEqualTo(1);
        assertThatProcess(child.pid()).ranOutsideTheTestJvm();
    }

    @Test
    @Tag("task:4")
    void with_exit_on_out_of_memory_error_the_child_ends_with_status_3() throws Exception {
        ChildResult child = inAChild("ProcessRunner.run(List.of(\"-Xmx32m\", \"-XX:+ExitOnOutOfMemoryError\"), "
                + "EatsTheHeap.class)", () -> ProcessRunner.run(List.of("-Xmx32m", "-XX:+ExitOnOutOfMemoryError"),
                EatsTheHeap.class));

        assertThat(child.exitCode())
                .as("the exit code of a child started with -Xmx32m -XX:+ExitOnOutOfMemoryError whose job exhausts "
                        + "its heap%s. With that flag the JVM exits with status 3 at the first OutOfMemoryError, "
                        + "whatever thread it happens on. Its stderr: %s", ExitCodes.explain(child.exitCode()),
                        child.errors())
                .isEqualTo(3);
    }

    @Test
    @Tag("task:4")
    void an_out_of_memory_error_on_a_thread_ends_that_thread_only() throws Exception {
        try (ChildJvmFleet children = new ChildJvmFleet()) {
            CapturedProcess jvm = fixtureJvm(children,
                    JavaProcess.of(EatsTheHeapOnAThread.class).withJvmOptions("-Xmx32m"),
                    "JVM (-Xmx32m) whose main calls ThreadRunner.run(EatsTheHeap.class)", "Its heap runs out at "
                            + "once; then ThreadRunner.run should throw.");
            List<String> lines = jvm.stdout().lines();
            int status = jvm.process().exitValue();

            assertThat(lines)
                    .as("what a JVM with a 32 MiB heap printed after its main thread called "
                            + "ThreadRunner.run(EatsTheHeap.class) (exit code %d%s). The job's OutOfMemoryError is an "
                            + "Error, not an Exception: the thread must catch Throwable, and ThreadRunner.run throws "
                            + "a JobFailedException with it as the cause. Its stderr: %s", status,
                            ExitCodes.explain(status), jvm.stderr().text())
                    .contains("caught JobFailedException caused by java.lang.OutOfMemoryError");
            assertThat(lines)
                    .as("whether that JVM went on after the OutOfMemoryError on the job's thread. In Java it does: "
                            + "the error ends the thread it is thrown on, the heap the job kept is garbage once that "
                            + "thread is gone, and the caller's thread goes on")
                    .contains(EatsTheHeapOnAThread.SURVIVED);
            assertThat(status).as("its exit code%s", ExitCodes.explain(status)).isZero();
        }
    }

    @Test
    @Tag("task:4")
    void with_exit_on_out_of_memory_error_an_out_of_memory_error_on_a_thread_ends_the_whole_jvm() throws Exception {
        try (ChildJvmFleet children = new ChildJvmFleet()) {
            CapturedProcess jvm = fixtureJvm(children, JavaProcess.of(EatsTheHeapOnAThread.class)
                            .withJvmOptions("-Xmx32m", "-XX:+ExitOnOutOfMemoryError"),
                    "JVM (-Xmx32m -XX:+ExitOnOutOfMemoryError) whose main calls ThreadRunner.run(EatsTheHeap.class)",
                    "Its heap runs out at once, and the flag ends the JVM then.");
            int status = jvm.process().exitValue();

            assertThat(status)
                    .as("the exit status of a JVM started with -XX:+ExitOnOutOfMemoryError whose job exhausts the "
                            + "heap on a thread of ThreadRunner%s: the flag makes the first OutOfMemoryError, on any "
                            + "thread, end the whole JVM with status 3. Its stdout: %s; its stderr: %s", ExitCodes.explain(status),
                            jvm.stdout().lines(), jvm.stderr().text())
                    .isEqualTo(3);
            assertThat(jvm.stdout().lines())
                    .as("whether that JVM printed \"%s\": the caller's thread went down with the job's",
                            EatsTheHeapOnAThread.SURVIVED)
                    .doesNotContain(EatsTheHeapOnAThread.SURVIVED);
        }
    }
}
