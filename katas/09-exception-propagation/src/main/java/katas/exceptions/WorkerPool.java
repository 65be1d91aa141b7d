package katas.exceptions;

import java.util.List;
import java.util.function.Consumer;

/**
 * A pool of worker processes that runs one task at a time per worker and reports every way a task can end: a
 * result, an exception thrown in the worker, or the death of the worker. Java's answer to Python's
 * {@code pool.apply_async(f, args).get()}, minus the hang when a worker dies.
 *
 * <pre>{@code
 * try (WorkerPool pool = new WorkerPool(2)) {
 *     TaskResult<Integer> result = pool.submit(x -> 10 / x, 0);
 *     result.get();   // throws TaskFailedException; its cause is the worker's ArithmeticException("/ by zero")
 * }
 * }</pre>
 *
 * Read README.md first. Everything below that throws "TODO" is yours to write.
 */
public final class WorkerPool implements AutoCloseable {

    /**
     * Starts {@code size} worker JVMs.
     *
     * @throws IllegalArgumentException if {@code size} is less than 1
     */
    public WorkerPool(int size) {
        throw new UnsupportedOperationException("TODO WorkerPool(size): start that many PoolWorker JVMs (size = " + size + ") "
                + "(katas.process.JavaProcess) and a reader thread per worker; reject a size below 1");
    }

    /**
     * Sends {@code task} and its argument to a worker and returns at once.
     *
     * @throws IllegalStateException    if the pool is closed
     * @throws IllegalArgumentException if the task or the argument cannot be serialized
     */
    public <T, R> TaskResult<R> submit(Task<T, R> task, T argument) {
        throw new UnsupportedOperationException("TODO submit(task, argument): send the job to a live worker and "
                + "return a TaskResult that its reply (or its death) will complete");
    }

    /**
     * Like {@link #submit(Task, Object)}; {@code onError} also receives the failure ({@link TaskFailedException} or
     * {@link WorkerDiedException}) as soon as it is known. It runs on the thread that reads the worker's replies, so
     * it should be short.
     */
    public <T, R> TaskResult<R> submit(Task<T, R> task, T argument, Consumer<? super RuntimeException> onError) {
        throw new UnsupportedOperationException("TODO submit(task, argument, onError): as submit, and hand a "
                + "failure to onError too");
    }

    /** The process ids of the current workers; a worker that died is replaced by a new one at the next submit. */
    public List<Long> workerPids() {
        throw new UnsupportedOperationException("TODO workerPids(): the pid of every current worker process");
    }

    /**
     * Lets the workers finish the tasks they have, then waits until they have exited (a worker still busy after a
     * few seconds is killed, and its tasks fail with {@link WorkerDiedException}). Calling it again does nothing.
     */
    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO close(): end the workers' input and wait for them to exit");
    }
}
