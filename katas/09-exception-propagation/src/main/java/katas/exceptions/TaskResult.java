package katas.exceptions;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The future result of a task submitted to a {@link WorkerPool}: Python's {@code AsyncResult}. The pool completes
 * it when the worker replies, or fails it when the worker dies; add package-private methods for that.
 *
 * @param <R> the type of the result
 */
public final class TaskResult<R> {

    TaskResult() {
    }

    /**
     * Waits for the task to finish and returns its result.
     *
     * @throws TaskFailedException  if the task threw in the worker (the cause is what it threw)
     * @throws WorkerDiedException  if the worker process ended before the task did
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    public R get() throws InterruptedException {
        throw new UnsupportedOperationException("TODO get(): wait until the pool has completed or failed this "
                + "result, then return the value or throw the failure");
    }

    /**
     * Like {@link #get()}, but waits at most {@code timeout}.
     *
     * @throws TimeoutException if the task has not finished in time; it keeps running, so you may call get again
     */
    public R get(Duration timeout) throws InterruptedException, TimeoutException {
        throw new UnsupportedOperationException("TODO get(timeout): like get(), but give up with a TimeoutException "
                + "after timeout");
    }

    /** Whether the task has finished, with a result or a failure. */
    public boolean isDone() {
        throw new UnsupportedOperationException("TODO isDone(): has the result or the failure arrived?");
    }
}
