package katas.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import katas.process.ExitCodes;
import katas.process.ProcessTree;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions about operating-system processes, with failure messages that say what went wrong in process terms.
 *
 * <pre>{@code
 * assertThatProcess(pid).ranOutsideTheTestJvm().isChildOfTheTestJvm();
 * assertThatProcess(process).isDeadWithin(Duration.ofSeconds(5)).hasExitedWith(0);
 * }</pre>
 */
public final class ProcessAssert extends AbstractAssert<ProcessAssert, Long> {

    private final Process process;

    private ProcessAssert(long pid, Process process) {
        super(pid, ProcessAssert.class);
        this.process = process;
    }

    public static ProcessAssert assertThatProcess(long pid) {
        return new ProcessAssert(pid, null);
    }

    public static ProcessAssert assertThatProcess(ProcessHandle handle) {
        return new ProcessAssert(handle.pid(), null);
    }

    /** Assertions on a {@link Process} this JVM started, which can also check its exit code. */
    public static ProcessAssert assertThatProcess(Process process) {
        return new ProcessAssert(process.pid(), process);
    }

    /**
     * The pids a pool reports for its workers: {@code size} pids, all different, each a live child process of the
     * test JVM (and not the test JVM itself).
     *
     * @return the pids, for the test to check later what ran where
     */
    public static List<Long> assertWorkerProcesses(List<Long> workerPids, int size) {
        Assertions.assertThat(workerPids)
                .as("workerPids() of a pool of %d: one pid per worker process, all different", size)
                .hasSize(size)
                .doesNotHaveDuplicates();
        workerPids.forEach(pid -> assertThatProcess(pid).ranOutsideTheTestJvm().isChildOfTheTestJvm());
        return workerPids;
    }

    private Optional<ProcessHandle> handle() {
        return ProcessHandle.of(actual);
    }

    /** The PID is not the test JVM's own: the work happened in another process. */
    public ProcessAssert ranOutsideTheTestJvm() {
        long self = ProcessHandle.current().pid();
        if (actual == self) {
            failWithMessage("Expected a separate OS process, but pid %d is the test JVM itself: the work ran inside "
                    + "this JVM (a thread or a direct call to main), not in a child started with ProcessBuilder.", self);
        }
        return this;
    }

    /** The process is alive and its parent is the test JVM. */
    public ProcessAssert isChildOfTheTestJvm() {
        return isChildOf(ProcessHandle.current());
    }

    /** The process is alive and its parent is {@code parent}. */
    public ProcessAssert isChildOf(ProcessHandle parent) {
        ProcessHandle child = handle().filter(ProcessHandle::isAlive).orElse(null);
        if (child == null) {
            failWithMessage("Expected pid %d to be a live child of pid %d, but no process with that pid is running "
                    + "(it has exited already, or the pid was never a real process).", actual, parent.pid());
        }
        Optional<ProcessHandle> actualParent = child.parent();
        if (actualParent.map(p -> p.pid() != parent.pid()).orElse(true)) {
            failWithMessage("Expected pid %d to be a child of pid %d, but its parent is %s. Start the child directly "
                    + "with ProcessBuilder (no shell in between), from this JVM.",
                    actual, parent.pid(), actualParent.map(ProcessTree::describe).orElse("unknown"));
        }
        return this;
    }

    /** The process is running now. */
    public ProcessAssert isAlive() {
        if (handle().map(h -> !ProcessTree.isRunning(h)).orElse(true)) {
            failWithMessage("Expected pid %d to be running, but it has exited.%s", actual, exitNote());
        }
        return this;
    }

    /** The process ends within {@code timeout} (it may have ended already). */
    public ProcessAssert isDeadWithin(Duration timeout) {
        boolean exited;
        try {
            if (process != null) {
                // The Process object, not the pid: it also knows the exit code once the JDK has collected it,
                // which happens a moment after the pid is gone.
                exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                Optional<ProcessHandle> live = handle();
                exited = live.isEmpty() || ProcessTree.awaitExit(live.get(), timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for pid " + actual, e);
        }
        if (!exited) {
            failWithMessage("Expected pid %d to have exited within %d ms, but it is still running: %s",
                    actual, timeout.toMillis(), handle().map(ProcessTree::describe).orElse("pid " + actual));
        }
        return this;
    }

    /** The process has exited with {@code expected}; available for a {@link Process} this JVM started. */
    public ProcessAssert hasExitedWith(int expected) {
        if (process == null) {
            throw new IllegalStateException("hasExitedWith needs the Process object: use assertThatProcess(Process)");
        }
        if (process.isAlive()) {
            failWithMessage("Expected pid %d to have exited with %d, but it is still running.", actual, expected);
        }
        if (process.exitValue() != expected) {
            failWithMessage("Expected pid %d to exit with %d, but it exited with %d%s.", actual, expected,
                    process.exitValue(), ExitCodes.explain(process.exitValue()));
        }
        return this;
    }

    private String exitNote() {
        return process != null && !process.isAlive() ? " Exit code: " + process.exitValue()
                + ExitCodes.explain(process.exitValue()) + "." : "";
    }
}
