package katas.semaphore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

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
 * <p>Permit {@code i} is the byte at offset {@code i} of the file, and a process holds it while it holds an
 * exclusive file lock on that one byte. The operating system enforces the locks between processes and releases
 * them when the holder's process ends.
 */
public final class ProcessSemaphore implements AutoCloseable {

    /** How long {@link #acquire()} sleeps after it found every permit taken, before it tries them all again. */
    private static final long RETRY_MILLIS = 1;

    private final Path file;
    private final FileChannel channel;
    private final int permits;
    /** The permits this process holds, the latest first. */
    private final Deque<FileLock> held = new ArrayDeque<>();

    private ProcessSemaphore(Path file, FileChannel channel, int permits) {
        this.file = file;
        this.channel = channel;
        this.permits = permits;
    }

    /**
     * Creates (or overwrites) {@code file} as a semaphore with {@code permits} permits, and opens it.
     *
     * @throws IllegalArgumentException if {@code permits} is less than 1
     */
    public static ProcessSemaphore create(Path file, int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("a semaphore needs at least one permit, not " + permits);
        }
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel.write(ByteBuffer.allocate(permits), 0); // one byte per permit: the size says how many
            return new ProcessSemaphore(file, channel, permits);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the semaphore file " + file, e);
        }
    }

    /**
     * Opens the semaphore that {@link #create} made in {@code file}, typically in a child process that got its path
     * as an argument. The file's size says how many permits it has.
     *
     * @throws IllegalArgumentException if the file does not exist or is empty
     */
    public static ProcessSemaphore open(Path file) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long size = channel.size();
            if (size == 0) {
                channel.close();
                throw new IllegalArgumentException(file + " is empty: was it made by ProcessSemaphore.create?");
            }
            return new ProcessSemaphore(file, channel, Math.toIntExact(size));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no semaphore file " + file + ": the parent must create it before "
                    + "it starts the children", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the semaphore file " + file, e);
        }
    }

    /** Waits until a permit is free, then takes it. */
    public void acquire() throws InterruptedException {
        while (!tryAcquire()) {
            Thread.sleep(RETRY_MILLIS);
        }
    }

    /**
     * Takes a permit if one is free, without waiting.
     *
     * @return true if this process now holds one more permit, false if every permit is taken
     */
    public boolean tryAcquire() {
        for (int i = 0; i < permits; i++) {
            FileLock permit = tryLock(i);
            if (permit != null) {
                held.push(permit);
                return true;
            }
        }
        return false;
    }

    /** The lock on one permit's byte, or null if another process (or another object in this JVM) holds it. */
    private FileLock tryLock(int permit) {
        try {
            return channel.tryLock(permit, 1, false);
        } catch (OverlappingFileLockException e) {
            return null; // this JVM holds that byte already, through this object or another one
        } catch (IOException e) {
            throw new UncheckedIOException("could not try permit " + permit + " of " + file, e);
        }
    }

    /**
     * Gives back the permit this process took last.
     *
     * @throws IllegalStateException if this process holds no permit of this semaphore
     */
    public void release() {
        FileLock permit = held.poll();
        if (permit == null) {
            throw new IllegalStateException("release() without acquire(): this process holds no permit of " + file
                    + ", so it has none to give back");
        }
        try {
            permit.release();
        } catch (IOException e) {
            throw new UncheckedIOException("could not release a permit of " + file, e);
        }
    }

    /** Gives back every permit this process holds and closes the file; the file stays for the other processes. */
    @Override
    public void close() {
        try {
            channel.close(); // closing the channel releases its locks
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the semaphore file " + file, e);
        }
    }
}
