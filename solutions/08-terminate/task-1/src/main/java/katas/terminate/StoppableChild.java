package katas.terminate;

import java.io.IOException;
import java.time.Duration;
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
 * Starting, waiting and reading the output are given. Everything below that throws "TODO" is yours to write, task by
 * task (see the README).
 */
public final class StoppableChild {

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
        throw new UnsupportedOperationException("TODO task 2: kill(): stop the child process by force (SIGKILL)");
    }

    /**
     * Asks the child to stop, waits up to {@code grace} for it to exit, kills it if it is still running then,
     * and waits until it has exited.
     *
     * @return the child's exit status (143 if it stopped when asked, 137 if it had to be killed)
     * @throws IllegalStateException if the child was never started
     */
    public int terminate(Duration grace) throws InterruptedException {
        throw new UnsupportedOperationException("TODO task 3: terminate(grace): terminate, wait up to grace, "
                + "then kill if it is still running; return the exit status");
    }

    /**
     * Asks the child AND every process it started (its descendants) to stop, the descendants first, and returns
     * at once. Terminating only the child would leave its own children running, with no parent, forever.
     *
     * @throws IllegalStateException if the child was never started
     */
    public void terminateTree() {
        throw new UnsupportedOperationException("TODO task 4: terminateTree(): terminate the child's "
                + "descendants, then the child");
    }

    private Process started() {
        if (process == null) {
            throw new IllegalStateException("the child was never started: call start() first");
        }
        return process;
    }
}
