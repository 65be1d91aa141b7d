package katas.sharedmemory;

import java.nio.file.Path;

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
        int index = Integer.parseInt(args[1]);
        try (SharedArray array = SharedArray.open(Path.of(args[0]))) {
            array.set(index, array.get(index) * array.get(index));
        }
    }
}
