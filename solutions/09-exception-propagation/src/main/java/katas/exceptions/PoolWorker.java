package katas.exceptions;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.Serializable;
import katas.process.Lifeline;
import katas.process.SafeSerialization;

/**
 * The program each worker process of a {@link WorkerPool} runs: it serves jobs until its standard input ends.
 * Given: you do not need to change it. What it sends for a job is yours: {@link WorkerSide#replyTo}.
 *
 * <p>Wire format, framed with {@link DataOutputStream}:
 * <ul>
 *   <li>request (stdin): {@code int taskId, int length, bytes} of a serialized {@link Job};</li>
 *   <li>reply (stdout): {@code int taskId}, then the {@link Reply} ({@link Reply#writeTo}).</li>
 * </ul>
 */
public final class PoolWorker {

    /** What crosses the pipes in either direction: JDK values, serialized lambdas and this kata's classes. */
    static final ObjectInputFilter ALLOWED = SafeSerialization.allowList("katas.exceptions.**");

    private PoolWorker() {
    }

    /** One task and its argument. */
    record Job<T, R>(Task<T, R> task, T argument) implements Serializable {

        /** Runs the task on its argument, here in the worker. */
        R run() {
            return task.apply(argument);
        }
    }

    public static void main(String[] args) throws IOException {
        // The end of its stdin tells it the pool was closed, but only between tasks: a task that runs long (or for
        // ever) would outlive a pool JVM that was killed (a mutation-testing minion on a time-out, say). This ends
        // the worker as soon as the JVM that owns the pool is gone.
        Lifeline.holdOn();
        DataInputStream requests = new DataInputStream(new BufferedInputStream(System.in));
        DataOutputStream replies = new DataOutputStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        // stdout now belongs to the replies: a task's println must not land in the middle of one.
        System.setOut(System.err);
        while (true) {
            int taskId;
            try {
                taskId = requests.readInt();
            } catch (EOFException poolClosedOurStdin) {
                return;
            }
            Job<?, ?> job = (Job<?, ?>) SafeSerialization.fromBytes(requests.readNBytes(requests.readInt()), ALLOWED);
            Reply reply = WorkerSide.replyTo(job); // yours
            replies.writeInt(taskId);
            reply.writeTo(replies);
            replies.flush();
        }
    }
}
