package katas.pipe;

import java.io.IOException;
import katas.process.JavaProcess;

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
 *
 * Read README.md first. Everything below that throws "TODO" is yours to write.
 */
public final class ChildConnection implements AutoCloseable {

    private ChildConnection() {
    }

    /** Starts {@code child} and connects to it over its standard input and output. */
    public static ChildConnection start(JavaProcess child) throws IOException {
        throw new UnsupportedOperationException("TODO start(): start the child process and make a duplex Connection "
                + "over its stdout (to receive) and stdin (to send); drain its stderr");
    }

    /** The parent's end of the pipe. */
    public Connection connection() {
        throw new UnsupportedOperationException("TODO connection()");
    }

    public long pid() {
        throw new UnsupportedOperationException("TODO pid(): the child's process id");
    }

    public Process process() {
        throw new UnsupportedOperationException("TODO process()");
    }

    /** What the child wrote to its standard error so far. */
    public String errorOutput() {
        throw new UnsupportedOperationException("TODO errorOutput(): the drained stderr of the child");
    }

    /**
     * Closes the parent's end, so the child sees the end of the stream; waits for it to exit, and kills it (with
     * anything it started) if it has not exited after a few seconds.
     */
    @Override
    public void close() throws InterruptedException {
        throw new UnsupportedOperationException("TODO close(): close the connection, then wait for the child and "
                + "kill it if it does not exit (katas.process.ProcessTree.closeInputThenStop does both)");
    }
}
