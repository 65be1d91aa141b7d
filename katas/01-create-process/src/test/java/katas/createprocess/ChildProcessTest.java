package katas.createprocess;

import static katas.testkit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import katas.createprocess.fixtures.BurstsToStderr;
import katas.createprocess.fixtures.ExitsWithCode;
import katas.createprocess.fixtures.MarksTheJvmItIsInitializedIn;
import katas.createprocess.fixtures.PrintsALot;
import katas.createprocess.fixtures.PrintsItsPidAndParentPid;
import katas.createprocess.fixtures.PrintsWithoutNewline;
import katas.createprocess.fixtures.SleepsForever;
import katas.createprocess.fixtures.ThrowsUncaught;
import katas.process.ProcessTree;
import katas.testkit.Bounded;
import katas.testkit.KataTest;
import katas.testkit.OutputRecorder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@KataTest
class ChildProcessTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PLENTY = Duration.ofSeconds(15);

    /** Stands in for System.out: the child's lines and the test's own lines land here, in order. */
    private final OutputRecorder out = new OutputRecorder();

    /** How long a test waits for start(), join() or exitCode() before it says what it was waiting for. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private ChildProcess childRunning(Class<?> mainClass, String... args) {
        return new ChildProcess(out.stream(), mainClass.getName(), args);
    }

    /** start(), but a start() that waits for the child to end fails with a message instead of a bare timeout. */
    private static void start(ChildProcess child) {
        Bounded.within(PATIENCE, "start()", "start() must launch the child JVM and return at once, without waiting "
                + "for it: no waitFor() and no reading of its output to the end inside start().").run(child::start);
    }

    /** join(), but a join() that never returns fails with a message instead of a bare timeout. */
    private static void join(ChildProcess child) {
        Bounded.within(PATIENCE, "join(), for a child that ends by itself within a second or two", "Either the "
                + "child is blocked writing to a pipe nobody reads (drain stdout AND stderr while it runs), or "
                + "join() waits for something that never ends (a reader thread that never sees the end of its "
                + "pipe, a wait on the wrong thing).").run(child::join);
    }

    /** join(timeout), bounded as well: a join(timeout) that ignores its timeout fails with a message. */
    private static boolean join(ChildProcess child, Duration timeout) {
        return Bounded.within(timeout.plus(PATIENCE), "join(" + timeout.toMillis() + " ms), given "
                + PATIENCE.toSeconds() + " s more than its timeout", "It must give up once the timeout has passed "
                + "(waitFor(timeout, unit)), not wait until the child ends.").get(() -> child.join(timeout));
    }

    private static Path realPath(String file) {
        try {
            return Path.of(file).toRealPath();
        } catch (java.io.IOException e) {
            return Path.of(file);
        }
    }

    /** The child's pid for a kill in a finally block: nothing to kill if it never became a real process. */
    private static void kill(ChildProcess child) {
        ProcessHandle.of(child.pid()).ifPresent(ProcessTree::kill);
    }

    @Test
    @Tag("task:1")
    void the_child_runs_the_named_main_class_with_its_arguments() throws Exception {
        ChildProcess child = childRunning(Greeter.class, "Alice");

        start(child);
        join(child);

        assertThat(out.lines())
                .as("what the child printed to its standard output, copied to 'out' (Greeter with argument Alice)")
                .containsExactly("Hello, Alice!");
    }

    @Test
    @Tag("task:1")
    void an_argument_with_spaces_reaches_the_child_as_one_argument() throws Exception {
        ChildProcess child = childRunning(Greeter.class, "Mary Ann");

        start(child);
        join(child);

        assertThat(out.lines())
                .as("what Greeter printed for the single argument \"Mary Ann\". \"Hello, Mary!\" means the "
                        + "argument was split at its space: pass each argument as its own element of the "
                        + "ProcessBuilder's command list")
                .containsExactly("Hello, Mary Ann!");
    }

    @Test
    @Tag("task:1")
    void the_child_is_a_separate_process_whose_parent_is_the_test_jvm() throws Exception {
        ChildProcess child = childRunning(PrintsItsPidAndParentPid.class);

        start(child);
        join(child);

        assertThat(out.lines())
                .as("what the child printed: one line \"pid=P parent=Q\", P and Q as the child sees them")
                .hasSize(1);
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
    @Tag("task:1")
    void the_child_is_this_jvms_own_java_running_the_named_class_with_its_arguments() throws Exception {
        ChildProcess child = childRunning(SleepsForever.class, "Mary Ann", "two words");
        start(child);
        try {
            assertThatProcess(child.pid()).ranOutsideTheTestJvm().isChildOfTheTestJvm();
            ProcessHandle.Info info = ProcessHandle.of(child.pid()).orElseThrow().info();
            Path ownJava = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
            assertThat(info.command().map(ChildProcessTest::realPath))
                    .as("the program the child process runs. It must be the 'java' of the running JVM, %s "
                            + "(System.getProperty(\"java.home\") + /bin/java), not whichever 'java' the PATH "
                            + "finds, or a shell", ownJava)
                    .contains(ownJava);
            List<String> arguments = List.of(info.arguments().orElse(new String[0]));
            List<String> lastThree = arguments.subList(Math.max(0, arguments.size() - 3), arguments.size());
            assertThat(lastThree)
                    .as("the last three command-line arguments of the child JVM (of %d). They must be the main class "
                            + "and then each argument as ONE argument, spaces included: build the command as a "
                            + "List<String> (never one string split at spaces, never a shell)", arguments.size())
                    .containsExactly(SleepsForever.class.getName(), "Mary Ann", "two words");
        } finally {
            kill(child);
        }
    }

    @Test
    @Tag("task:1")
    void start_returns_at_once_while_the_child_is_still_running() throws Exception {
        ChildProcess child = childRunning(Greeter.class, "Alice");

        start(child);
        boolean aliveRightAfterStart = child.isAlive();
        List<String> linesRightAfterStart = out.lines();
        join(child);

        assertThat(aliveRightAfterStart)
                .as("isAlive() right after start() returned. A new JVM needs far longer than start() to get to "
                        + "Greeter's main, so the child must still be running. False means start() waited for the "
                        + "child to end, or no child process was started at all (was the line printed by the "
                        + "parent?)")
                .isTrue();
        assertThat(linesRightAfterStart)
                .as("what had reached 'out' when start() returned: nothing yet, the child JVM was still starting. "
                        + "The greeting must come from the child, through its stdout pipe, not from the parent")
                .isEmpty();
        assertThat(out.lines()).as("what reached 'out' once join() returned").containsExactly("Hello, Alice!");
    }

    @Test
    @Tag("task:1")
    void the_parents_line_before_start_comes_first_and_main_completed_comes_after_join() throws Exception {
        ChildProcess child = childRunning(Greeter.class, "Bob");

        out.stream().println("main started");
        start(child);
        join(child);
        out.stream().println("main completed");

        assertThat(out.lines())
                .as("the order of the lines: join() returns only after the child has exited AND its whole output "
                        + "has been copied to 'out'")
                .containsExactly("main started", "Hello, Bob!", "main completed");
    }

    @Test
    @Tag("task:2")
    void join_with_a_timeout_returns_while_the_child_is_still_running() throws Exception {
        ChildProcess child = childRunning(SleepsForever.class);
        start(child);
        try {
            long started = System.nanoTime();
            boolean exited = join(child, Duration.ofMillis(300));
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(exited).as("join(300 ms) on a child that never ends must report that it has not exited")
                    .isFalse();
            assertThat(waited)
                    .as("how long join(300 ms) waited. Less than 300 ms: it did not wait at all (a timeout cut to "
                            + "whole seconds is 0 s: use toMillis() or toNanos(), not toSeconds()); a second or "
                            + "more: the timeout was rounded up to whole seconds")
                    .isBetween(Duration.ofMillis(250), Duration.ofMillis(900));
            assertThat(child.isAlive()).as("isAlive() of the child after the timed join gave up").isTrue();
        } finally {
            kill(child);
        }
        assertThat(join(child, PLENTY)).as("join(timeout) of the child after it was killed").isTrue();
    }

    @Test
    @Tag("task:3")
    void a_line_reaches_out_while_the_child_is_still_running() throws Exception {
        ChildProcess child = childRunning(SleepsForever.class);
        start(child);
        try {
            await("the line \"sleeping\" that the child prints before it sleeps for ever, to reach 'out'. It never "
                    + "arrived while the child ran: copy each line to 'out' as soon as it is read from the pipe, "
                    + "not all of them once the child has exited")
                    .atMost(PATIENCE)
                    .until(() -> out.lines().contains("sleeping"));
            assertThat(child.isAlive())
                    .as("isAlive() once the child's first line had reached 'out': the child sleeps for ever, so it "
                            + "must still be running")
                    .isTrue();
        } finally {
            kill(child);
        }
    }

    @Test
    @Tag("task:3")
    void a_last_line_without_a_line_end_still_reaches_out() throws Exception {
        ChildProcess child = childRunning(PrintsWithoutNewline.class);

        start(child);
        join(child);

        assertThat(out.lines())
                .as("what reached 'out' from a child that printed \"no newline\" with print() (no line end) and "
                        + "exited. The end of the pipe ends the last line too: BufferedReader.readLine() returns "
                        + "it; a copier that emits a line only at '\\n' loses it")
                .containsExactly("no newline");
    }

    @Test
    @Tag("task:3")
    void join_returns_only_after_every_line_has_reached_a_slow_reader() throws Exception {
        int lines = 1500; // ~150 KB: when the child exits, the last 64 KiB still sit in the pipe
        SlowLineCounter slow = new SlowLineCounter();
        ChildProcess child = new ChildProcess(slow.stream(), PrintsALot.class.getName(), String.valueOf(lines), "0");

        start(child);
        join(child);

        assertThat(slow.count())
                .as("lines that had reached 'out' when join() returned. The child had exited, but its last lines were "
                        + "still in the pipe: join() must also wait for the thread that copies them")
                .isEqualTo(lines);
    }

    @Test
    @Tag("task:3")
    void a_timed_join_that_succeeds_has_copied_every_line_too() throws Exception {
        int lines = 1500;
        SlowLineCounter slow = new SlowLineCounter();
        ChildProcess child = new ChildProcess(slow.stream(), PrintsALot.class.getName(), String.valueOf(lines), "0");

        start(child);
        assertThat(join(child, PLENTY)).as("join(%d s) of a child that ends by itself", PLENTY.toSeconds())
                .isTrue();

        assertThat(slow.count())
                .as("lines that had reached 'out' when join(timeout) returned true: it must wait for the copying "
                        + "thread as well")
                .isEqualTo(lines);
    }

    @Test
    @Tag("task:3")
    void join_returns_only_after_all_of_stderr_has_been_copied() throws Exception {
        int lines = 200_000;
        ChildProcess child = childRunning(BurstsToStderr.class, String.valueOf(lines));

        start(child);
        join(child);

        assertThat(child.errorOutput().lines().count())
                .as("lines in errorOutput() when join() returned; the child wrote %d empty lines to stderr and "
                        + "exited at once, with a pipe full of them still unread. join() must also wait for the "
                        + "thread that copies stderr", lines)
                .isEqualTo(lines);
    }

    @Test
    @Tag("task:3")
    void a_timed_join_that_succeeds_has_copied_all_of_stderr_too() throws Exception {
        int lines = 200_000;
        ChildProcess child = childRunning(BurstsToStderr.class, String.valueOf(lines));

        start(child);
        assertThat(join(child, PLENTY)).as("join(%d s) of a child that ends by itself", PLENTY.toSeconds())
                .isTrue();

        assertThat(child.errorOutput().lines().count())
                .as("lines in errorOutput() when join(timeout) returned true; the child wrote %d empty lines to "
                        + "stderr and exited at once, with a pipe full of them still unread. join(timeout) must "
                        + "also wait for the thread that copies stderr", lines)
                .isEqualTo(lines);
    }

    @Test
    @Tag("task:3")
    void a_child_that_prints_megabytes_does_not_deadlock_the_parent() throws Exception {
        int outLines = 100_000; // 8 MB: a pipe holds 64 KiB on Linux
        int errLines = 20_000;
        ChildProcess child = childRunning(PrintsALot.class, String.valueOf(outLines), String.valueOf(errLines));

        start(child);
        boolean exited = join(child, PLENTY);
        if (!exited) {
            kill(child);
        }

        assertThat(exited)
                .as("the child exited within %d s. If not, it is blocked writing to a full pipe: read the child's "
                        + "stdout AND stderr while it runs, not after it has exited", PLENTY.toSeconds())
                .isTrue();
        assertThat(out.lines())
                .as("lines copied from the child's stdout to 'out' (it printed %d)", outLines).hasSize(outLines);
        assertThat(child.errorOutput().lines())
                .as("lines of the child's stderr in errorOutput() once join(timeout) returned true (it printed %d): "
                        + "keep them all, and wait for the stderr reader too before join returns", errLines)
                .hasSize(errLines);
    }

    @Test
    @Tag("task:4")
    void after_join_the_child_is_no_longer_alive_and_exited_with_code_zero() throws Exception {
        ChildProcess child = childRunning(Greeter.class, "Alice");

        start(child);
        join(child);

        assertThat(child.isAlive()).as("isAlive() after join(): join must wait until the child has exited").isFalse();
        assertThat(child.exitCode()).as("exit code of a child whose main returned normally").isZero();
    }

    @Test
    @Tag("task:4")
    void the_code_passed_to_system_exit_in_the_child_is_its_exit_code() throws Exception {
        ChildProcess child = childRunning(ExitsWithCode.class, "3");

        start(child);
        join(child);

        assertThat(child.exitCode()).as("exit code of a child that called System.exit(3)").isEqualTo(3);
    }

    @Test
    @Tag("task:4")
    void an_uncaught_exception_gives_exit_code_one_and_its_text_on_the_error_output() throws Exception {
        ChildProcess child = childRunning(ThrowsUncaught.class);

        start(child);
        join(child);

        assertThat(child.exitCode()).as("exit code of a child whose main threw an exception").isEqualTo(1);
        assertThat(child.errorOutput())
                .as("the child's standard error, where the JVM printed the uncaught exception")
                .contains("java.lang.IllegalStateException: the child failed on purpose");
    }

    @Test
    @Tag("task:5")
    void a_main_class_that_does_not_exist_is_a_clear_error_not_a_hang() {
        ChildProcess child = new ChildProcess(out.stream(), "katas.createprocess.NoSuchProgram");

        assertThatExceptionOfType(IllegalArgumentException.class)
                .as("start() of a class that is not on the classpath should fail at once, naming the class: check "
                        + "it with Class.forName before spawning (a child for a missing class would only die later "
                        + "with exit code 1)")
                .isThrownBy(child::start)
                .withMessageContaining("katas.createprocess.NoSuchProgram");
    }

    @Test
    @Tag("task:5")
    void the_main_class_is_initialized_only_in_the_child() throws Exception {
        ChildProcess child = childRunning(MarksTheJvmItIsInitializedIn.class);

        start(child);
        join(child);

        assertThat(System.getProperty(MarksTheJvmItIsInitializedIn.TRACE))
                .as("the system property that the main class's static initializer sets, in the TEST JVM. It is "
                        + "set: the class was initialized in the parent, so its static code ran here too. Check "
                        + "that the class exists without initializing it: Class.forName(name, false, loader), "
                        + "not Class.forName(name)")
                .isNull();
        assertThat(out.lines())
                .as("what the child printed: its static initializer ran in the child, pid %d", child.pid())
                .containsExactly("initialized in pid " + child.pid());
    }

    @Test
    @Tag("task:5")
    void the_child_finds_its_class_even_when_java_class_path_does_not_name_it() throws Exception {
        String saved = System.getProperty("java.class.path");
        System.setProperty("java.class.path", "launcher.jar"); // what some IDEs and test launchers leave there
        try {
            ChildProcess child = childRunning(Greeter.class, "Carol");
            start(child);
            join(child);

            assertThat(out.lines())
                    .as("what the child printed. With java.class.path useless, the child's classpath must come from "
                            + "where the main class was loaded (its CodeSource): see task 5 in README.md")
                    .containsExactly("Hello, Carol!");
        } finally {
            System.setProperty("java.class.path", saved);
        }
    }

    @Test
    @Tag("task:6")
    void a_child_that_was_never_started_is_not_alive() {
        ChildProcess child = childRunning(Greeter.class, "Alice");

        assertThat(child.isAlive()).as("isAlive() before start()").isFalse();
    }

    @Test
    @Tag("task:6")
    void joining_a_child_that_was_never_started_is_an_illegal_state() {
        ChildProcess child = childRunning(Greeter.class, "Alice");

        assertThatExceptionOfType(IllegalStateException.class)
                .as("join() before start(): there is no process to wait for")
                .isThrownBy(child::join);
    }

    @Test
    @Tag("task:6")
    void pid_exit_code_and_timed_join_before_start_are_illegal_states() {
        ChildProcess child = childRunning(Greeter.class, "Alice");

        assertThatExceptionOfType(IllegalStateException.class)
                .as("pid() before start(): there is no process yet, so no pid").isThrownBy(child::pid);
        assertThatExceptionOfType(IllegalStateException.class)
                .as("exitCode() before start(): there is no process yet, so no exit code").isThrownBy(child::exitCode);
        assertThatExceptionOfType(IllegalStateException.class)
                .as("join(timeout) before start(): there is no process to wait for")
                .isThrownBy(() -> child.join(PLENTY));
    }

    @Test
    @Tag("task:6")
    void starting_the_same_child_twice_is_an_illegal_state() throws Exception {
        ChildProcess child = childRunning(Greeter.class, "Alice");
        start(child);
        try {
            assertThatExceptionOfType(IllegalStateException.class)
                    .as("a second start() of the same child while it runs: a process runs once, like Python's "
                            + "Process; refuse with an IllegalStateException")
                    .isThrownBy(child::start);
        } finally {
            join(child);
        }
    }

    @Test
    @Tag("task:6")
    void a_child_that_has_exited_cannot_be_started_again() throws Exception {
        ChildProcess child = childRunning(Greeter.class, "Alice");
        start(child);
        join(child);

        assertThatExceptionOfType(IllegalStateException.class)
                .as("start() of a child that has run and exited. A ChildProcess stands for one process, which "
                        + "runs once: refuse because it was started before (process != null), not only while it "
                        + "is alive. To run the program again, create a new ChildProcess")
                .isThrownBy(child::start);
        assertThat(out.lines())
                .as("what reached 'out': the greeting once. A second line means start() launched the child again")
                .containsExactly("Hello, Alice!");
    }

    @Test
    @Tag("task:6")
    void asking_for_the_exit_code_of_a_running_child_is_an_illegal_state() throws Exception {
        ChildProcess child = childRunning(SleepsForever.class);
        start(child);
        try {
            Bounded.within(Duration.ofSeconds(5), "exitCode() of a child that never ends", "It waits for the child "
                    + "(waitFor()) instead of refusing at once while the child is alive.")
                    .run(() -> assertThatExceptionOfType(IllegalStateException.class)
                            .as("exitCode() while the child runs: it has no exit code yet, so refuse with an "
                                    + "IllegalStateException (Process.exitValue() throws one of its own kind)")
                            .isThrownBy(child::exitCode));
        } finally {
            kill(child);
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
