package katas.sharedmemory;

/**
 * A child program that squares one slot of a shared array in place: each of several children owns one slot, so
 * they need no lock.
 *
 * <p>Arguments: {@code <array file> <index>}.
 */
public final class SlotSquarer {

    private SlotSquarer() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("TODO task 1: open the shared array and replace slot <index> by its "
                + "square");
    }
}
