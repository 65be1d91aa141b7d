package katas.sharedmemory;

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

/**
 * A fixed number of {@code long} slots in a memory-mapped file: every process that maps the same file sees the same
 * memory. Java's counterpart of Python's {@code multiprocessing.Array('q', ...)}; one slot is a {@code Value}.
 *
 * <p>File format: slot {@code i} is the 8 bytes at offset {@code 8 * i}, big-endian (ByteBuffer's default order).
 *
 * <pre>{@code
 * try (SharedArray numbers = SharedArray.create(file, 2, 3, 4)) {   // the parent creates and fills the file
 *     // ... start children that call SharedArray.open(file) and set their slot ...
 *     long first = numbers.get(0);                                 // sees what the children wrote
 * }
 * }</pre>
 *
 * <p>{@link #get} and {@link #set} are each atomic and visible to other processes at once, but a read followed by
 * a write is not: {@code set(i, get(i) + 1)} in two processes at the same time can lose an update.
 */
public final class SharedArray implements AutoCloseable {

    static final int SLOT_BYTES = Long.BYTES;

    /** Volatile access to the mapped bytes: a spin loop in one process sees another process's write. */
    private static final VarHandle SLOTS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final Path file;
    private final MappedByteBuffer memory;
    private final int length;
    private volatile boolean closed;

    private SharedArray(Path file, MappedByteBuffer memory) {
        this.file = file;
        this.memory = memory;
        this.length = memory.capacity() / SLOT_BYTES;
    }

    /**
     * Creates (or overwrites) {@code file} with one slot per initial value and maps it.
     *
     * @throws IllegalArgumentException if no initial value is given
     */
    public static SharedArray create(Path file, long... initialValues) {
        if (initialValues.length == 0) {
            throw new IllegalArgumentException("a shared array needs at least one slot: pass its initial values");
        }
        try {
            Files.write(file, new byte[initialValues.length * SLOT_BYTES]); // zeros, one slot per value
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + file, e);
        }
        SharedArray array = open(file);
        for (int i = 0; i < initialValues.length; i++) {
            array.set(i, initialValues[i]);
        }
        return array;
    }

    /**
     * Maps an existing file made by {@link #create}, typically in a child process that got its path as an argument.
     *
     * @throws IllegalArgumentException if the file does not exist or its size is not a whole number of slots
     */
    public static SharedArray open(Path file) {
        // The mapping stays valid after the channel is closed; the OS shares its pages with every other mapping.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long bytes = channel.size();
            if (bytes == 0 || bytes % SLOT_BYTES != 0) {
                throw new IllegalArgumentException(file + " holds " + bytes + " bytes, not a whole number of "
                        + SLOT_BYTES + "-byte slots: was it made by SharedArray.create?");
            }
            return new SharedArray(file, channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no shared memory file " + file + ": the parent must create it "
                    + "before it starts the children", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not map " + file, e);
        }
    }

    /** The number of slots. */
    public int length() {
        return length;
    }

    /** The value in slot {@code index}, as the last write by any process left it. */
    public long get(int index) {
        return (long) SLOTS.getVolatile(memory, offsetOf(index));
    }

    /** Writes {@code value} to slot {@code index}; every process that maps the file sees it. */
    public void set(int index, long value) {
        SLOTS.setVolatile(memory, offsetOf(index), value);
    }

    private int offsetOf(int index) {
        if (closed) {
            throw new IllegalStateException("the shared array " + file + " is closed in this process");
        }
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for the shared array " + file
                    + " of length " + length);
        }
        return index * SLOT_BYTES;
    }

    /** Stops using the array in this process; the file and the other processes' mappings are untouched. */
    @Override
    public void close() {
        closed = true;
    }
}
