package katas.sharedmemory;

import java.nio.file.Path;

/**
 * A child program that adds 1 to a shared counter many times, each time holding the cross-process lock, so no
 * update is lost. Python's {@code with counter.get_lock(): counter.value += 1}.
 *
 * <p>Arguments: {@code <counter file> <lock file> <barrier file> <party> <increments>}.
 */
public final class LockedIncrementer {

    private LockedIncrementer() {
    }

    public static void main(String[] args) {
        int increments = Integer.parseInt(args[4]);
        try (SharedArray counter = SharedArray.open(Path.of(args[0]));
             CrossProcessLock lock = CrossProcessLock.open(Path.of(args[1]));
             StartBarrier barrier = StartBarrier.open(Path.of(args[2]))) {
            barrier.arriveAndAwaitRelease(Integer.parseInt(args[3]));
            for (int i = 0; i < increments; i++) {
                lock.lock();
                try {
                    counter.set(0, counter.get(0) + 1);
                } finally {
                    lock.unlock();
                }
            }
        }
    }
}
