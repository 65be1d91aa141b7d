package katas.terminate;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import katas.process.CapturedOutput;
import katas.process.JavaProcess;

/**
 * A child JVM that can be stopped from outside: politely ({@link #terminate()}), by force ({@link #kill()}),
 * politely with a deadline ({@link #terminate(Duration)}), or together with every process it started
 * ({@link #terminateTree()}). Java's answer to Python's {@code Process.terminate()}.
 *
 * <pre>{@code
 * StoppableChild child = new StoppableChild(Worker.class);
 * child.start();
 * ...
 * int status = child.terminate(Duration.ofSeconds(2));   // 143 on Linux: it stopped when asked
 * }</pre>
 *
 */
public final class StoppableChild {

    /** How long a killed process may take to disappear: normally milliseconds. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);

    private final JavaProcess launcher;
    private Process process;
    private CapturedOutput output;

    /** A child that will run {@code mainClass.main(args)} in its own JVM. */
    public StoppableChild(Class<?> mainClass, String... args) {
        this.launcher = JavaProcess.of(mainClass).withArgs(args);
    }

    /**
     * Starts the child JVM; its standard output is read into {@link #output()}. Given.
     *
     * @throws IllegalStateException if this child was started before
     */
    public void start() throws IOException {
        if (process != null) {
            throw new IllegalStateException("already started (pid " + process.pid() + ")");
        }
        process = launcher.start();
        output = CapturedOutput.of(process.getInputStream(), "stdout of pid " + process.pid());
        CapturedOutput.of(process.getErrorStream(), "stderr of pid " + process.pid()); // drained, never read
    }

    /** The child's process id. Given. */
    public long pid() {
        return started().pid();
    }

    /** Whether the child is running now. Given. */
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** What the child has printed to its standard output so far. Given. */
    public CapturedOutput output() {
        started();
        return output;
    }

    /** Waits at most {@code timeout} for the child to exit; true if it has. Given. */
    public boolean join(Duration timeout) throws InterruptedException {
        return started().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The exit status of the child, which has exited. Given.
     *
     * @throws IllegalStateException if the child is still running
     */
    public int exitCode() {
        if (started().isAlive()) {
            throw new IllegalStateException("pid " + process.pid() + " is still running: it has no exit status yet");
        }
        return process.exitValue();
    }

    /**
     * Asks the child to stop and returns at once, without waiting. On Linux and macOS this sends SIGTERM: the
     * child's JVM runs its shutdown hooks, then exits with status 143 (128 + 15). Harmless if it has exited.
     *
     * @throws IllegalStateException if the child was never started
     */
    public void terminate() {
        started().destroy();
    }

    /**
     * Stops the child by force and returns at once. On Linux and macOS this sends SIGKILL: no shutdown hook
     * runs, and the exit status is 137 (128 + 9). Harmless if it has exited.
     *
     * @throws IllegalStateException if the child was never started
     */
    public void kill() {
        started().destroyForcibly();
    }

    /**
     * Asks the child to stop, waits up to {@code grace} for it to exit, kills it if it is still running then,
     * and waits until it has exited.
     *
     * @return the child's exit status (143 if it stopped when asked, 137 if it had to be killed)
     * @throws IllegalStateException if the child was never started
     */
    public int terminate(Duration grace) throws InterruptedException {
        Process child = started();
        child.destroy();
        boolean stopped;
        try {
            stopped = child.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            child.destroyForcibly(); // whoever interrupted us must not be left with a child that ignores SIGTERM
            throw e;
        }
        if (!stopped) {
            // A shutdown hook that never returns keeps a JVM alive after SIGTERM; SIGKILL cannot be refused.
            child.destroyForcibly();
            // The kernel still has to tear the process down; wait for that too, but not forever.
            if (!child.waitFor(AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("pid " + child.pid() + " is still running " + AFTER_KILL.toSeconds()
                        + " s after SIGKILL");
            }
        }
        return child.exitValue();
    }

    /**
     * Asks the child AND every process it started (its descendants) to stop, the descendants first, and returns
     * at once. Terminating only the child would leave its own children running, with no parent, forever.
     *
     * @throws IllegalStateException if the child was never started
     */
    public void terminateTree() {
        Process child = started();
        // Take the whole tree before signalling anyone: a process whose parent has died is re-parented and is no
        // longer found below the child. The walk goes generation by generation (the list grows while we walk it),
        // so reversed it is deepest first.
        List<ProcessHandle> tree = new ArrayList<>();
        child.children().forEach(tree::add);
        for (int i = 0; i < tree.size(); i++) {
            tree.get(i).children().forEach(tree::add);
        }
        Collections.reverse(tree);
        tree.forEach(ProcessHandle::destroy);
        child.destroy();
    }

    private Process started() {
        if (process == null) {
            throw new IllegalStateException("the child was never started: call start() first");
        }
        return process;
    }
}
