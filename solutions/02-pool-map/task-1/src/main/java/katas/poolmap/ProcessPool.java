package katas.poolmap;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import katas.process.JavaProcess;
import katas.process.ProcessTree;
import katas.process.SafeSerialization;

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

    private final List<Process> workers = new ArrayList<>();

    /**
     * Starts {@code size} worker JVMs at once; they are reused by every call of {@link #map}.
     *
     * @throws IllegalArgumentException if {@code size} is less than 1
     */
    public ProcessPool(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker process, not " + size);
        }
        try {
            for (int i = 0; i < size; i++) {
                workers.add(JavaProcess.of(PoolWorker.class).start());
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("could not start a worker JVM", e);
        }
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
        if (items.isEmpty()) {
            return new ArrayList<>(); // nothing to send, nothing to wait for
        }
        byte[] request = SafeSerialization.toBytes(new PoolWorker.Chunk<>(task, new ArrayList<>(items)));
        Process worker = workers.get(0);
        try {
            DataOutputStream toWorker = new DataOutputStream(worker.getOutputStream());
            toWorker.writeInt(0);
            toWorker.writeInt(request.length);
            toWorker.write(request);
            toWorker.flush();
            DataInputStream fromWorker = new DataInputStream(worker.getInputStream());
            fromWorker.readInt(); // the chunk id: there is only chunk 0 for now
            fromWorker.readBoolean(); // ok: always true for now
            byte[] reply = fromWorker.readNBytes(fromWorker.readInt());
            @SuppressWarnings("unchecked")
            List<R> results = (List<R>) SafeSerialization.fromBytes(reply, PoolWorker.ALLOWED);
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("could not talk to worker pid " + worker.pid(), e);
        }
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
        return workers.stream().map(Process::pid).toList();
    }

    /**
     * Stops the workers (their input ends, so they finish and exit) and waits until they have exited.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        for (Process worker : workers) {
            try {
                ProcessTree.closeInputThenStop(worker, Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ProcessTree.kill(worker.toHandle());
            }
        }
    }
}
