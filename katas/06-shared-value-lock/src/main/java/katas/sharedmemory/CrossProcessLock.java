package katas.sharedmemory;

import java.nio.file.Path;

/**
 * A lock that processes share through a lock file: while one process holds it, no other process can take it.
 * The operating system releases it when the holder's process ends, even by {@code kill -9}. Java's counterpart of
 * Python's {@code multiprocessing.Lock}.
 *
 * <pre>{@code
 * try (CrossProcessLock lock = CrossProcessLock.open(lockFile)) {
 *     lock.lock();
 *     try {
 *         counter.set(0, counter.get(0) + 1);   // only one process at a time gets here
 *     } finally {
 *         lock.unlock();
 *     }
 * }
 * }</pre>
 *
 * <p>It excludes processes, not threads: the OS tracks the lock per process, so use one instance per process and
 * do not share it between threads.
 *
 * Read README.md first. Everything below that throws "TODO task N" is yours to write, in task N.
 */
public final class CrossProcessLock implements AutoCloseable {

    private CrossProcessLock() {
    }

    /** Opens the lock file, creating it if needed. Every process that opens the same file shares one lock. */
    public static CrossProcessLock open(Path file) {
        throw new UnsupportedOperationException("TODO task 4: open a FileChannel on the lock file (create it if "
                + "missing)");
    }

    /**
     * Waits until no other process holds the lock, then takes it.
     *
     * @throws IllegalStateException if this process holds it already (it is not re-entrant) or it was closed
     */
    public void lock() {
        throw new UnsupportedOperationException("TODO task 4: FileChannel.lock(), and keep the FileLock it returns "
                + "(task 6: refuse a closed or held lock)");
    }

    /**
     * Takes the lock if no other process holds it, without waiting.
     *
     * @return true if this process now holds the lock, false if another process holds it
     * @throws IllegalStateException if this process holds it already or it was closed
     */
    public boolean tryLock() {
        throw new UnsupportedOperationException("TODO task 4: FileChannel.tryLock() returns null when another "
                + "process holds the lock");
    }

    /**
     * Releases the lock so that another process can take it.
     *
     * @throws IllegalStateException if this process does not hold it
     */
    public void unlock() {
        throw new UnsupportedOperationException("TODO task 4: release the FileLock taken by lock() or tryLock()");
    }

    /** Releases the lock if held and closes the lock file. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO task 4: close the channel, which also releases its lock");
    }
}
