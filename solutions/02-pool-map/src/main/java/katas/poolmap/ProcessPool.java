package katas.poolmap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import katas.process.CapturedOutput;
import katas.process.ExitCodes;
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
 */
public final class ProcessPool implements AutoCloseable {

    /** Python's heuristic: about four chunks per worker balances load without a round trip per item. */
    private static final int CHUNKS_PER_WORKER = 4;
    private static final Duration EXIT_WAIT = Duration.ofSeconds(2);

    private final List<Worker> workers = new ArrayList<>();
    /** Every worker's reader thread puts what it reads here; only the thread calling map() takes from it. */
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private boolean closed;
    private String broken;
    /** The map whose results are still being handed out (an imap's open iterator): its replies are in the queue. */
    private Run<?> open;

    /**
     * Starts {@code size} worker JVMs at once, and returns when every one of them is ready for work; they are
     * reused by every call of {@link #map}.
     *
     * @throws IllegalArgumentException if {@code size} is less than 1
     * @throws IllegalStateException    if a worker exits before it is ready
     */
    public ProcessPool(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker process, not " + size);
        }
        try {
            for (int i = 0; i < size; i++) {
                workers.add(new Worker(JavaProcess.of(PoolWorker.class).start(), replies));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("could not start a worker JVM", e);
        }
        awaitReady();
    }

