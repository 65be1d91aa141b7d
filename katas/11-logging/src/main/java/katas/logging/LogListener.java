package katas.logging;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The parent's side of the pattern: starts child JVMs, receives the records each one sends through its
 * {@link ParentHandler}, and writes them all to one file, one line per record. Python's {@code QueueListener}.
 *
 * <pre>{@code
 * try (LogListener listener = LogListener.writingTo(Path.of("all.log"))) {
 *     listener.start("worker-1", Worker.class, "1000");
 *     listener.start("worker-2", Worker.class, "1000");
 * }   // close(): waits for the children, writes their last records, closes the file
 * }</pre>
 *
 * Every method that throws "TODO task N" is yours to write, task by task (see the README).
 */
public final class LogListener implements AutoCloseable {

    /** A listener that writes to {@code file}, created or emptied. */
    public static LogListener writingTo(Path file) throws IOException {
        throw new UnsupportedOperationException("TODO task 1: writingTo(file): open the log file for writing");
    }

    /**
     * Starts {@code mainClass.main(args)} in a child JVM called {@code name}, and a reader for the records it sends.
     *
     * @return the child process
     */
    public Process start(String name, Class<?> mainClass, String... args) throws IOException {
        throw new UnsupportedOperationException("TODO task 1: start(name, mainClass, args): start the child JVM "
                + "and a reader that writes each of its records to the file");
    }

    /** Waits until every child has exited and its last record is written, then closes the file. */
    @Override
    public void close() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("TODO task 1: close(): wait for the children and their readers, "
                + "then close the file");
    }

    /**
     * One record as one line of the log: {@code <when> <name> (pid <pid>) <level> <logger>: <message>}, with every
     * {@code \r} and {@code \n} of the message written as the two characters {@code \r} and {@code \n}.
     */
    static String line(Instant when, String name, long pid, String level, String logger, String message) {
        throw new UnsupportedOperationException("TODO task 2: line(...): one record as one line of the log");
    }
}
