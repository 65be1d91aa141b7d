package katas.createprocess;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Runs the {@code main} method of a class in a new JVM: a separate operating-system process with its own PID and
 * its own memory. Java's answer to Python's {@code multiprocessing.Process(target=...)}.
 *
 * <pre>{@code
 * ChildProcess child = new ChildProcess(System.out, "katas.createprocess.Greeter", "Alice");
 * child.start();   // a new JVM starts; this call does not wait for it
 * child.join();    // now wait until it has finished; "Hello, Alice!" has been printed to System.out
 * }</pre>
 *
 * Read README.md first. Everything below that throws "TODO" is yours to write.
 */
public final class ChildProcess {

    private final PrintStream out;
    private final String mainClassName;
    private final List<String> args;

    /**
     * @param out           where the child's standard output goes, line by line, as it prints it
     * @param mainClassName the fully qualified name of a class with a {@code main} method, on this JVM's classpath
     * @param args          the arguments for the child's {@code main}
     */
    public ChildProcess(PrintStream out, String mainClassName, String... args) {
        this.out = out;
        this.mainClassName = mainClassName;
        this.args = List.of(args);
    }

    /**
     * Starts the child JVM and returns at once, without waiting for it.
     *
     * @throws IllegalStateException    if this child was started before
     * @throws IllegalArgumentException if the main class cannot be found on the classpath
     */
    public void start() {
        throw new UnsupportedOperationException("TODO task 1: start(): launch a child JVM with ProcessBuilder "
                + "running " + mainClassName + " " + args);
    }

    /**
     * Waits until the child has exited and all of its output has been copied to {@code out}.
     *
     * @throws IllegalStateException if the child was never started
     */
    public void join() throws InterruptedException {
        throw new UnsupportedOperationException("TODO task 1: join(): wait for the child process to exit");
    }

    /**
     * Waits at most {@code timeout} for the child to exit.
     *
     * @return true if it has exited (and its output has been copied), false if it is still running
     * @throws IllegalStateException if the child was never started
     */
    public boolean join(Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException(
                "TODO task 2: join(timeout): wait for the child, but no longer than timeout");
    }

    /** Whether the child is running now (false before start and after it exited). */
    public boolean isAlive() {
        throw new UnsupportedOperationException("TODO task 1: isAlive(): ask the process whether it is still running");
    }

    /**
     * The operating system's process id of the child.
     *
     * @throws IllegalStateException if the child was never started
     */
    public long pid() {
        throw new UnsupportedOperationException("TODO task 1: pid(): the child's process id");
    }

    /**
     * The child's exit code: 0 for success, the value it passed to {@code System.exit}, 1 for an uncaught exception.
     *
     * @throws IllegalStateException if the child was never started or is still running
     */
    public int exitCode() {
        throw new UnsupportedOperationException("TODO task 4: exitCode(): the exit code of the finished child");
    }

    /** Everything the child wrote to its standard error so far (complete once join has returned). */
    public String errorOutput() {
        throw new UnsupportedOperationException("TODO task 3: errorOutput(): what the child printed to System.err");
    }
}
