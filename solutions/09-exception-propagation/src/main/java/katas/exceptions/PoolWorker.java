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
 *
 * <p>Wire format, framed with {@link DataOutputStream}; a blob is {@code int length, length bytes}:
 * <ul>
 *   <li>request (stdin): {@code int taskId, blob} holding a serialized {@link Job};</li>
 *   <li>reply (stdout): {@code int taskId, true, blob} with the serialized result, or {@code int taskId, false,
 *       blob, blob}: the serialized exception (empty if it cannot be serialized) and a serialized
 *       {@link StandInException} for it, which can always be read.</li>
 * </ul>
 */
public final class PoolWorker {

    /** What crosses the pipes in either direction: JDK values, serialized lambdas and this kata's classes. */
    static final ObjectInputFilter ALLOWED = SafeSerialization.allowList("katas.exceptions.**");

    private PoolWorker() {
    }

    /** One task and its argument. */
    record Job<T, R>(Task<T, R> task, T argument) implements Serializable {

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
        // stdout now belongs to the protocol: a task's println must not land in the middle of a reply.
        System.setOut(System.err);
        while (true) {
            int taskId;
            try {
                taskId = requests.readInt();
            } catch (EOFException poolClosedOurStdin) {
                return;
            }
            byte[] request = requests.readNBytes(requests.readInt());
            replies.writeInt(taskId);
            try {
                byte[] result = SafeSerialization.toBytes(
                        ((Job<?, ?>) SafeSerialization.fromBytes(request, ALLOWED)).run());
                replies.writeBoolean(true);
                writeBlob(replies, result);
            } catch (RuntimeException | Error failure) {
                replies.writeBoolean(false);
                writeBlob(replies, serializedOrEmpty(failure));
                writeBlob(replies, SafeSerialization.toBytes(StandInException.of(failure)));
            }
            replies.flush();
        }
    }

    private static byte[] serializedOrEmpty(Throwable failure) {
        try {
            return SafeSerialization.toBytes(failure);
        } catch (IllegalArgumentException notSerializable) {
            return new byte[0];
        }
    }

    private static void writeBlob(DataOutputStream out, byte[] blob) throws IOException {
        out.writeInt(blob.length);
        out.write(blob);
    }
}
