package katas.sharedmemory;

import java.nio.file.Path;

/**
 * A child program that adds 1 to a shared counter many times WITHOUT a lock: read, add one, write back. Run
 * several at once and some of their updates are lost, like Python's {@code counter.value += 1} without
 * {@code get_lock()}.
 *
 * <p>Arguments: {@code <counter file> <barrier file> <party> <increments>}. The counter is slot 0 of a
 * {@link SharedArray}; the child waits at the {@link StartBarrier} as party {@code party} before it starts.
 */
public final class UnsafeIncrementer {

    private UnsafeIncrementer() {
    }

    public static void main(String[] args) {
        int increments = Integer.parseInt(args[3]);
        try (SharedArray counter = SharedArray.open(Path.of(args[0]));
             StartBarrier barrier = StartBarrier.open(Path.of(args[1]))) {
            barrier.arriveAndAwaitRelease(Integer.parseInt(args[2]));
            for (int i = 0; i < increments; i++) {
                long seen = counter.get(0);
                counter.set(0, seen + 1); // another process may have written in between: its update is lost
            }
        }
    }
}
