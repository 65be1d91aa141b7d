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
import katas.kit.SafeSerialization;

/**
 * The program each worker process of a {@link ProcessPool} runs. It serves batches until its standard input ends.
 *
 * <p>Wire format, both directions framed with {@link DataOutputStream}:
 * <ul>
 *   <li>request (pool to worker, on the worker's stdin): {@code int batchId, int length, length bytes} holding a
 *       serialized {@link Batch};</li>
 *   <li>reply (worker to pool, on the worker's stdout): {@code int batchId, boolean ok, int length, length bytes}
 *       holding the serialized list of results if ok, else the UTF-8 text of the task's stack trace.</li>
 * </ul>
 */
public final class PoolWorker {

    /** What a worker accepts from the pool: JDK values, serialized lambdas and this kata's own classes. */
    static final ObjectInputFilter ALLOWED = SafeSerialization.allowList("katas.poolmap.**");

    private PoolWorker() {
    }

    /** A chunk of items and the function to apply to each of them. */
    record Batch<T, R>(Task<T, R> task, List<T> items) implements Serializable {
    }

    public static void main(String[] args) throws IOException {
        DataInputStream requests = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        DataOutputStream replies = new DataOutputStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        // stdout now belongs to the protocol: a task's println must not land in the middle of a reply.
        System.setOut(System.err);
        while (true) {
            int batchId;
            try {
                batchId = requests.readInt();
            } catch (EOFException poolClosedOurStdin) {
                return;
            }
            byte[] request = requests.readNBytes(requests.readInt());
            boolean ok = true;
            byte[] reply;
            try {
                reply = SafeSerialization.toBytes(run((Batch<?, ?>) SafeSerialization.fromBytes(request, ALLOWED)));
            } catch (RuntimeException | Error failure) {
                ok = false;
                reply = stackTrace(failure).getBytes(StandardCharsets.UTF_8);
            }
            replies.writeInt(batchId);
            replies.writeBoolean(ok);
            replies.writeInt(reply.length);
            replies.write(reply);
            replies.flush();
        }
    }

    private static <T, R> ArrayList<R> run(Batch<T, R> batch) {
        ArrayList<R> results = new ArrayList<>(batch.items().size());
        for (T item : batch.items()) {
            results.add(batch.task().apply(item));
        }
        return results;
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
