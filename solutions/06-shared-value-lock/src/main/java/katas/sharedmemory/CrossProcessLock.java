package katas.sharedmemory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
 */
public final class CrossProcessLock implements AutoCloseable {

    private static final int TRIES_BEFORE_WAITING = 5;

    private final Path file;
    private final FileChannel channel;
    private FileLock held;

    private CrossProcessLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens the lock file, creating it if needed. Every process that opens the same file shares one lock. */
    public static CrossProcessLock open(Path file) {
        try {
            return new CrossProcessLock(file, FileChannel.open(file,
                    StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the lock file " + file, e);
        }
    }

    /**
     * Waits until no other process holds the lock, then takes it.
     *
     * @throws IllegalStateException if this process holds it already (it is not re-entrant) or it was closed
     */
    public void lock() {
        requireNotHeld("lock()");
        try {
            // A few tries that do not wait come first. A holder that only counts keeps the lock for about a
            // microsecond, while a process that blocks is put to sleep and must be woken and scheduled again, which
            // takes longer than that (ANSWERS.md, Speed).
            for (int tries = 0; held == null; tries++) {
                held = tries < TRIES_BEFORE_WAITING ? channel.tryLock() : channel.lock();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + file, e);
        }
    }

    /**
     * Takes the lock if no other process holds it, without waiting.
     *
     * @return true if this process now holds the lock, false if another process holds it
     * @throws IllegalStateException if this process holds it already or it was closed
     */
    public boolean tryLock() {
        requireNotHeld("tryLock()");
        try {
            held = channel.tryLock();
        } catch (IOException e) {
            throw new UncheckedIOException("could not try to lock " + file, e);
        }
        return held != null;
    }

    /**
     * Releases the lock so that another process can take it.
     *
     * @throws IllegalStateException if this process does not hold it
     */
    public void unlock() {
        if (held == null) {
            throw new IllegalStateException("unlock() of " + file + ", which this process does not hold");
        }
        try {
            held.release();
        } catch (IOException e) {
            throw new UncheckedIOException("could not unlock " + file, e);
        } finally {
            held = null;
        }
    }

    private void requireNotHeld(String operation) {
        if (!channel.isOpen()) {
            throw new IllegalStateException(operation + " on the closed lock " + file);
        }
        if (held != null) {
            // FileChannel would throw OverlappingFileLockException: the JVM allows one lock per file.
            throw new IllegalStateException(operation + ": this process holds " + file + " already, and the lock "
                    + "is not re-entrant");
        }
    }

    /** Releases the lock if held and closes the lock file. */
    @Override
    public void close() {
        try {
            channel.close(); // closing the channel releases its lock
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the lock file " + file, e);
        } finally {
            held = null;
        }
    }
}
