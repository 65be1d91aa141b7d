package katas.poolmap;

import java.io.Serializable;

/**
 * The two arguments of one call of a {@link BiTask}: Java's stand-in for the tuples of Python's {@code starmap}.
 * Given: you do not need to change it.
 *
 * @param first  the first argument
 * @param second the second argument
 */
public record Pair<A, B>(A first, B second) implements Serializable {

    public static <A, B> Pair<A, B> of(A first, B second) {
        return new Pair<>(first, second);
    }
}
