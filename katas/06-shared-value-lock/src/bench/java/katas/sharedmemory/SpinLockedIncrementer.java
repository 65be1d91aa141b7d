package katas.sharedmemory;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The fast design of the locked counter: a child program that adds 1 to a counter many times, each time holding a
 * {@link SpinLock} that lives in the same mapped file as the counter. One lock per increment, as in
 * {@link LockedIncrementer}; only the lock is different.
 *
 * <p>Arguments: {@code <counter file> <increments>}. The file holds 16 bytes: the lock word, then the counter.
 */
public final class SpinLockedIncrementer {

    static final int LOCK = 0;
    static final int VALUE = 8;
    static final int FILE_BYTES = 16;

    private SpinLockedIncrementer() {
    }

    public static void main(String[] args) throws IOException {
        MappedByteBuffer memory = map(Path.of(args[0]));
        SpinLock lock = new SpinLock(memory, LOCK);
        int increments = Integer.parseInt(args[1]);
        for (int i = 0; i < increments; i++) {
            lock.lock();
            try {
                // Plain reads and writes suffice under the lock: taking it and releasing it order them.
                memory.putLong(VALUE, memory.getLong(VALUE) + 1);
            } finally {
                lock.unlock();
            }
        }
    }

    /** Maps the counter file (made by the parent, {@value #FILE_BYTES} zero bytes). */
    static MappedByteBuffer map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, FILE_BYTES);
        }
    }
}
