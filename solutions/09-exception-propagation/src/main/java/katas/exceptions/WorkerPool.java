package katas.exceptions;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import katas.process.CapturedOutput;
import katas.process.JavaProcess;
import katas.process.ProcessTree;
import katas.process.SafeSerialization;

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
 */
public final class WorkerPool implements AutoCloseable {

    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

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
            workers.add(new Worker());
        }
    }

    /**
     * Sends {@code task} and its argument to a worker and returns at once.
     *
     * @throws IllegalStateException    if the pool is closed
     * @throws IllegalArgumentException if the task or the argument cannot be serialized
     */
    public <T, R> TaskResult<R> submit(Task<T, R> task, T argument) {
        return submit(task, argument, failure -> { });
    }

    /**
     * Like {@link #submit(Task, Object)}; {@code onError} also receives the failure ({@link TaskFailedException} or
     * {@link WorkerDiedException}) as soon as it is known. It runs on the thread that reads the worker's replies, so
     * it should be short.
     */
    public <T, R> TaskResult<R> submit(Task<T, R> task, T argument, Consumer<? super RuntimeException> onError) {
        byte[] job = SafeSerialization.toBytes(new PoolWorker.Job<>(task, argument));
        TaskResult<R> result = new TaskResult<>(onError);
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

    /** Replaces every worker whose process has ended, then picks the one with the fewest unfinished tasks. */
    private Worker leastBusyLiveWorker() {
        for (int i = 0; i < workers.size(); i++) {
            if (workers.get(i).isGone()) {
                workers.set(i, new Worker());
            }
        }
        return workers.stream().min(Comparator.comparingInt(Worker::unfinished)).orElseThrow();
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

    /** One worker process, its pipes, and the tasks it has been given but not answered yet. */
    private static final class Worker {

        private final Process process;
        /** Guarded by itself: one job is written at a time, whole. */
        private final DataOutputStream requests;
        private final Map<Integer, TaskResult<?>> unfinished = new HashMap<>();
        private boolean gone;

        Worker() {
            try {
                process = JavaProcess.of(PoolWorker.class).start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start a worker JVM", e);
            }
            requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            // Drained, so that a task that prints a lot can never block on a full pipe.
            CapturedOutput.of(process.getErrorStream(), "stderr of pool worker " + process.pid());
            Thread reader = new Thread(this::readReplies, "replies of pool worker " + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        long pid() {
            return process.pid();
        }

        /** Gone if its reader saw the end of its output, or if the process has ended and the reader not yet. */
        synchronized boolean isGone() {
            return gone || !process.isAlive();
        }

        synchronized int unfinished() {
            return unfinished.size();
        }

        /** Registers a task before it is sent, so that the worker's death fails it; false if the worker is gone. */
        synchronized boolean accept(int taskId, TaskResult<?> result) {
            if (isGone()) {
                return false;
            }
            unfinished.put(taskId, result);
            return true;
        }

        void send(int taskId, byte[] job) {
            synchronized (requests) {
                try {
                    requests.writeInt(taskId);
                    requests.writeInt(job.length);
                    requests.write(job);
                    requests.flush();
                } catch (IOException workerIsGone) {
                    // The reader sees the end of the worker's output and fails this task with the exit status.
                }
            }
        }

        private void readReplies() {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream()))) {
                while (true) {
                    int taskId = in.readInt();
                    boolean ok = in.readBoolean();
                    byte[] first = readBlob(in);
                    byte[] standIn = ok ? null : readBlob(in);
                    complete(taskId, ok, first, standIn);
                }
            } catch (IOException | RuntimeException endOrGarbage) {
                // The output ended, or a frame made no sense: either way this worker answers no more.
            }
            failUnfinished();
        }

        private static byte[] readBlob(DataInputStream in) throws IOException {
            return in.readNBytes(in.readInt());
        }

        @SuppressWarnings("unchecked")
        private void complete(int taskId, boolean ok, byte[] payload, byte[] standIn) {
            TaskResult<Object> result;
            synchronized (this) {
                result = (TaskResult<Object>) unfinished.remove(taskId);
            }
            if (result == null) {
                System.err.println("ignored a reply of worker pid " + pid() + " for task " + taskId
                        + ", which it was never given (did a task write to the worker's real stdout?)");
                return;
            }
            if (!ok) {
                result.fail(new TaskFailedException(pid(), decodeFailure(payload, standIn)));
                return;
            }
            try {
                result.succeed(SafeSerialization.fromBytes(payload, PoolWorker.ALLOWED));
            } catch (RuntimeException unreadable) {
                result.fail(new IllegalStateException("the result of the task in worker pid " + pid()
                        + " could not be read: " + unreadable.getMessage(), unreadable));
            }
        }

        /**
         * The original exception if it came through and this JVM accepts its class; else the stand-in. An empty
         * original (it could not be serialized) fails to read like a refused one.
         */
        private static Throwable decodeFailure(byte[] original, byte[] standIn) {
            try {
                return (Throwable) SafeSerialization.fromBytes(original, PoolWorker.ALLOWED);
            } catch (IllegalArgumentException | UncheckedIOException refused) {
                return (Throwable) SafeSerialization.fromBytes(standIn, PoolWorker.ALLOWED);
            }
        }

        /** The worker is gone: it takes no new tasks, and every task it still had fails with its exit status. */
        private void failUnfinished() {
            List<TaskResult<?>> orphans;
            synchronized (this) {
                gone = true;
                orphans = List.copyOf(unfinished.values());
            }
            int exitCode = stop();
            orphans.forEach(result -> result.fail(new WorkerDiedException(pid(), exitCode)));
        }

        /** Ends the worker's input, so it finishes and exits, and returns its exit status; kills it if it lingers. */
        int stop() {
            try {
                return ProcessTree.closeInputThenStop(process, EXIT_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ProcessTree.kill(process.toHandle());
                return process.exitValue();
            }
        }
    }
}
