package katas.terminate;

import static katas.testkit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.condition.OS.WINDOWS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import katas.process.ExitCodes;
import katas.process.ProcessTree;
import katas.terminate.fixtures.ExitsAtOnce;
import katas.terminate.fixtures.HookNeverEnds;
import katas.terminate.fixtures.HookWritesMarker;
import katas.terminate.fixtures.PrintsRunning;
import katas.terminate.fixtures.StartsABranchingTree;
import katas.terminate.fixtures.StartsAChain;
import katas.terminate.fixtures.StartsAGrandchild;
import katas.testkit.Bounded;
import katas.testkit.KataTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

@KataTest
class StoppableChildTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PLENTY = Duration.ofSeconds(10);
    private static final int SIGTERM_STATUS = 128 + 15;
    private static final int SIGKILL_STATUS = 128 + 9;
    /** terminate(), kill() and terminateTree() only send signals: they must be back well within this. */
    private static final Duration AT_ONCE = Duration.ofSeconds(3);

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

    /** Starts the child and waits until it has printed {@code readyLine}: it is up and running, ready to be stopped. */
    private StoppableChild startedAndReady(String readyLine, Class<?> mainClass, String... args) throws Exception {
        StoppableChild child = startedChild(mainClass, args);
        awaitLine(child, readyLine);
        return child;
    }

    /** Calls {@code stop}, which must send a signal and return at once, then waits until the child has exited. */
    private static void stopThenAwaitExit(StoppableChild child, String call, Executable stop) throws Exception {
        returnsAtOnce(call, stop);
        awaitExit(child, call);
    }

    /** Calls one of the methods that must only send a signal and return; fails with a message if it hangs. */
    private static void returnsAtOnce(String call, Executable stop) {
        Bounded.within(AT_ONCE, call, "It must send the signal and return at once, without waiting for the process "
                + "to exit (a child whose shutdown hook never ends would make it wait forever): no waitFor() or "
                + "onExit().join() there.").run(stop);
    }

    /** Calls terminate(grace), which may wait, but only about the grace period; fails with a message if it hangs. */
    private static int terminateWithGrace(StoppableChild child, Duration grace) {
        Duration bound = grace.plusSeconds(8);
        return Bounded.within(bound, "terminate(" + grace.toMillis() + " ms)", "After the grace period it must kill "
                + "the child (destroyForcibly()) and wait for the exit with a bounded waitFor(timeout, unit), never a "
                + "bare waitFor().").get(() -> child.terminate(grace));
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
    @Tag("task:1")
    void terminate_stops_a_child_that_runs_forever() throws Exception {
        StoppableChild child = startedAndReady("Running...", PrintsRunning.class);
        String report = child.output().lines().get(0);
        assertThat(report)
                .as("the child's own view of itself: its pid is the pid() the parent knows, its parent is the test "
                        + "JVM (pid %d)", TEST_JVM)
                .isEqualTo("pid=" + child.pid() + " parent=" + TEST_JVM);
        assertThatProcess(child.pid()).ranOutsideTheTestJvm();

        returnsAtOnce("terminate()", child::terminate);

        assertThatProcess(child.pid())
                .as("the child after terminate(): it should be gone within seconds")
                .isDeadWithin(PLENTY);
    }

    @Test
    @Tag("task:1")
    @DisabledOnOs(value = WINDOWS, disabledReason = "Windows has no SIGTERM: see the Windows test")
    void a_terminated_child_exits_with_status_143_the_mark_of_sigterm() throws Exception {
        StoppableChild child = startedAndReady("Running...", PrintsRunning.class);

        stopThenAwaitExit(child, "terminate()", child::terminate);

        assertThat(child.exitCode())
                .as("the exit status after terminate() was %d%s. 143 is 128 + 15: ended by SIGTERM, which "
                        + "Process.destroy() sends. 137 (SIGKILL) means destroyForcibly() was used: that is kill()",
                        child.exitCode(), ExitCodes.explain(child.exitCode()))
                .isEqualTo(SIGTERM_STATUS);
    }

    @Test
    @Tag("task:1")
    @EnabledOnOs(value = WINDOWS, disabledReason = "on Linux and macOS terminate() sends SIGTERM instead")
    void on_windows_terminate_is_forcible_so_no_hook_runs_and_the_exit_status_is_1() throws Exception {
        Path marker = tempDir.resolve("marker");
        StoppableChild child = startedAndReady("ready", HookWritesMarker.class, marker.toString());

        stopThenAwaitExit(child, "terminate()", child::terminate);

        assertThat(child.exitCode()).as("the exit status Windows reports for a terminated process").isEqualTo(1);
        assertThat(markerText(marker))
                .as("what the shutdown hook wrote: Windows' TerminateProcess gives the JVM no chance to run it")
                .isEmpty();
    }

    @Test
    @Tag("task:1")
    @DisabledOnOs(value = WINDOWS, disabledReason = "Windows ends a process without running its shutdown hooks")
    void terminate_lets_the_childs_shutdown_hook_run() throws Exception {
        Path marker = tempDir.resolve("marker");
        StoppableChild child = startedAndReady("ready", HookWritesMarker.class, marker.toString());

        stopThenAwaitExit(child, "terminate()", child::terminate);

        assertThat(markerText(marker))
                .as("what the child's shutdown hook wrote to its file after terminate(). SIGTERM lets a JVM run its shutdown hooks (to save "
                        + "work, remove temporary files, say goodbye) before it exits; SIGKILL does not. Its exit "
                        + "status was %d%s", child.exitCode(), ExitCodes.explain(child.exitCode()))
                .isEqualTo(HookWritesMarker.MARKER);
    }

    @Test
    @Tag("task:1")
    @DisabledOnOs(value = WINDOWS, disabledReason = "on Windows terminate() is forcible: no hook runs at all")
    void terminate_is_only_a_request_so_a_child_whose_shutdown_hook_never_ends_keeps_running() throws Exception {
        Path marker = tempDir.resolve("marker");
        StoppableChild child = startedAndReady("ready", HookNeverEnds.class, marker.toString());

        returnsAtOnce("terminate() on a child whose shutdown hook never ends", child::terminate);
        awaitMarker(marker, HookNeverEnds.MARKER);

        assertThat(child.join(Duration.ofMillis(300)))
                .as("whether the child exited within 0.3 s after terminate(), although its shutdown hook (which has "
                        + "started) never ends. SIGTERM only asks: the JVM exits once its hooks have finished, so "
                        + "this child keeps running. terminate() must not kill by force; that is kill()'s job")
                .isFalse();
        assertThat(child.isAlive())
                .as("whether the child is still running after terminate(), with its shutdown hook stuck: it should "
                        + "be, since SIGTERM only asks; a child that is gone was killed (destroyForcibly())")
                .isTrue();
    }

    @Test
    @Tag("task:1")
    void terminate_on_a_child_that_has_already_exited_is_harmless() throws Exception {
        StoppableChild child = startedChild(ExitsAtOnce.class);
        awaitExit(child, "printing \"done\"");

        returnsAtOnce("terminate() on a child that has exited", child::terminate);

        assertThat(child.exitCode())
                .as("the exit status of a child that exited normally (0) before terminate() was called: stopping a "
                        + "process that is gone does nothing, and its status stays what it was")
                .isZero();
    }

    @Test
    @Tag("task:1")
    void terminate_before_start_is_an_illegal_state() {
        StoppableChild child = new StoppableChild(PrintsRunning.class);

        assertThatExceptionOfType(IllegalStateException.class)
                .as("terminate() before start(): there is no process to stop, so refuse with an "
                        + "IllegalStateException (the given started() helper throws it), not a NullPointerException")
                .isThrownBy(child::terminate);
    }

    @Test
    @Tag("task:2")
    void kill_ends_the_child_without_running_its_shutdown_hook() throws Exception {
        Path marker = tempDir.resolve("marker");
        StoppableChild child = startedAndReady("ready", HookWritesMarker.class, marker.toString());

        stopThenAwaitExit(child, "kill()", child::kill);

        assertThat(markerText(marker))
                .as("what the child's shutdown hook wrote to its file after kill(). Killing by force gives the process no chance to do "
                        + "anything, so its shutdown hook must not have run: use destroyForcibly(), not destroy()")
                .isEmpty();
    }

    @Test
    @Tag("task:2")
    @DisabledOnOs(value = WINDOWS, disabledReason = "Windows has no SIGKILL and reports exit status 1")
    void a_killed_child_exits_with_status_137_the_mark_of_sigkill() throws Exception {
        StoppableChild child = startedAndReady("Running...", PrintsRunning.class);

        stopThenAwaitExit(child, "kill()", child::kill);

        assertThat(child.exitCode())
                .as("the exit status after kill() was %d%s. 137 is 128 + 9: ended by SIGKILL, which "
                        + "Process.destroyForcibly() sends", child.exitCode(), ExitCodes.explain(child.exitCode()))
                .isEqualTo(SIGKILL_STATUS);
    }

    @Test
    @Tag("task:2")
    void kill_on_a_child_that_has_already_exited_is_harmless() throws Exception {
        StoppableChild child = startedChild(ExitsAtOnce.class);
        awaitExit(child, "printing \"done\"");

        returnsAtOnce("kill() on a child that has exited", child::kill);

        assertThat(child.exitCode())
                .as("the exit status of a child that exited normally (0) before kill() was called: stopping a "
                        + "process that is gone does nothing, and its status stays what it was")
                .isZero();
    }

    @Test
    @Tag("task:2")
    void kill_before_start_is_an_illegal_state() {
        StoppableChild child = new StoppableChild(PrintsRunning.class);

        assertThatExceptionOfType(IllegalStateException.class)
                .as("kill() before start(): there is no process to stop, so refuse with an "
                        + "IllegalStateException (the given started() helper throws it), not a NullPointerException")
                .isThrownBy(child::kill);
    }

    @Test
    @Tag("task:3")
    @DisabledOnOs(value = WINDOWS, disabledReason = "on Windows terminate() is forcible already: nothing to escalate")
    void terminate_with_a_grace_period_under_a_second_kills_a_child_that_does_not_stop_in_time() throws Exception {
        assertGraceIsHonouredThenTheChildIsKilled(150);
    }

    @Test
    @Tag("task:3")
    @DisabledOnOs(value = WINDOWS, disabledReason = "on Windows terminate() is forcible already: nothing to escalate")
    void terminate_with_a_grace_period_of_1200_ms_waits_all_of_it_before_killing() throws Exception {
        assertGraceIsHonouredThenTheChildIsKilled(1_200);
    }

    private void assertGraceIsHonouredThenTheChildIsKilled(long graceMillis) throws Exception {
        Path marker = tempDir.resolve("marker");
        StoppableChild child = startedAndReady("ready", HookNeverEnds.class, marker.toString());
        Duration grace = Duration.ofMillis(graceMillis);

        long started = System.nanoTime();
        int status = terminateWithGrace(child, grace);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(markerText(marker))
                .as("what the child's shutdown hook wrote to its file: terminate(grace) must first ask politely (SIGTERM), which starts the "
                        + "child's shutdown hook; this hook never finishes, so the child never exits by itself")
                .isEqualTo(HookNeverEnds.MARKER);
        assertThat(took)
                .as("how long terminate(%d ms) took (%d ms). It must wait exactly the grace period it was given "
                        + "(waitFor(grace.toMillis(), MILLISECONDS): not a fixed time, not whole seconds) before "
                        + "killing the child, and then only as long as the kill takes", graceMillis, took.toMillis())
                .isGreaterThanOrEqualTo(grace.minusMillis(30))
                .isLessThan(grace.plusMillis(750));
        assertThat(status)
                .as("the exit status terminate(grace) returned: %d%s. The child ignored the request, so it had "
                        + "to be killed (137 = 128 + SIGKILL)", status, ExitCodes.explain(status))
                .isEqualTo(SIGKILL_STATUS);
        assertThat(child.isAlive())
                .as("whether the child was still running when terminate(grace) returned its status. A process that "
                        + "was just killed takes a moment to disappear: after destroyForcibly(), wait for the exit "
                        + "(a bounded waitFor) and only then read exitValue(); never return a status you assumed")
                .isFalse();
    }

    @Test
    @Tag("task:3")
    @DisabledOnOs(value = WINDOWS, disabledReason = "Windows has no SIGTERM and reports exit status 1")
    void terminate_with_a_grace_period_returns_as_soon_as_a_willing_child_has_stopped() throws Exception {
        StoppableChild child = startedAndReady("Running...", PrintsRunning.class);

        long started = System.nanoTime();
        int status = terminateWithGrace(child, Duration.ofSeconds(10));
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
    @Tag("task:3")
    @DisabledOnOs(value = WINDOWS, disabledReason = "on Windows terminate() is forcible: no hook runs at all")
    void terminate_with_a_grace_period_that_is_interrupted_kills_the_child_before_it_gives_up() throws Exception {
        Path marker = tempDir.resolve("marker");
        StoppableChild child = startedAndReady("ready", HookNeverEnds.class, marker.toString());
        List<Throwable> thrown = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread caller = new Thread(() -> {
            try {
                child.terminate(Duration.ofSeconds(8));
            } catch (Throwable e) {
                thrown.add(e);
            }
        });
        caller.start();
        awaitMarker(marker, HookNeverEnds.MARKER);

        caller.interrupt();
        caller.join(PLENTY.toMillis());

        assertThat(thrown)
                .as("what terminate(8 s) threw when its thread was interrupted during the grace period")
                .singleElement().isInstanceOf(InterruptedException.class);
        assertThatProcess(child.pid())
                .as("the child (its shutdown hook never ends) after terminate(8 s) was interrupted. Whoever "
                        + "interrupted the call gets no exit status and will not stop the child: kill it "
                        + "(destroyForcibly()) before you rethrow the InterruptedException")
                .isDeadWithin(Duration.ofSeconds(5));
    }

    @Test
    @Tag("task:3")
    void terminate_with_a_grace_period_on_a_child_that_has_exited_returns_its_exit_status() throws Exception {
        StoppableChild child = startedChild(ExitsAtOnce.class);
        awaitExit(child, "printing \"done\"");

        int status = terminateWithGrace(child, Duration.ofSeconds(1));

        assertThat(status)
                .as("terminate(grace) on a child that had already exited with 0: nothing to stop, so it just "
                        + "reports that status")
                .isZero();
        assertThat(child.exitCode())
                .as("the exit status of a child that exited normally before anyone tried to stop it")
                .isZero();
    }

    @Test
    @Tag("task:3")
    void terminate_with_a_grace_period_before_start_is_an_illegal_state() {
        StoppableChild child = new StoppableChild(PrintsRunning.class);

        assertThatExceptionOfType(IllegalStateException.class)
                .as("terminate(grace) before start(): there is no process to stop, so refuse with an "
                        + "IllegalStateException (the given started() helper throws it), not a NullPointerException")
                .isThrownBy(() -> child.terminate(Duration.ofSeconds(1)));
    }

    @Test
    @Tag("task:4")
    void terminate_tree_leaves_neither_the_child_nor_its_grandchild_running() throws Exception {
        StoppableChild child = startedChild(StartsAGrandchild.class);
        assertThat(child.output().awaitLine(line -> line.startsWith("grandchild "), PLENTY))
                .as("the child reported the pid of the grandchild it started. Its output: %s", child.output().lines())
                .isTrue();
        long grandchild = Long.parseLong(child.output().lines().get(0).substring("grandchild ".length()));
        startedPids.add(grandchild);
        assertThatProcess(grandchild).ranOutsideTheTestJvm().isChildOf(ProcessHandle.of(child.pid()).orElseThrow());

        returnsAtOnce("terminateTree()", child::terminateTree);

        assertThatProcess(child.pid()).as("the child after terminateTree()").isDeadWithin(PLENTY);
        assertThatProcess(grandchild)
                .as("the grandchild (pid %d) after terminateTree(). Terminating only the child leaves the "
                        + "grandchild running as an orphan: find the child's descendants() BEFORE you stop anyone, "
                        + "then terminate them, deepest first, and the child last", grandchild)
                .isDeadWithin(PLENTY);
    }

    /** Starts a chain of {@code links} processes (the child, its child, ...) and returns their pids, child first. */
    private List<Long> startedChain(int links, String mode) throws Exception {
        StoppableChild child = startedChild(StartsAChain.class, String.valueOf(links), tempDir.toString(), mode);
        chainRoot = child;
        long deadline = System.nanoTime() + PLENTY.toNanos();
        while (readyPids(child).size() < links && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<Long> pids = readyPids(child);
        startedPids.addAll(pids);
        assertThat(pids)
                .as("the pids of a chain of %d processes, each the child of the one before (its output: %s)", links,
                        child.output().lines())
                .hasSize(links);
        for (int i = 1; i < links; i++) {
            assertThatProcess(pids.get(i)).isChildOf(ProcessHandle.of(pids.get(i - 1)).orElseThrow());
        }
        return pids;
    }

    private StoppableChild chainRoot;

    private static List<Long> readyPids(StoppableChild child) {
        return child.output().lines().stream().filter(line -> line.startsWith("ready "))
                .map(line -> Long.parseLong(line.substring("ready ".length()))).collect(Collectors.toList());
    }

    @Test
    @Tag("task:4")
    void terminate_tree_stops_every_process_of_a_tree_four_generations_deep() throws Exception {
        List<Long> chain = startedChain(4, "plain");

        returnsAtOnce("terminateTree()", chainRoot::terminateTree);

        for (int generation = 0; generation < chain.size(); generation++) {
            assertThatProcess(chain.get(generation))
                    .as("generation %d of the tree (pid %d; 0 is the child itself) after terminateTree(). Stopping "
                            + "only the child's children() misses their children: take child.descendants(), every "
                            + "process below it at any depth, BEFORE you stop anyone", generation, chain.get(generation))
                    .isDeadWithin(PLENTY);
        }
    }

    @Test
    @Tag("task:4")
    void terminate_tree_stops_every_branch_of_a_tree_whose_processes_have_several_children() throws Exception {
        StoppableChild root = startedChild(StartsABranchingTree.class, "root");
        int size = 5; // the child, its two children, and two grandchildren below the first of them
        long deadline = System.nanoTime() + PLENTY.toNanos();
        while (readyPids(root).size() < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<Long> tree = readyPids(root);
        startedPids.addAll(tree);
        assertThat(tree)
                .as("the pids of a tree of %d processes that branches (its output: %s)", size, root.output().lines())
                .hasSize(size);

        returnsAtOnce("terminateTree()", root::terminateTree);

        for (long pid : tree) {
            assertThatProcess(pid)
                    .as("pid %d of the tree %s after terminateTree(); the child has two children and one of them "
                            + "has two children of its own. Following only the first child at each level (or any "
                            + "single line down the tree) leaves the other branches running: stop EVERY process of "
                            + "child.descendants()", pid, tree)
                    .isDeadWithin(PLENTY);
        }
    }

    @Test
    @Tag("task:4")
    void terminate_tree_stops_the_childs_tree_only_and_leaves_another_child_of_the_same_parent_running()
            throws Exception {
        StoppableChild sibling = startedChild(PrintsRunning.class);
        awaitLine(sibling, "Running...");
        List<Long> chain = startedChain(2, "plain");

        returnsAtOnce("terminateTree()", chainRoot::terminateTree);

        for (long pid : chain) {
            assertThatProcess(pid).as("pid %d of the tree that terminateTree() was called on", pid)
                    .isDeadWithin(PLENTY);
        }
        assertThat(sibling.isAlive())
                .as("whether another child of the test JVM (pid %d), not part of the tree that terminateTree() was "
                        + "called on, is still running. terminateTree() stops the descendants of THIS child "
                        + "(its Process's descendants()), not those of the parent (ProcessHandle.current())",
                        sibling.pid())
                .isTrue();
    }

    @Test
    @Tag("task:4")
    @DisabledOnOs(value = WINDOWS, disabledReason = "Windows ends a process without running its shutdown hooks")
    void terminate_tree_terminates_every_process_so_each_runs_its_shutdown_hook_and_returns_at_once()
            throws Exception {
        List<Long> chain = startedChain(3, "stubborn"); // the deepest one's hook never ends

        returnsAtOnce("terminateTree() on a tree whose deepest process has a shutdown hook that never ends",
                chainRoot::terminateTree);

        long deadline = System.nanoTime() + PLENTY.toNanos();
        while (!withoutHookMarker(chain).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(withoutHookMarker(chain))
                .as("the processes of the tree %s (child first) whose shutdown hook did not run within %d s after "
                        + "terminateTree(). Every one of them must be terminated (ProcessHandle.destroy(), SIGTERM), "
                        + "which runs its hooks, not killed (destroyForcibly()), which runs none; and every "
                        + "generation must be reached (descendants(), not children())", chain, PLENTY.toSeconds())
                .isEmpty();
    }

    private List<Long> withoutHookMarker(List<Long> pids) {
        return pids.stream().filter(pid -> !Files.exists(tempDir.resolve("hook-ran-in-" + pid)))
                .collect(Collectors.toList());
    }

    @Test
    @Tag("task:4")
    void terminate_tree_on_a_child_that_has_already_exited_is_harmless() throws Exception {
        StoppableChild child = startedChild(ExitsAtOnce.class);
        awaitExit(child, "printing \"done\"");

        returnsAtOnce("terminateTree() on a child that has exited", child::terminateTree);

        assertThat(child.exitCode())
                .as("the exit status of a child that exited normally (0) before terminateTree() was called: "
                        + "stopping a process that is gone does nothing, and its status stays what it was")
                .isZero();
    }

    @Test
    @Tag("task:4")
    void terminate_tree_before_start_is_an_illegal_state() {
        StoppableChild child = new StoppableChild(PrintsRunning.class);

        assertThatExceptionOfType(IllegalStateException.class)
                .as("terminateTree() before start(): there is no process to stop, so refuse with an "
                        + "IllegalStateException (the given started() helper throws it), not a NullPointerException")
                .isThrownBy(child::terminateTree);
    }
}
