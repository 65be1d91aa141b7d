package katas.semaphore;

import java.nio.file.Path;

/**
 * A semaphore that processes share through a file: it has a fixed number of permits, and at most that many
 * processes hold one at a time. A permit held by a process that ends, even by {@code kill -9}, is given back.
 * Java's counterpart of Python's {@code multiprocessing.Semaphore}.
 *
 * <pre>{@code
 * try (ProcessSemaphore permits = ProcessSemaphore.open(file)) {   // created by the parent with create(file, 3)
 *     permits.acquire();
 *     try {
 *         useTheScarceResource();                                  // at most 3 processes at a time get here
 *     } finally {
 *         permits.release();
 *     }
 * }
 * }</pre>
 *
 * <p>It limits processes, not threads: use one instance per process and do not share it between threads.
 *
 * Read README.md first. Everything below that throws "TODO task N" is yours to write, in task N.
 */
public final class ProcessSemaphore implements AutoCloseable {

    private ProcessSemaphore() {
    }

    /**
     * Creates (or overwrites) {@code file} as a semaphore with {@code permits} permits, and opens it.
     *
     * @throws IllegalArgumentException if {@code permits} is less than 1
     */
    public static ProcessSemaphore create(Path file, int permits) {
        throw new UnsupportedOperationException("TODO task 1: create the file (one byte per permit) and keep a "
                + "FileChannel open on it (task 2: any number of permits)");
    }

    /**
     * Opens the semaphore that {@link #create} made in {@code file}, typically in a child process that got its path
     * as an argument. The file's size says how many permits it has.
     *
     * @throws IllegalArgumentException if the file does not exist or is empty
     */
    public static ProcessSemaphore open(Path file) {
        throw new UnsupportedOperationException("TODO task 1: open a FileChannel on the existing file, without "
                + "recreating it");
    }

    /** Waits until a permit is free, then takes it. */
    public void acquire() throws InterruptedException {
        throw new UnsupportedOperationException("TODO task 1: try to take a permit until you get one, with a short "
                + "sleep between tries");
    }

    /**
     * Takes a permit if one is free, without waiting.
     *
     * @return true if this process now holds one more permit, false if every permit is taken
     */
    public boolean tryAcquire() {
        throw new UnsupportedOperationException("TODO task 1: FileChannel.tryLock(0, 1, false) returns null when "
                + "another process holds the permit (task 2: try byte i for permit i, every one)");
    }

    /**
     * Gives back the permit this process took last.
     *
     * @throws IllegalStateException if this process holds no permit of this semaphore
     */
    public void release() {
        throw new UnsupportedOperationException("TODO task 1: release the FileLock that tryAcquire() got (task 3: "
                + "refuse a release without acquire)");
    }

    /** Gives back every permit this process holds and closes the file; the file stays for the other processes. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO task 1: close the channel, which also releases its locks");
    }
}