    /**
     * Takes every worker's first reply, {@link PoolWorker#READY}. A JVM takes tens of milliseconds to start, and
     * the CPU it needs meanwhile is better spent before the first map than during it; and a worker that cannot
     * start fails the pool here, with its stderr, instead of the first map.
     */
    private void awaitReady() {
        try {
            for (int i = 0; i < workers.size(); i++) {
                Reply reply = nextReply();
                if (reply.workerDied()) {
                    throw new IllegalStateException("worker " + reply.worker().deathNote() + " before it was ready. "
                            + "Its stderr:\n" + reply.worker().stderr.text());
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
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
    public synchronized <T, R> List<R> map(Task<T, R> task, List<T> items) {
        try (Run<R> run = start(task, items)) {
            List<R> results = new ArrayList<>(items.size());
            run.forEachRemaining(results::add);
            return results;
        }
    }

    /**
     * Calls {@code task} with the two arguments of every pair in the worker processes, and returns the results in
     * the order of the pairs: Python's {@code starmap}.
     */
    public <A, B, R> List<R> starMap(BiTask<A, B, R> task, List<Pair<A, B>> pairs) {
        return map(pair -> task.apply(pair.first(), pair.second()), pairs);
    }

    /**
     * Like {@link #map}, but returns at once: the iterator hands out each result, in the order of the items, as
     * soon as it has arrived. Read it to the end or close it before the next map.
     */
    public synchronized <T, R> ResultIterator<R> imap(Task<T, R> task, List<T> items) {
        return start(task, items);
    }

    private <T, R> Run<R> start(Task<T, R> task, List<T> items) {
        if (closed) {
            throw new IllegalStateException("this pool is closed: its workers have exited; create a new pool");
        }
        if (broken != null) {
            throw new IllegalStateException("this pool is broken (" + broken + "): close it and create a new one");
        }
        if (open != null) {
            throw new IllegalStateException("the results of an imap of this pool are still on their way: read "
                    + "its iterator to the end or close it before the next map");
        }
        int chunkSize = Math.max(1, (int) Math.ceil(items.size() / (double) (workers.size() * CHUNKS_PER_WORKER)));
        Run<R> run = new Run<>(SafeSerialization.toBytes(task), split(items, chunkSize), chunkSize, items.size());
        open = run;
        run.sendTheFirstChunks();
        return run;
    }

    /** Encodes every chunk before anything is sent, so a bad item fails here and leaves the pool untouched. */
    private static <T> Deque<Chunk> split(List<T> items, int size) {
        Deque<Chunk> chunks = new ArrayDeque<>();
        for (int from = 0; from < items.size(); from += size) {
            int to = Math.min(items.size(), from + size);
            chunks.add(new Chunk(chunks.size(), from, to, PoolWorker.Values.encode(items.subList(from, to))));
        }
        return chunks;
    }

    private Reply nextReply() {
        try {
            return replies.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the workers", e);
        }
    }

    /** The process ids of the workers, in the order they were started; they stay the same for the pool's life. */
    public List<Long> workerPids() {
        return workers.stream().map(Worker::pid).toList();
    }

    /**
     * Stops the workers (their input ends, so they finish and exit) and waits until they have exited.
     * Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        workers.forEach(Worker::stop);
    }

    /**
     * One map on its way: every worker gets a chunk, then the next chunk whenever it replies, and the results are
     * handed out in the items' order as their chunks come back. Once a task has failed no new chunk is sent, but
     * the chunks in flight are still collected, so that none of their replies is left for the next map.
     */
    private final class Run<R> implements ResultIterator<R> {

        /** The task, serialized once: every chunk carries it, so that a worker needs no memory of earlier chunks. */
        private final byte[] task;
        private final Deque<Chunk> pending;
        private final Map<Integer, Chunk> inFlight = new HashMap<>();
        private final int chunkSize;
        private final Object[] results;
        private final boolean[] arrived;
        private int next;
        private int failedChunk = Integer.MAX_VALUE;
        private String taskFailure;
        private boolean finished;

        Run(byte[] task, Deque<Chunk> chunks, int chunkSize, int items) {
            this.task = task;
            this.pending = chunks;
            this.chunkSize = chunkSize;
            this.results = new Object[items];
            this.arrived = new boolean[chunks.size()];
        }

        void sendTheFirstChunks() {
            try {
                for (Worker worker : workers) {
                    sendNext(worker);
                }
            } catch (RuntimeException e) {
                throw broke(e);
            }
            if (results.length == 0) {
                finish();
            }
        }

        @Override
        public boolean hasNext() {
            synchronized (ProcessPool.this) {
                return !finished; // finished once every result is handed out, the map failed, or it was closed
            }
        }

        @Override
        public R next() {
            synchronized (ProcessPool.this) {
                if (!hasNext()) {
                    throw new NoSuchElementException("every result of this map has been handed out");
                }
                int chunk = next / chunkSize;
                while (!arrived[chunk] && chunk < failedChunk) {
                    takeOneReply();
                }
                if (!arrived[chunk]) {
                    close();
                    throw new RuntimeException(taskFailure);
                }
                @SuppressWarnings("unchecked")
                R result = (R) results[next];
                results[next++] = null; // handed out: an imap over many items need not hold on to it
                if (next == results.length) {
                    finish();
                }
                return result;
            }
        }

        @Override
        public void close() {
            synchronized (ProcessPool.this) {
                if (finished) {
                    return;
                }
                pending.clear();
                while (!inFlight.isEmpty()) {
                    takeOneReply();
                }
                finish();
            }
        }

        /** One reply from whichever worker answers first: its results go to their slots, it gets the next chunk. */
        private void takeOneReply() {
            try {
                Reply reply = nextReply();
                if (reply.workerDied()) {
                    throw new IllegalStateException("worker " + reply.worker().deathNote() + " while working on "
                            + "this map; the pool cannot finish it. Worker's stderr:\n" + reply.worker().stderr.text());
                }
                Chunk chunk = inFlight.remove(reply.chunkId());
                if (reply.ok()) {
                    sendNext(reply.worker()); // first, so that the worker computes while this reply is decoded
                    Object[] values = PoolWorker.Values.decode(reply.payload()).toArray();
                    System.arraycopy(values, 0, results, chunk.from(), values.length);
                    arrived[chunk.id()] = true;
                } else if (chunk.id() < failedChunk) {
                    failedChunk = chunk.id();
                    taskFailure = "the task failed in worker pid " + reply.worker().pid() + " on one of the items "
                            + "from index " + chunk.from() + " (inclusive) to " + chunk.to() + " (exclusive); the "
                            + "worker's stack trace:\n" + new String(reply.payload(), StandardCharsets.UTF_8);
                    pending.clear(); // no new chunk for anyone: the map fails once the chunks sent are back
                }
            } catch (RuntimeException e) {
                throw broke(e);
            }
        }

        /** Replies of chunks still in flight may be queued, and the next map would take them for its own. */
        private RuntimeException broke(RuntimeException e) {
            broken = e.getMessage();
            finish();
            return e;
        }

        private void sendNext(Worker worker) {
            Chunk chunk = pending.poll();
            if (chunk == null) {
                return;
            }
            try {
                worker.send(task, chunk);
            } catch (IOException e) {
                throw new IllegalStateException("could not send work to worker " + worker.deathNote(), e);
            }
            inFlight.put(chunk.id(), chunk);
        }

        private void finish() {
            finished = true;
            if (open == this) {
                open = null;
            }
        }
    }

    /** A chunk of items, encoded and ready to send; {@code from} and {@code to} say where its results go. */
    private record Chunk(int id, int from, int to, byte[] payload) {
    }

    /** What a reader thread read from a worker: a reply, or (workerDied) the end of its output. */
    private record Reply(Worker worker, int chunkId, boolean ok, byte[] payload, boolean workerDied) {
    }

    /** One worker process and the pipes to it. */
    private static final class Worker {

        private final Process process;
        private final DataOutputStream requests;
        private final CapturedOutput stderr;

        Worker(Process process, BlockingQueue<Reply> replies) {
            this.process = process;
            this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
            this.stderr = CapturedOutput.of(process.getErrorStream(), "stderr of pool worker " + process.pid());
            Thread reader = new Thread(() -> readReplies(replies), "replies of pool worker " + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        long pid() {
            return process.pid();
        }

        void send(byte[] task, Chunk chunk) throws IOException {
            requests.writeInt(chunk.id());
            requests.writeInt(task.length);
            requests.write(task);
            requests.writeInt(chunk.payload().length);
            requests.write(chunk.payload());
            requests.flush();
        }

        /** Only reads frames off the pipe; decoding them is the caller's work. */
        private void readReplies(BlockingQueue<Reply> replies) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16))) {
                while (true) {
                    int chunkId = in.readInt();
                    boolean ok = in.readBoolean();
                    byte[] payload = in.readNBytes(in.readInt());
                    replies.add(new Reply(this, chunkId, ok, payload, false));
                }
            } catch (IOException | RuntimeException endOrGarbage) {
                // The output ended, or a frame made no sense (a negative length): no more replies from this worker.
            }
            replies.add(new Reply(this, -1, false, null, true));
        }

        /** Why this worker is gone, for error messages; waits a moment for the exit code. */
        String deathNote() {
            try {
                process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return process.isAlive() ? "pid " + pid() + " stopped answering"
                    : "pid " + pid() + " died with exit code " + process.exitValue()
                            + ExitCodes.explain(process.exitValue());
        }

        void stop() {
            try {
                ProcessTree.closeInputThenStop(process, EXIT_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ProcessTree.kill(process.toHandle());
            }
        }
    }
}
