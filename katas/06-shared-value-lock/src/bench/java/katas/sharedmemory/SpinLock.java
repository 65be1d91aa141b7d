package katas.sharedmemory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A lock word in shared memory: 0 while the lock is free, 1 while a process holds it. {@link #lock()} turns 0 into 1
 * with one atomic compare-and-set, which is atomic between processes too: every process that maps the file works on
 * the same physical page, and the CPU's atomic instructions act on memory, not on a process. Taking a free lock
 * makes no system call at all; a {@code FileLock} makes two (lock and release) each time.
 *
 * <p>The price: the operating system does not know this lock exists. A process killed while it holds the lock
 * leaves 1 in the word, and every other process spins for ever. A {@code FileLock} is released by the OS when its
 * holder dies, however it dies.
 */
final class SpinLock {

    private static final VarHandle WORD = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long FREE = 0;
    private static final long HELD = 1;
    /** Spins on the CPU before giving it away: a holder that runs on another core lets go within nanoseconds. */
    private static final int SPINS_BEFORE_YIELD = 100;

    private final ByteBuffer memory;
    private final int offset;

    /** The lock whose word is the 8 bytes at {@code offset} of {@code memory}, a mapped (direct) buffer. */
    SpinLock(ByteBuffer memory, int offset) {
        this.memory = memory;
        this.offset = offset;
    }

    void lock() {
        int spins = 0;
        // Read until the word looks free, and only then try to take it: a failed compare-and-set still takes the
        // cache line away from the holder, a read does not.
        while ((long) WORD.getAcquire(memory, offset) != FREE || !WORD.compareAndSet(memory, offset, FREE, HELD)) {
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                // More processes than cores: the holder may be waiting for ours. Let it run.
                Thread.yield();
            }
        }
    }

    void unlock() {
        WORD.setRelease(memory, offset, FREE);
    }
}
