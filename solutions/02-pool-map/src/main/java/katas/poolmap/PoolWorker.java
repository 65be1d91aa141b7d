package katas.poolmap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import katas.process.Lifeline;
import katas.process.SafeSerialization;

/**
 * The program each worker process of a {@link ProcessPool} runs. It serves chunks until its standard input ends.
 *
 * <p>Wire format, both directions framed with {@link DataOutputStream}:
 * <ul>
 *   <li>request (pool to worker, on the worker's stdin): {@code int chunkId, int length, length bytes} holding a
 *       serialized {@link Chunk};</li>
 *   <li>reply (worker to pool, on the worker's stdout): {@code int chunkId, boolean ok, int length, length bytes}
 *       holding the serialized list of results if ok, else the UTF-8 text of the task's stack trace.</li>
 * </ul>
 */
public final class PoolWorker {

    /** What either side accepts from the other: JDK values, serialized lambdas and this kata's own classes. */
    static final ObjectInputFilter ALLOWED = SafeSerialization.allowList("katas.poolmap.**");

    private PoolWorker() {
    }

    /** A chunk of items and the function to apply to each of them. */
    record Chunk<T, R>(Task<T, R> task, List<T> items) implements Serializable {
    }

    public static void main(String[] args) throws IOException {
        // The end of its stdin tells it the pool was closed, but only between tasks: a task that runs long (or for
        // ever) would outlive a pool JVM that was killed (a mutation-testing minion on a time-out, say). This ends
        // the worker as soon as the JVM that owns the pool is gone.
        Lifeline.holdOn();
        DataInputStream requests = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        DataOutputStream replies = new DataOutputStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        // stdout now belongs to the protocol: a task's println must not land in the middle of a reply.
        System.setOut(System.err);
        while (true) {
            int chunkId;
            try {
                chunkId = requests.readInt();
            } catch (EOFException poolClosedOurStdin) {
                return;
            }
            byte[] request = requests.readNBytes(requests.readInt());
            boolean ok = true;
            byte[] reply;
            try {
                reply = SafeSerialization.toBytes(run((Chunk<?, ?>) SafeSerialization.fromBytes(request, ALLOWED)));
            } catch (RuntimeException | Error failure) {
                ok = false;
                reply = stackTrace(failure).getBytes(StandardCharsets.UTF_8);
            }
            replies.writeInt(chunkId);
            replies.writeBoolean(ok);
            replies.writeInt(reply.length);
            replies.write(reply);
            replies.flush();
        }
    }

    private static <T, R> ArrayList<R> run(Chunk<T, R> chunk) {
        ArrayList<R> results = new ArrayList<>(chunk.items().size());
        for (T item : chunk.items()) {
            results.add(chunk.task().apply(item));
        }
        return results;
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
