package katas.sharedmemory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
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
 * Read README.md first. Everything below that throws "TODO task N" is yours to write, in task N.
 */
public final class SharedArray implements AutoCloseable {

    static final int SLOT_BYTES = Long.BYTES;

    private final MappedByteBuffer memory;
    private boolean closed;

    private SharedArray(MappedByteBuffer memory) {
        this.memory = memory;
    }

    /**
     * Creates (or overwrites) {@code file} with one slot per initial value and maps it.
     *
     * @throws IllegalArgumentException if no initial value is given
     */
    public static SharedArray create(Path file, long... initialValues) {
        if (initialValues.length == 0) {
            throw new IllegalArgumentException("a shared array needs at least one slot");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            SharedArray array = new SharedArray(
                    channel.map(FileChannel.MapMode.READ_WRITE, 0, (long) SLOT_BYTES * initialValues.length));
            for (int i = 0; i < initialValues.length; i++) {
                array.set(i, initialValues[i]);
            }
            return array;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + file, e);
        }
    }

    /**
     * Maps an existing file made by {@link #create}, typically in a child process that got its path as an argument.
     *
     * @throws IllegalArgumentException if the file does not exist or its size is not a whole number of slots
     */
    public static SharedArray open(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return new SharedArray(channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not map " + file, e);
        }
    }

    /** The number of slots. */
    public int length() {
        return memory.capacity() / SLOT_BYTES;
    }

    /**
     * The value in slot {@code index}, as the last write by any process left it.
     *
     * @throws IndexOutOfBoundsException naming the index and the length, if the index is out of range
     */
    public long get(int index) {
        return memory.getLong(index * SLOT_BYTES);
    }

    /**
     * Writes {@code value} to slot {@code index}; every process that maps the file sees it.
     *
     * @throws IndexOutOfBoundsException naming the index and the length, if the index is out of range
     */
    public void set(int index, long value) {
        memory.putLong(index * SLOT_BYTES, value);
    }

    /** Stops using the array in this process; the file and the other processes' mappings are untouched. */
    @Override
    public void close() {
        closed = true;
    }
}
