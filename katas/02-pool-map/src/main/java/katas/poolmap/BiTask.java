package katas.poolmap;

import java.io.Serializable;
import java.util.function.BiFunction;

/**
 * A function of two arguments that can travel to another process, for {@link ProcessPool#starMap}. Given: you do
 * not need to change it. Like {@link Task}, a lambda written where a {@code BiTask} is expected is serializable.
 *
 * @param <A> the type of the first argument
 * @param <B> the type of the second argument
 * @param <R> the type of a result
 */
@FunctionalInterface
public interface BiTask<A, B, R> extends BiFunction<A, B, R>, Serializable {
}
