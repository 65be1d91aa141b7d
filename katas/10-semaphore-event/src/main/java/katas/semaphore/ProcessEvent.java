package katas.semaphore;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A flag that processes share through a file: processes wait until it is set, and one call to {@link #set()} lets
 * all of them go. Java's counterpart of Python's {@code multiprocessing.Event}.
 *
 * <pre>{@code
 * // parent                                        // each child
 * ProcessEvent start = ProcessEvent.create(file);  ProcessEvent start = ProcessEvent.open(file);
 * ... start the children ...                       start.await();     // blocks until the parent sets it
 * start.set();                                     ... the work ...
 * }</pre>
 *
 * Read README.md first. Everything below that throws "TODO task N" is yours to write, in task N.
 */
public final class ProcessEvent implements AutoCloseable {

    private ProcessEvent() {
    }

    /** Creates (or overwrites) {@code file} as an event that is clear, and opens it. */
    public static ProcessEvent create(Path file) {
        throw new UnsupportedOperationException("TODO task 4: write the file with the flag clear, then open it");
    }

    /**
     * Opens the event that {@link #create} made in {@code file}, typically in a child process that got its path as
     * an argument.
     *
     * @throws IllegalArgumentException if the file does not exist or was not made by {@link #create}
     */
    public static ProcessEvent open(Path file) {
        throw new UnsupportedOperationException("TODO task 4: map the existing file (FileChannel.map) to read and "
                + "write its flag");
    }

    /** Sets the flag: every process waiting in {@link #await} goes on, and later waits return at once. */
    public void set() {
        throw new UnsupportedOperationException("TODO task 4: write 1 to the flag in the shared file");
    }

    /** Clears the flag: later waits block again until the next {@link #set()}. */
    public void clear() {
        throw new UnsupportedOperationException("TODO task 5: write 0 to the flag in the shared file");
    }

    /** Whether the flag is set now, by whichever process set it. */
    public boolean isSet() {
        throw new UnsupportedOperationException("TODO task 4: read the flag from the shared file");
    }

    /** Waits until the flag is set; returns at once if it is set already. */
    public void await() throws InterruptedException {
        throw new UnsupportedOperationException("TODO task 4: read the flag again and again, with a short sleep, "
                + "until it is set");
    }

    /**
     * Waits at most {@code timeout} for the flag to be set.
     *
     * @return true if it is set, false if the time ran out first
     */
    public boolean await(Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException("TODO task 5: like await(), but give up and return false once the "
                + "timeout has passed");
    }

    /** Stops using the event in this process; the file and the other processes' mappings are untouched. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO task 4: stop using the event in this process (the mapping "
                + "needs no unmap)");
    }
}
