package katas.exceptions;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import katas.process.CapturedOutput;
import katas.process.JavaProcess;
import katas.process.ProcessTree;

/**
 * One worker process of a {@link WorkerPool}: its pipes, the thread that reads its replies, and the tasks it has
 * been given but not answered yet. Given: you do not need to change it; {@link WorkerDeaths} uses
 * {@link #retire()}, {@link #stop()}, {@link #pid()}, {@link #isGone()} and {@link #start()}.
 */
final class Worker {

    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);
    private static final int STDERR_LINES_SHOWN = 8;

    private final Process process;
    /** Guarded by itself: one job is written at a time, whole. */
    private final DataOutputStream requests;
    private final CapturedOutput stderr;
    private final Map<Integer, TaskResult<?>> unfinished = new HashMap<>();
    private boolean gone;

    private Worker(Process process) {
        this.process = process;
        requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        // Drained, so that a task that prints a lot can never block on a full pipe.
        stderr = CapturedOutput.of(process.getErrorStream(), "stderr of pool worker " + process.pid());
        Thread reader = new Thread(this::readReplies, "replies of pool worker " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a worker JVM that runs {@link PoolWorker}, and the thread that reads its replies. */
    static Worker start() {
        try {
            return new Worker(JavaProcess.of(PoolWorker.class).start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a worker JVM", e);
        }
    }

    /** The worker's process id. */
    long pid() {
        return process.pid();
    }

    /** Gone once it has been retired, or as soon as its process has ended (even if its reader has not noticed). */
    synchronized boolean isGone() {
        return gone || !process.isAlive();
    }

    /** How many tasks it has been given and not answered. */
    synchronized int unfinished() {
        return unfinished.size();
    }

    /**
     * The worker takes no task any more: returns, all at once, the tasks it had been given and not answered. In
     * the same step as marking it gone, so that no task slips in between (see {@link #accept}).
     */
    synchronized List<TaskResult<?>> retire() {
        gone = true;
        List<TaskResult<?>> orphans = List.copyOf(unfinished.values());
        unfinished.clear();
        return orphans;
    }

    /**
     * Ends the worker's input, so that it finishes the task it runs and exits; waits up to 5 s, kills it if it is
     * still running then, and returns its exit status: its {@code System.exit} code, or 128 + the signal that
     * ended it (137 after {@code kill -9}).
     */
    int stop() {
        try {
            return ProcessTree.closeInputThenStop(process, EXIT_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessTree.kill(process.toHandle());
            return process.exitValue();
        }
    }

    /** Registers a task before it is sent, so that the worker's death fails it; false if the worker is gone. */
    synchronized boolean accept(int taskId, TaskResult<?> result) {
        if (isGone()) {
            return false;
        }
        unfinished.put(taskId, result);
        return true;
    }

    /** Writes a job to the worker's stdin; if the worker is gone, its reader fails the task instead. */
    void send(int taskId, byte[] job) {
        synchronized (requests) {
            try {
                requests.writeInt(taskId);
                requests.writeInt(job.length);
                requests.write(job);
                requests.flush();
            } catch (IOException workerIsGone) {
                // The reader sees the end of the worker's output, and WorkerDeaths fails this task.
            }
        }
    }

    private void readReplies() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream()))) {
            while (true) {
                int taskId = in.readInt();
                complete(taskId, Reply.readFrom(in));
            }
        } catch (IOException | RuntimeException endOrGarbage) {
            // The output ended, a frame made no sense, or completing a task threw: this worker answers no more.
        }
        outputEnded();
    }

    @SuppressWarnings("unchecked")
    private void complete(int taskId, Reply reply) {
        TaskResult<Object> result;
        synchronized (this) {
            result = (TaskResult<Object>) unfinished.remove(taskId);
        }
        if (result == null) {
            System.err.println("ignored a reply of worker pid " + pid() + " for task " + taskId
                    + ", which it was never given (did a task write to the worker's real stdout?)");
            return;
        }
        Object value;
        try {
            value = ParentSide.outcome(reply, pid());
        } catch (RuntimeException failure) { // what get() is to throw: yours, or a class the allow-list refused
            result.fail(failure);
            return;
        }
        result.succeed(value);
    }

    private void outputEnded() {
        try {
            WorkerDeaths.outputEnded(this);
        } catch (RuntimeException | Error deathNotHandled) {
            failWhatIsLeft(deathNotHandled);
        }
    }

    /**
     * Not the lesson, a safety net: while {@link WorkerDeaths#outputEnded} is not written (or throws), the tasks
     * of a worker whose output ended fail with this explanation, instead of leaving their callers waiting.
     */
    private void failWhatIsLeft(Throwable deathNotHandled) {
        List<TaskResult<?>> orphans = retire();
        int exitCode = stop();
        RuntimeException explanation = new IllegalStateException("worker pid " + pid() + " stopped answering: its "
                + "output ended, it exited with status " + exitCode + ", and its stderr ends with:\n" + stderrTail()
                + "\n(This IllegalStateException stands in for the WorkerDiedException of task 5, because "
                + "WorkerDeaths.outputEnded threw " + deathNotHandled + ")", deathNotHandled);
        for (TaskResult<?> orphan : orphans) {
            try {
                orphan.fail(explanation);
            } catch (RuntimeException | Error callbackTrouble) {
                // The task is failed already; what its error callback did is not this net's business.
            }
        }
    }

    private String stderrTail() {
        try {
            stderr.awaitEnd(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UncheckedIOException unreadable) {
            // show the lines read so far
        }
        List<String> lines = stderr.lines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - STDERR_LINES_SHOWN), lines.size()));
    }
}
