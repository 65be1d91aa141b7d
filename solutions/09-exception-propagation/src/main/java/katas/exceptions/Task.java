package katas.exceptions;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A function that can travel to another process. Given: you do not need to change it.
 *
 * <p>Because the interface is {@link Serializable}, a lambda written where a {@code Task} is expected is
 * serializable too, so it can be piped to a worker JVM and run there.
 *
 * @param <T> the type of the argument
 * @param <R> the type of the result
 */
@FunctionalInterface
public interface Task<T, R> extends Function<T, R>, Serializable {
}
