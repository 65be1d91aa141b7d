package katas.exceptions;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import katas.kit.CapturedOutput;
import katas.kit.JavaProcess;
import katas.kit.ProcessTree;
import katas.kit.SafeSerialization;

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

    private static final long EXIT_WAIT_SECONDS = 5;

    private final List<Worker> workers = new ArrayList<>();
    private int nextTaskId;
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
    public synchronized <T, R> TaskResult<R> submit(Task<T, R> task, T argument,
                                                    Consumer<? super RuntimeException> onError) {
        if (closed) {
            throw new IllegalStateException("this pool is closed: its workers have exited; create a new pool");
        }
        byte[] job = SafeSerialization.toBytes(new PoolWorker.Job<>(task, argument));
        TaskResult<R> result = new TaskResult<>(onError);
        int taskId = nextTaskId++;
        Worker worker = leastBusyLiveWorker();
        while (!worker.accept(taskId, result)) { // it died just now: its replacement takes the task
            worker = leastBusyLiveWorker();
        }
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
        workers.forEach(Worker::endInput);
        workers.forEach(Worker::awaitExit);
    }

    /** One worker process, its pipes, and the tasks it has been given but not answered yet. */
    private static final class Worker {

        private final Process process;
        private final DataOutputStream requests;
        private final CapturedOutput stderr;
        private final Map<Integer, TaskResult<?>> unfinished = new HashMap<>();
        private boolean gone;

        Worker() {
            try {
                process = JavaProcess.of(PoolWorker.class).start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start a worker JVM", e);
            }
            requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            stderr = CapturedOutput.of(process.getErrorStream(), "stderr of pool worker " + process.pid());
            Thread reader = new Thread(this::readReplies, "replies of pool worker " + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        long pid() {
            return process.pid();
        }

        synchronized boolean isGone() {
            return gone;
        }

        synchronized int unfinished() {
            return unfinished.size();
        }

        /** Registers a task before it is sent, so that the worker's death fails it; false if the worker is gone. */
        synchronized boolean accept(int taskId, TaskResult<?> result) {
            if (gone) {
                return false;
            }
            unfinished.put(taskId, result);
            result.assignedTo(pid());
            return true;
        }

        void send(int taskId, byte[] job) {
            try {
                requests.writeInt(taskId);
                requests.writeInt(job.length);
                requests.write(job);
                requests.flush();
            } catch (IOException workerIsGone) {
                // The reader sees the end of the worker's output and fails this task with the exit status.
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
            } catch (IOException endOfOutput) {
                failUnfinished();
            }
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
            if (!ok) {
                result.fail(new TaskFailedException(pid(), decodeFailure(payload, standIn)));
                return;
            }
            try {
                result.succeed(SafeSerialization.fromBytes(payload, PoolWorker.ALLOWED));
            } catch (IllegalArgumentException | UncheckedIOException unreadable) {
                result.fail(unreadable instanceof IllegalArgumentException iae ? iae
                        : new IllegalArgumentException("unreadable result from worker pid " + pid(), unreadable));
            }
        }

        /** The original exception if it came through and this JVM accepts its class; else the stand-in. */
        private static Throwable decodeFailure(byte[] original, byte[] standIn) {
            if (original.length > 0) {
                try {
                    return (Throwable) SafeSerialization.fromBytes(original, PoolWorker.ALLOWED);
                } catch (IllegalArgumentException | UncheckedIOException refused) {
                    // The class is not on the allow-list or not on this classpath: the stand-in says what it was.
                }
            }
            return (Throwable) SafeSerialization.fromBytes(standIn, PoolWorker.ALLOWED);
        }

        private void failUnfinished() {
            int exitCode = exitCode();
            List<TaskResult<?>> orphans;
            synchronized (this) {
                gone = true;
                orphans = new ArrayList<>(unfinished.values());
                unfinished.clear();
            }
            orphans.forEach(result -> result.fail(new WorkerDiedException(pid(), exitCode)));
        }

        /** The exit status once the process has ended; its output has ended, so that is a matter of moments. */
        private int exitCode() {
            try {
                if (process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    return process.exitValue();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ProcessTree.kill(process.toHandle()); // it closed its output but lingers: no use to anyone
            return process.exitValue();
        }

        void endInput() {
            try {
                requests.close();
            } catch (IOException alreadyGone) {
                // The worker has exited already; awaitExit confirms it.
            }
        }

        void awaitExit() {
            try {
                if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    ProcessTree.kill(process.toHandle());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ProcessTree.kill(process.toHandle());
            }
        }
    }
}
