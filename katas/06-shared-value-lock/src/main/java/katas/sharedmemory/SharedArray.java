package katas.sharedmemory;

import java.nio.file.Path;

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

    private SharedArray() {
    }

    /**
     * Creates (or overwrites) {@code file} with one slot per initial value and maps it.
     *
     * @throws IllegalArgumentException if no initial value is given
     */
    public static SharedArray create(Path file, long... initialValues) {
        throw new UnsupportedOperationException("TODO task 1: size the file to 8 bytes per value, map it with "
                + "FileChannel.map(READ_WRITE, ...) and write the initial values");
    }

    /**
     * Maps an existing file made by {@link #create}, typically in a child process that got its path as an argument.
     *
     * @throws IllegalArgumentException if the file does not exist or its size is not a whole number of slots
     */
    public static SharedArray open(Path file) {
        throw new UnsupportedOperationException("TODO task 1: map the existing file; its size gives the length");
    }

    /** The number of slots. */
    public int length() {
        throw new UnsupportedOperationException("TODO task 1: the number of 8-byte slots in the mapped file");
    }

    /**
     * The value in slot {@code index}, as the last write by any process left it.
     *
     * @throws IndexOutOfBoundsException naming the index and the length, if the index is out of range
     */
    public long get(int index) {
        throw new UnsupportedOperationException("TODO task 1: read the long at offset 8 * index of the mapped "
                + "memory (task 2: refuse an index out of range)");
    }

    /**
     * Writes {@code value} to slot {@code index}; every process that maps the file sees it.
     *
     * @throws IndexOutOfBoundsException naming the index and the length, if the index is out of range
     */
    public void set(int index, long value) {
        throw new UnsupportedOperationException("TODO task 1: write the long at offset 8 * index of the mapped "
                + "memory (task 2: refuse an index out of range)");
    }

    /** Stops using the array in this process; the file and the other processes' mappings are untouched. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO task 1: mark this array closed (the mapping needs no unmap)");
    }
}
