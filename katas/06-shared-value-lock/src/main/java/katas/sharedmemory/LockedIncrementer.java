package katas.sharedmemory;

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
        throw new UnsupportedOperationException("TODO task 5: like UnsafeIncrementer, but hold the CrossProcessLock "
                + "from before the read until after the write, every time");
    }
}
