package katas.poolmap;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A function that can travel to another process. Given: you do not need to change it.
 *
 * <p>Because the interface is {@link Serializable}, a lambda written where a {@code Task} is expected is
 * serializable too: {@code Task<Integer, Integer> square = x -> x * x;} can be turned into bytes, piped to a worker
 * JVM and turned back into a function there, as long as the worker has the class that wrote the lambda on its
 * classpath.
 *
 * @param <T> the type of an item
 * @param <R> the type of a result
 */
@FunctionalInterface
public interface Task<T, R> extends Function<T, R>, Serializable {
}
