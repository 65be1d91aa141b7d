package katas.poolmap;

import java.util.List;

/**
 * A fixed set of worker processes (child JVMs running {@link PoolWorker}) that stay alive and take work until the
 * pool is closed. Java's answer to Python's {@code multiprocessing.Pool}.
 *
 * <pre>{@code
 * try (ProcessPool pool = new ProcessPool(4)) {                 // four worker JVMs start now
 *     List<Integer> squares = pool.map(x -> x * x, List.of(1, 2, 3));   // [1, 4, 9]
 * }                                                             // the workers exit here
 * }</pre>
 *
 * Read README.md first. Everything below that throws "TODO" is yours to write.
 */
public final class ProcessPool implements AutoCloseable {

    /**
     * Starts {@code size} worker JVMs at once; they are reused by every call of {@link #map}.
     *
     * @throws IllegalArgumentException if {@code size} is less than 1
     */
    public ProcessPool(int size) {
        throw new UnsupportedOperationException("TODO task 1: ProcessPool(size): start that many PoolWorker JVMs "
                + "(size = " + size + ") now (katas.process.JavaProcess) and keep their pipes; reject a size below 1");
    }

    /**
     * Applies {@code task} to every item in the worker processes and returns the results in the order of the
     * items, however the work was spread and whichever worker finished first.
     *
     * @throws IllegalStateException    if the pool is closed, or a worker died
     * @throws IllegalArgumentException if the task or an item cannot be serialized, or a result is of a class the
     *                                  pool does not accept from another process
     * @throws RuntimeException         if the task threw in a worker; its message holds the worker's stack trace
     */
    public <T, R> List<R> map(Task<T, R> task, List<T> items) {
        throw new UnsupportedOperationException("TODO task 1: map(task, items): send the task and the items to a "
                + "worker, read its reply, return the results in input order (task 2 spreads chunks over every "
                + "worker, task 4 makes every failure clear, task 5 refuses work after close)");
    }

    /**
     * Calls {@code task} with the two arguments of every pair in the worker processes, and returns the results in
     * the order of the pairs: Python's {@code starmap}.
     */
    public <A, B, R> List<R> starMap(BiTask<A, B, R> task, List<Pair<A, B>> pairs) {
        throw new UnsupportedOperationException("TODO task 6: starMap(task, pairs): a map over the pairs whose task "
                + "calls the two-argument task");
    }

    /**
     * Like {@link #map}, but returns at once: the iterator hands out each result, in the order of the items, as
     * soon as it has arrived. Read it to the end or close it before the next map.
     */
    public <T, R> ResultIterator<R> imap(Task<T, R> task, List<T> items) {
        throw new UnsupportedOperationException("TODO task 6: imap(task, items): send the first chunks and return "
                + "an iterator that takes replies only until the next result in order has arrived");
    }

    /** The process ids of the workers, in the order they were started; they stay the same for the pool's life. */
    public List<Long> workerPids() {
        throw new UnsupportedOperationException("TODO task 1: workerPids(): the pid of every worker process");
    }

    /**
     * Stops the workers (their input ends, so they finish and exit) and waits until they have exited.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        throw new UnsupportedOperationException(
                "TODO task 1: close(): end the workers' input and wait for them to exit");
    }
}
