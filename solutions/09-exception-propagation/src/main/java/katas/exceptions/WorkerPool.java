package katas.exceptions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import katas.process.SafeSerialization;

/**
 * A pool of worker processes that runs one task at a time per worker and reports every way a task can end: a
 * result, an exception thrown in the worker, or the death of the worker. Java's answer to Python's
 * {@code pool.apply_async(f, args).get()}, minus the hang when a worker dies. Given: you do not need to change it.
 *
 * <pre>{@code
 * try (WorkerPool pool = new WorkerPool(2)) {
 *     TaskResult<Integer> result = pool.submit(x -> 10 / x, 0);
 *     result.get();   // throws TaskFailedException; its cause is the worker's ArithmeticException("/ by zero")
 * }
 * }</pre>
 *
 * <p>The plumbing (kata 02's lesson) is here and in {@link Worker}; what crosses the boundary when things go wrong
 * is yours: {@link WorkerSide}, {@link ParentSide}, {@link WorkerDeaths} and parts of {@link TaskResult}.
 */
public final class WorkerPool implements AutoCloseable {

    private final List<Worker> workers = new ArrayList<>();
    private final AtomicInteger taskIds = new AtomicInteger();
    private boolean closed;

    /**
     * Starts {@code size} worker JVMs.
     *
     * @throws IllegalArgumentException if {@code size} is less than 1
     */
    public WorkerPool(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker process, not " + size);
        }
        for (int i = 0; i < size; i++) {
            workers.add(Worker.start());
        }
    }

    /**
     * Sends {@code task} and its argument to a worker and returns at once.
     *
     * @throws IllegalStateException    if the pool is closed
     * @throws IllegalArgumentException if the task or the argument cannot be serialized
     */
    public <T, R> TaskResult<R> submit(Task<T, R> task, T argument) {
        return send(task, argument, new TaskResult<>(null));
    }

    /**
     * Like {@link #submit(Task, Object)}; {@code onError} also receives the failure ({@link TaskFailedException},
     * {@link WorkerDiedException}, or the refusal of a result) as soon as it is known. It runs on the thread that
     * reads the worker's replies, so it should be short.
     */
    public <T, R> TaskResult<R> submit(Task<T, R> task, T argument, Consumer<? super RuntimeException> onError) {
        return send(task, argument, new TaskResult<>(Objects.requireNonNull(onError, "onError")));
    }

    private <T, R> TaskResult<R> send(Task<T, R> task, T argument, TaskResult<R> result) {
        byte[] job = SafeSerialization.toBytes(new PoolWorker.Job<>(task, argument));
        int taskId = taskIds.getAndIncrement();
        Worker worker;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("this pool is closed: its workers have exited; create a new pool");
            }
            worker = leastBusyLiveWorker();
            while (!worker.accept(taskId, result)) { // it died just now: its replacement takes the task
                worker = leastBusyLiveWorker();
            }
        }
        // Outside the pool's lock: a large job for a busy worker must not hold up callers bound for other workers.
        worker.send(taskId, job);
        return result;
    }

    /** Has every gone worker replaced (yours: {@link WorkerDeaths#replaceGone}), then picks the least busy one. */
    private Worker leastBusyLiveWorker() {
        if (workers.stream().anyMatch(Worker::isGone)) {
            WorkerDeaths.replaceGone(workers);
        }
        return workers.stream().filter(worker -> !worker.isGone()).min(Comparator.comparingInt(Worker::unfinished))
                .orElseThrow(() -> new IllegalStateException("every worker of this pool is gone, and "
                        + "WorkerDeaths.replaceGone started none in their place: " + workerPids()));
    }

    /** The process ids of the current workers; a worker that died is replaced by a new one at the next submit. */
    public synchronized List<Long> workerPids() {
        return workers.stream().map(Worker::pid).toList();
    }

    /**
     * Lets the workers finish the tasks they have, then waits until they have exited (a worker still busy after a
     * few seconds is killed, and its tasks fail with {@link WorkerDiedException}). Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        workers.forEach(Worker::stop);
    }
}
