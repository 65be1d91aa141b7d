package katas.exceptions;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The future result of a task submitted to a {@link WorkerPool}: Python's {@code AsyncResult}. A small monitor:
 * the pool completes it ({@link #succeed}) or fails it ({@link #fail}) from the thread that reads the worker's
 * replies, and callers wait in {@code get}.
 *
 * <p>Read README.md first. Everything below that throws "TODO" is yours to write.
 *
 * @param <R> the type of the result
 */
public final class TaskResult<R> {

    /** Who hears of a failure; null when the task was submitted without an error callback. */
    private final Consumer<? super RuntimeException> onError;
    private boolean done;
    private R value;
    private RuntimeException failure;

    TaskResult(Consumer<? super RuntimeException> onError) {
        this.onError = onError;
    }

    // ---- Given: waiting without a timeout, and completing. ----

    /**
     * Waits for the task to finish and returns its result.
     *
     * @throws TaskFailedException  if the task threw in the worker (the cause is what it threw)
     * @throws WorkerDiedException  if the worker process ended before the task did
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    public synchronized R get() throws InterruptedException {
        while (!done) {
            wait();
        }
        return valueOrFailure();
    }

    /** Whether the task has finished, with a result or a failure. */
    public synchronized boolean isDone() {
        return done;
    }

    private R valueOrFailure() {
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    /** The task returned {@code result}. */
    void succeed(R result) {
        synchronized (this) {
            value = result;
            done = true;
            notifyAll();
        }
    }

    /** The task failed: get() throws {@code exception} from now on, and the error callback, if any, hears of it. */
    void fail(RuntimeException exception) {
        synchronized (this) {
            failure = exception;
            done = true;
            notifyAll();
        }
        if (onError != null) {
            tellOnError(exception); // outside the lock: the callback may call get()
        }
    }

    // ---- Yours: task 3. ----

    /**
     * Like {@link #get()}, but waits at most {@code timeout}.
     *
     * @throws TimeoutException if the task has not finished in time; it keeps running, so you may call get again
     */
    public synchronized R get(Duration timeout) throws InterruptedException, TimeoutException {
        throw new UnsupportedOperationException("TODO task 3: like get(), but give up with a TimeoutException "
                + "once " + timeout.toMillis() + " ms have passed, and leave the task alone");
    }

    // ---- Yours: task 6. ----

    /** Hands {@code exception} to the error callback. It runs on the thread that reads the worker's replies. */
    private void tellOnError(RuntimeException exception) {
        throw new UnsupportedOperationException("TODO task 6: hand " + exception + " to onError, and make sure "
                + "nothing it throws escapes");
    }
}
