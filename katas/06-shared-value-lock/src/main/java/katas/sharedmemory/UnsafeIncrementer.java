package katas.sharedmemory;

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
        throw new UnsupportedOperationException("TODO task 3: open the counter and the barrier, "
                + "arriveAndAwaitRelease(party), then <increments> times: set(0, get(0) + 1), with no lock");
    }
}
