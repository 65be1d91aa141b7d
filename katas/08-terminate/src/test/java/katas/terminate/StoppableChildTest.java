package katas.terminate;

import static katas.kit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.condition.OS.WINDOWS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import katas.kit.ExitCodes;
import katas.kit.KataTest;
import katas.kit.ProcessTree;
import katas.terminate.fixtures.ExitsAtOnce;
import katas.terminate.fixtures.HookNeverEnds;
import katas.terminate.fixtures.HookWritesMarker;
import katas.terminate.fixtures.PrintsRunning;
import katas.terminate.fixtures.StartsAGrandchild;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.io.TempDir;

@KataTest
class StoppableChildTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PLENTY = Duration.ofSeconds(10);
    private static final int SIGTERM_STATUS = 128 + 15;
    private static final int SIGKILL_STATUS = 128 + 9;

    /** Every process a test started, killed after the test whatever happened (a failed test must not leak). */
    private final List<Long> startedPids = new ArrayList<>();

    /** Where the children's shutdown hooks leave their marker files. */
    @TempDir
    Path tempDir;

    @AfterEach
    void killWhatIsLeft() {
        startedPids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessTree::kill));
    }

    private StoppableChild startedChild(Class<?> mainClass, String... args) throws Exception {
        StoppableChild child = new StoppableChild(mainClass, args);
        child.start();
        startedPids.add(child.pid());
        return child;
    }

    /** Waits until the child has printed {@code line}; a child must be up and running before it is stopped. */
    private static void awaitLine(StoppableChild child, String line) throws InterruptedException {
        assertThat(child.output().awaitLine(line::equals, PLENTY))
                .as("the child printed \"%s\" within %d s. Its output so far: %s", line, PLENTY.toSeconds(),
                        child.output().lines())
                .isTrue();
    }

    private static void awaitExit(StoppableChild child, String after) throws InterruptedException {
        assertThat(child.join(PLENTY))
                .as("the child (pid %d) exited within %d s after %s", child.pid(), PLENTY.toSeconds(), after)
                .isTrue();
    }

    /** Waits until the child's shutdown hook has written {@code text} to its marker file. */
    private static void awaitMarker(Path marker, String text) throws Exception {
        long deadline = System.nanoTime() + PLENTY.toNanos();
        while (!markerText(marker).equals(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(markerText(marker))
                .as("what the child's shutdown hook wrote to its file within %d s: SIGTERM starts a JVM's shutdown "
                        + "hooks", PLENTY.toSeconds())
                .isEqualTo(text);
    }

    /** What the child's shutdown hook wrote to its marker file; empty if the hook did not run. */
    private static String markerText(Path marker) throws Exception {
        return Files.exists(marker) ? Files.readString(marker) : "";
    }

    @Test
    void terminate_stops_a_child_that_runs_forever() throws Exception {
        StoppableChild child = startedChild(PrintsRunning.class);
        awaitLine(child, "Running...");
        String report = child.output().lines().get(0);
        assertThat(report)
                .as("the child's own view of itself: its pid is the pid() the parent knows, its parent is the test "
                        + "JVM (pid %d)", TEST_JVM)
                .isEqualTo("pid=" + child.pid() + " parent=" + TEST_JVM);
        assertThatProcess(child.pid()).ranOutsideTheTestJvm();

        child.terminate();

        assertThatProcess(child.pid())
                .as("the child after terminate(): it should be gone within seconds")
                .isDeadWithin(PLENTY);
    }

    @Test
    @DisabledOnOs(value = WINDOWS, disabledReason = "Windows has no SIGTERM: see the Windows test")
    void a_terminated_child_exits_with_status_143_the_mark_of_sigterm() throws Exception {
        StoppableChild child = startedChild(PrintsRunning.class);
        awaitLine(child, "Running...");

        child.terminate();
        awaitExit(child, "terminate()");

        assertThat(child.exitCode())
                .as("the exit status after terminate() was %d%s. 143 is 128 + 15: ended by SIGTERM, which "
                        + "Process.destroy() sends. 137 (SIGKILL) means destroyForcibly() was used: that is kill()",
                        child.exitCode(), ExitCodes.explain(child.exitCode()))
                .isEqualTo(SIGTERM_STATUS);
    }

    @Test
    @EnabledOnOs(value = WINDOWS, disabledReason = "on Linux and macOS terminate() sends SIGTERM instead")
    void on_windows_terminate_is_forcible_so_no_hook_runs_and_the_exit_status_is_1() throws Exception {
        Path marker = tempDir.resolve("marker");
        StoppableChild child = startedChild(HookWritesMarker.class, marker.toString());
        awaitLine(child, "ready");

        child.terminate();
        awaitExit(child, "terminate()");

        assertThat(child.exitCode()).as("the exit status Windows reports for a terminated process").isEqualTo(1);
        assertThat(markerText(marker))
                .as("what the shutdown hook wrote: Windows' TerminateProcess gives the JVM no chance to run it")
                .isEmpty();
    }

    @Test
    @DisabledOnOs(value = WINDOWS, disabledReason = "Windows ends a process without running its shutdown hooks")
    void terminate_lets_the_childs_shutdown_hook_run() throws Exception {
        Path marker = tempDir.resolve("marker");
        StoppableChild child = startedChild(HookWritesMarker.class, marker.toString());
        awaitLine(child, "ready");

        child.terminate();
        awaitExit(child, "terminate()");

        assertThat(markerText(marker))
                .as("what the child's shutdown hook wrote to its file after terminate(). SIGTERM lets a JVM run its shutdown hooks (to save "
                        + "work, remove temporary files, say goodbye) before it exits; SIGKILL does not. Its exit "
                        + "status was %d%s", child.exitCode(), ExitCodes.explain(child.exitCode()))
                .isEqualTo(HookWritesMarker.MARKER);
    }

    @Test
    @DisabledOnOs(value = WINDOWS, disabledReason = "on Windows terminate() is forcible: no hook runs at all")
    void terminate_is_only_a_request_so_a_child_whose_shutdown_hook_never_ends_keeps_running() throws Exception {
        Path marker = tempDir.resolve("marker");
        StoppableChild child = startedChild(HookNeverEnds.class, marker.toString());
        awaitLine(child, "ready");

        child.terminate();
        awaitMarker(marker, HookNeverEnds.MARKER);

        assertThat(child.join(Duration.ofMillis(300)))
                .as("whether the child exited within 0.3 s after terminate(), although its shutdown hook (which has "
                        + "started) never ends. SIGTERM only asks: the JVM exits once its hooks have finished, so "
                        + "this child keeps running. terminate() must not kill by force; that is kill()'s job")
                .isFalse();
        assertThat(child.isAlive()).as("whether the child is still running after terminate()").isTrue();
    }

    @Test
    void kill_ends_the_child_without_running_its_shutdown_hook() throws Exception {
        Path marker = tempDir.resolve("marker");
        StoppableChild child = startedChild(HookWritesMarker.class, marker.toString());
        awaitLine(child, "ready");

        child.kill();
        awaitExit(child, "kill()");

        assertThat(markerText(marker))
                .as("what the child's shutdown hook wrote to its file after kill(). Killing by force gives the process no chance to do "
                        + "anything, so its shutdown hook must not have run: use destroyForcibly(), not destroy()")
                .isEmpty();
    }

    @Test
    @DisabledOnOs(value = WINDOWS, disabledReason = "Windows has no SIGKILL and reports exit status 1")
    void a_killed_child_exits_with_status_137_the_mark_of_sigkill() throws Exception {
        StoppableChild child = startedChild(PrintsRunning.class);
        awaitLine(child, "Running...");

        child.kill();
        awaitExit(child, "kill()");

        assertThat(child.exitCode())
                .as("the exit status after kill() was %d%s. 137 is 128 + 9: ended by SIGKILL, which "
                        + "Process.destroyForcibly() sends", child.exitCode(), ExitCodes.explain(child.exitCode()))
                .isEqualTo(SIGKILL_STATUS);
    }

    @Test
    @DisabledOnOs(value = WINDOWS, disabledReason = "on Windows terminate() is forcible already: nothing to escalate")
    @Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void terminate_with_a_grace_period_kills_a_child_that_does_not_stop_in_time() throws Exception {
        Path marker = tempDir.resolve("marker");
        StoppableChild child = startedChild(HookNeverEnds.class, marker.toString());
        awaitLine(child, "ready");

        long started = System.nanoTime();
        int status = child.terminate(Duration.ofMillis(500));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(markerText(marker))
                .as("what the child's shutdown hook wrote to its file: terminate(grace) must first ask politely (SIGTERM), which starts the "
                        + "child's shutdown hook; this hook never finishes, so the child never exits by itself")
                .isEqualTo(HookNeverEnds.MARKER);
        assertThat(took)
                .as("how long terminate(0.5 s) took. It must give the child its whole grace period before killing "
                        + "it, and then not wait much longer")
                .isGreaterThanOrEqualTo(Duration.ofMillis(450))
                .isLessThan(Duration.ofSeconds(8));
        assertThat(status)
                .as("the exit status terminate(grace) returned: %d%s. The child ignored the request, so it had "
                        + "to be killed (137 = 128 + SIGKILL)", status, ExitCodes.explain(status))
                .isEqualTo(SIGKILL_STATUS);
        assertThat(child.isAlive()).as("whether the child is still running after terminate(grace) returned").isFalse();
    }

    @Test
    @DisabledOnOs(value = WINDOWS, disabledReason = "Windows has no SIGTERM and reports exit status 1")
    void terminate_with_a_grace_period_returns_as_soon_as_a_willing_child_has_stopped() throws Exception {
        StoppableChild child = startedChild(PrintsRunning.class);
        awaitLine(child, "Running...");

        long started = System.nanoTime();
        int status = child.terminate(Duration.ofSeconds(10));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(status)
                .as("the exit status terminate(grace) returned: %d%s. The child stops when asked, so it should "
                        + "not be killed (143 = 128 + SIGTERM)", status, ExitCodes.explain(status))
                .isEqualTo(SIGTERM_STATUS);
        assertThat(took)
                .as("how long terminate(10 s) took for a child that stops at once: wait for the child to exit "
                        + "(waitFor with a timeout), not for the whole grace period")
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void terminate_tree_leaves_neither_the_child_nor_its_grandchild_running() throws Exception {
        StoppableChild child = startedChild(StartsAGrandchild.class);
        assertThat(child.output().awaitLine(line -> line.startsWith("grandchild "), PLENTY))
                .as("the child reported the pid of the grandchild it started. Its output: %s", child.output().lines())
                .isTrue();
        long grandchild = Long.parseLong(child.output().lines().get(0).substring("grandchild ".length()));
        startedPids.add(grandchild);
        assertThatProcess(grandchild).ranOutsideTheTestJvm().isChildOf(ProcessHandle.of(child.pid()).orElseThrow());

        child.terminateTree();

        assertThatProcess(child.pid()).as("the child after terminateTree()").isDeadWithin(PLENTY);
        assertThatProcess(grandchild)
                .as("the grandchild (pid %d) after terminateTree(). Terminating only the child leaves the "
                        + "grandchild running as an orphan: find the child's descendants() BEFORE you stop anyone, "
                        + "then terminate them, deepest first, and the child last", grandchild)
                .isDeadWithin(PLENTY);
    }

    @Test
    void stopping_a_child_that_has_already_exited_is_harmless() throws Exception {
        StoppableChild child = startedChild(ExitsAtOnce.class);
        awaitExit(child, "printing \"done\"");

        child.terminate();
        child.kill();
        child.terminateTree();
        int status = child.terminate(Duration.ofSeconds(1));

        assertThat(status)
                .as("terminate(grace) on a child that had already exited with 0: nothing to stop, so it just "
                        + "reports that status")
                .isZero();
        assertThat(child.exitCode())
                .as("the exit status of a child that exited normally before anyone tried to stop it")
                .isZero();
    }

    @Test
    void stopping_a_child_that_was_never_started_is_an_illegal_state() {
        StoppableChild child = new StoppableChild(PrintsRunning.class);

        assertThatThrownBy(child::terminate).as("terminate() before start(): there is no process to stop")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(child::kill).as("kill() before start(): there is no process to stop")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(child::terminateTree).as("terminateTree() before start(): there is no process to stop")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> child.terminate(Duration.ofSeconds(1)))
                .as("terminate(grace) before start(): there is no process to stop")
                .isInstanceOf(IllegalStateException.class);
    }
}
