package katas.pipe;

import java.io.IOException;
import java.time.Duration;
import katas.process.CapturedOutput;
import katas.process.JavaProcess;
import katas.process.ProcessTree;

/**
 * A child process and the parent's end of a duplex pipe to it: the parent sends into the child's standard input
 * and receives from its standard output. Two real OS pipes, one for each direction. The child takes its end with
 * {@link Connection#overStandardStreams()}.
 *
 * <pre>{@code
 * try (ChildConnection child = ChildConnection.start(JavaProcess.of(Squarer.class))) {
 *     child.connection().send(7);
 *     Object reply = child.connection().recv();
 * }   // closes the pipe, waits for the child to exit (kills it if it does not)
 * }</pre>
 */
public final class ChildConnection implements AutoCloseable {

    /** How long close() lets the child exit by itself before it kills it. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    private final Process process;
    private final Connection connection;
    private final CapturedOutput errors;

    private ChildConnection(Process process) {
        this.process = process;
        this.connection = Connection.duplex(process.getInputStream(), process.getOutputStream());
        // The child's stderr is a third pipe: drained, or the child blocks once it is full.
        this.errors = CapturedOutput.of(process.getErrorStream(), "stderr of pid " + process.pid());
    }

    /** Starts {@code child} and connects to it over its standard input and output. */
    public static ChildConnection start(JavaProcess child) throws IOException {
        return new ChildConnection(child.start());
    }

    /** The parent's end of the pipe. */
    public Connection connection() {
        return connection;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** What the child wrote to its standard error so far. */
    public String errorOutput() {
        return errors.text();
    }

    /**
     * Closes the parent's end, so the child sees the end of the stream; waits for it to exit, and kills it (with
     * anything it started) if it has not exited after 2 s (EXIT_GRACE).
     */
    @Override
    public void close() throws InterruptedException {
        connection.close();
        ProcessTree.closeInputThenStop(process, EXIT_GRACE);
        errors.awaitEnd(EXIT_GRACE);
    }
}
