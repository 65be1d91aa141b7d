package katas.createprocess;

import static katas.kit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import katas.createprocess.fixtures.ExitsWithCode;
import katas.createprocess.fixtures.PrintsALot;
import katas.createprocess.fixtures.PrintsItsPidAndParentPid;
import katas.createprocess.fixtures.SleepsForever;
import katas.createprocess.fixtures.ThrowsUncaught;
import katas.kit.KataTest;
import katas.kit.OutputRecorder;
import katas.kit.ProcessTree;
import org.junit.jupiter.api.Test;

@KataTest
class ChildProcessTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PLENTY = Duration.ofSeconds(15);

    /** Stands in for System.out: the child's lines and the test's own lines land here, in order. */
    private final OutputRecorder out = new OutputRecorder();

    private ChildProcess childRunning(Class<?> mainClass, String... args) {
        return new ChildProcess(out.stream(), mainClass.getName(), args);
    }

    @Test
    void the_child_runs_the_named_main_class_with_its_arguments() throws Exception {
        ChildProcess child = childRunning(Greeter.class, "Alice");

        child.start();
        child.join();

        assertThat(out.lines())
                .as("what the child printed to its standard output, copied to 'out' (Greeter with argument Alice)")
                .containsExactly("Hello, Alice!");
    }

    @Test
    void the_child_is_a_separate_process_whose_parent_is_the_test_jvm() throws Exception {
        ChildProcess child = childRunning(PrintsItsPidAndParentPid.class);

        child.start();
        child.join();

        String report = out.lines().get(0);
        long reportedPid = Long.parseLong(report.replaceAll("pid=(\\d+) parent=.*", "$1"));
        long reportedParent = Long.parseLong(report.replaceAll(".*parent=(-?\\d+)", "$1"));
        assertThatProcess(reportedPid).ranOutsideTheTestJvm();
        assertThat(reportedPid)
                .as("the pid the child sees from the inside must be the pid() the parent reports")
                .isEqualTo(child.pid());
        assertThat(reportedParent)
                .as("the child's parent pid; the test JVM is pid %d. A different parent means something (a shell?) "
                        + "stands between the test and the child: start 'java' itself with ProcessBuilder", TEST_JVM)
                .isEqualTo(TEST_JVM);
    }

    @Test
    void after_join_the_child_is_no_longer_alive_and_exited_with_code_zero() throws Exception {
        ChildProcess child = childRunning(Greeter.class, "Alice");

        child.start();
        child.join();

        assertThat(child.isAlive()).as("isAlive() after join(): join must wait until the child has exited").isFalse();
        assertThat(child.exitCode()).as("exit code of a child whose main returned normally").isZero();
    }

    @Test
    void the_parents_line_before_start_comes_first_and_main_completed_comes_after_join() throws Exception {
        ChildProcess child = childRunning(Greeter.class, "Bob");

        out.stream().println("main started");
        child.start();
        child.join();
        out.stream().println("main completed");

        assertThat(out.lines())
                .as("the order of the lines: join() returns only after the child has exited AND its whole output "
                        + "has been copied to 'out'")
                .containsExactly("main started", "Hello, Bob!", "main completed");
    }

    @Test
    void starting_the_same_child_twice_is_an_illegal_state() throws Exception {
        ChildProcess child = childRunning(Greeter.class, "Alice");
        child.start();
        try {
            assertThatThrownBy(child::start)
                    .as("a second start() of the same child: a process runs once, like Python's Process")
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            child.join();
        }
    }

    @Test
    void joining_a_child_that_was_never_started_is_an_illegal_state() {
        ChildProcess child = childRunning(Greeter.class, "Alice");

        assertThatThrownBy(child::join)
                .as("join() before start(): there is no process to wait for")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_code_passed_to_system_exit_in_the_child_is_its_exit_code() throws Exception {
        ChildProcess child = childRunning(ExitsWithCode.class, "3");

        child.start();
        child.join();

        assertThat(child.exitCode()).as("exit code of a child that called System.exit(3)").isEqualTo(3);
    }

    @Test
    void an_uncaught_exception_gives_exit_code_one_and_its_text_on_the_error_output() throws Exception {
        ChildProcess child = childRunning(ThrowsUncaught.class);

        child.start();
        child.join();

        assertThat(child.exitCode()).as("exit code of a child whose main threw an exception").isEqualTo(1);
        assertThat(child.errorOutput())
                .as("the child's standard error, where the JVM printed the uncaught exception")
                .contains("java.lang.IllegalStateException: the child failed on purpose");
    }

    @Test
    void a_main_class_that_does_not_exist_is_a_clear_error_not_a_hang() {
        ChildProcess child = new ChildProcess(out.stream(), "katas.createprocess.NoSuchProgram");

        assertThatThrownBy(child::start)
                .as("start() of a class that is not on the classpath should fail at once, naming the class")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("katas.createprocess.NoSuchProgram");
    }

    @Test
    void a_child_that_prints_megabytes_does_not_deadlock_the_parent() throws Exception {
        int outLines = 100_000; // 8 MB: a pipe holds 64 KiB on Linux
        int errLines = 20_000;
        ChildProcess child = childRunning(PrintsALot.class, String.valueOf(outLines), String.valueOf(errLines));

        child.start();
        boolean exited = child.join(PLENTY);
        if (!exited) {
            ProcessTree.kill(ProcessHandle.of(child.pid()).orElseThrow());
        }

        assertThat(exited)
                .as("the child exited within %d s. If not, it is blocked writing to a full pipe: read the child's "
                        + "stdout AND stderr while it runs, not after it has exited", PLENTY.toSeconds())
                .isTrue();
        assertThat(out.lines()).as("lines copied from the child's stdout").hasSize(outLines);
        assertThat(child.errorOutput().lines()).as("lines of the child's stderr").hasSize(errLines);
    }

    @Test
    void join_with_a_timeout_returns_while_the_child_is_still_running() throws Exception {
        ChildProcess child = childRunning(SleepsForever.class);
        child.start();
        try {
            long started = System.nanoTime();
            boolean exited = child.join(Duration.ofMillis(300));
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(exited).as("join(300 ms) on a child that never ends must report that it has not exited")
                    .isFalse();
            assertThat(waited).as("how long join(300 ms) waited").isLessThan(Duration.ofSeconds(5));
            assertThat(child.isAlive()).as("isAlive() of the child after the timed join gave up").isTrue();
        } finally {
            ProcessTree.kill(ProcessHandle.of(child.pid()).orElseThrow());
        }
        assertThat(child.join(PLENTY)).as("join() of the child after it was killed").isTrue();
    }

    @Test
    void asking_for_the_exit_code_of_a_running_child_is_an_illegal_state() throws Exception {
        ChildProcess child = childRunning(SleepsForever.class);
        child.start();
        try {
            assertThatThrownBy(child::exitCode)
                    .as("exitCode() while the child runs: it has no exit code yet")
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            ProcessTree.kill(ProcessHandle.of(child.pid()).orElseThrow());
        }
    }

    @Test
    void a_child_that_was_never_started_is_not_alive() {
        ChildProcess child = childRunning(Greeter.class, "Alice");

        assertThat(child.isAlive()).as("isAlive() before start()").isFalse();
    }

    @Test
    void join_returns_only_after_every_line_has_reached_a_slow_reader() throws Exception {
        int lines = 1500; // ~150 KB: when the child exits, the last 64 KiB still sit in the pipe
        SlowLineCounter slow = new SlowLineCounter();
        ChildProcess child = new ChildProcess(slow.stream(), PrintsALot.class.getName(), String.valueOf(lines), "0");

        child.start();
        child.join();

        assertThat(slow.count())
                .as("lines that had reached 'out' when join() returned. The child had exited, but its last lines were "
                        + "still in the pipe: join() must also wait for the thread that copies them")
                .isEqualTo(lines);
    }

    @Test
    void a_timed_join_that_succeeds_has_copied_every_line_too() throws Exception {
        int lines = 1500;
        SlowLineCounter slow = new SlowLineCounter();
        ChildProcess child = new ChildProcess(slow.stream(), PrintsALot.class.getName(), String.valueOf(lines), "0");

        child.start();
        assertThat(child.join(PLENTY)).as("join(%d s) of a child that ends by itself", PLENTY.toSeconds()).isTrue();

        assertThat(slow.count())
                .as("lines that had reached 'out' when join(timeout) returned true: it must wait for the copying "
                        + "thread as well")
                .isEqualTo(lines);
    }

    @Test
    void pid_exit_code_and_timed_join_before_start_are_illegal_states() {
        ChildProcess child = childRunning(Greeter.class, "Alice");

        assertThatThrownBy(child::pid).as("pid() before start()").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(child::exitCode).as("exitCode() before start()").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> child.join(PLENTY)).as("join(timeout) before start()")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_child_finds_its_class_even_when_java_class_path_does_not_name_it() throws Exception {
        String saved = System.getProperty("java.class.path");
        System.setProperty("java.class.path", "launcher.jar"); // what some IDEs and test launchers leave there
        try {
            ChildProcess child = childRunning(Greeter.class, "Carol");
            child.start();
            child.join();

            assertThat(out.lines())
                    .as("what the child printed. With java.class.path useless, the child's classpath must come from "
                            + "where the main class was loaded (its CodeSource): see hint 4")
                    .containsExactly("Hello, Carol!");
        } finally {
            System.setProperty("java.class.path", saved);
        }
    }

    /** A reader that takes a fifth of a millisecond per line, as a terminal or a log file over a network might. */
    private static final class SlowLineCounter {

        private final AtomicInteger lines = new AtomicInteger();
        private final PrintStream stream = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                if (b == '\n') {
                    LockSupport.parkNanos(200_000);
                    lines.incrementAndGet();
                }
            }
        }, true);

        PrintStream stream() {
            return stream;
        }

        int count() {
            return lines.get();
        }
    }
}
