package katas.semaphore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

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
 * <p>The flag is an {@code int} in a memory-mapped file (1 set, 0 clear); a waiting process reads it every
 * millisecond or so.
 */
public final class ProcessEvent implements AutoCloseable {

    private static final int SIZE = Integer.BYTES;
    private static final int SET = 1;
    private static final int CLEAR = 0;
    private static final long POLL_NANOS = 1_000_000;

    /** Volatile access to the mapped int: a waiting loop sees another process's write. */
    private static final VarHandle FLAG = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final MappedByteBuffer memory;

    private ProcessEvent(MappedByteBuffer memory) {
        this.memory = memory;
    }

    /** Creates (or overwrites) {@code file} as an event that is clear, and opens it. */
    public static ProcessEvent create(Path file) {
        try {
            Files.write(file, new byte[SIZE]); // 0: clear
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the event file " + file, e);
        }
        return open(file);
    }

    /**
     * Opens the event that {@link #create} made in {@code file}, typically in a child process that got its path as
     * an argument.
     *
     * @throws IllegalArgumentException if the file does not exist or was not made by {@link #create}
     */
    public static ProcessEvent open(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (channel.size() != SIZE) {
                throw new IllegalArgumentException(file + " holds " + channel.size() + " bytes, not " + SIZE
                        + ": was it made by ProcessEvent.create?");
            }
            return new ProcessEvent(channel.map(FileChannel.MapMode.READ_WRITE, 0, SIZE));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no event file " + file + ": the parent must create it before it "
                    + "starts the children", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not map the event file " + file, e);
        }
    }

    /** Sets the flag: every process waiting in {@link #await} goes on, and later waits return at once. */
    public void set() {
        FLAG.setVolatile(memory, 0, SET);
    }

    /** Clears the flag: later waits block again until the next {@link #set()}. */
    public void clear() {
        FLAG.setVolatile(memory, 0, CLEAR);
    }

    /** Whether the flag is set now, by whichever process set it. */
    public boolean isSet() {
        return (int) FLAG.getVolatile(memory, 0) == SET;
    }

    /** Waits until the flag is set; returns at once if it is set already. */
    public void await() throws InterruptedException {
        while (!isSet()) {
            TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
        }
    }

    /**
     * Waits at most {@code timeout} for the flag to be set.
     *
     * @return true if it is set, false if the time ran out first
     */
    public boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isSet()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, POLL_NANOS));
        }
        return true;
    }

    /** Stops using the event in this process; the file and the other processes' mappings are untouched. */
    @Override
    public void close() {
        // Nothing to release: the mapping goes when the buffer is garbage-collected, the file stays for the others.
    }
}
