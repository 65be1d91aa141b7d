package katas.semaphore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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

    private final FileChannel channel;
    private FileLock permit;

    private ProcessSemaphore(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Creates (or overwrites) {@code file} as a semaphore with {@code permits} permits, and opens it.
     *
     * @throws IllegalArgumentException if {@code permits} is less than 1
     */
    public static ProcessSemaphore create(Path file, int permits) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel.write(ByteBuffer.allocate(permits), 0);
            return new ProcessSemaphore(channel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
            return new ProcessSemaphore(FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a permit is free, then takes it. */
    public void acquire() throws InterruptedException {
        while (!tryAcquire()) {
            Thread.sleep(1);
        }
    }

    /**
     * Takes a permit if one is free, without waiting.
     *
     * @return true if this process now holds one more permit, false if every permit is taken
     */
    public boolean tryAcquire() {
        try {
            permit = channel.tryLock(0, 1, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return permit != null;
    }

    /**
     * Gives back the permit this process took last.
     *
     * @throws IllegalStateException if this process holds no permit of this semaphore
     */
    public void release() {
        try {
            permit.release();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        permit = null;
    }

    /** Gives back every permit this process holds and closes the file; the file stays for the other processes. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
