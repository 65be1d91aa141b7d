package katas.poolmap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import katas.process.SafeSerialization;

/**
 * The program each worker process of a {@link ProcessPool} runs: a loop that reads a request from its standard
 * input, applies the task, writes the reply to its standard output, and exits when its input ends.
 *
 * <p>Suggested wire format, framed with {@link java.io.DataOutputStream} / {@link java.io.DataInputStream}:
 * a request is {@code int chunkId, int length, bytes} (a serialized task plus a chunk of items), a reply is
 * {@code int chunkId, boolean ok, int length, bytes} (the results, or the text of the task's exception).
 * {@code katas.process.SafeSerialization} turns objects into bytes and back, through an allow-list.
 *
 * <p>Keep {@code main} thin: the pool (in the parent JVM) does the bookkeeping.
 */
public final class PoolWorker {

    /** What the pool and the worker accept from each other: JDK values, lambdas and this kata's classes. */
    static final ObjectInputFilter ALLOWED = SafeSerialization.allowList("katas.poolmap.**");

    private PoolWorker() {
    }

    /** The task and the items to apply it to: what a request carries. */
    record Chunk<T, R>(Task<T, R> task, List<T> items) implements Serializable {
    }

    public static void main(String[] args) throws Exception {
        DataInputStream requests = new DataInputStream(new BufferedInputStream(System.in));
        DataOutputStream replies = new DataOutputStream(new BufferedOutputStream(System.out));
        while (true) {
            int chunkId;
            try {
                chunkId = requests.readInt();
            } catch (EOFException poolClosedMyInput) {
                return;
            }
            byte[] request = requests.readNBytes(requests.readInt());
            Chunk<?, ?> chunk = (Chunk<?, ?>) SafeSerialization.fromBytes(request, ALLOWED);
            byte[] reply = SafeSerialization.toBytes(run(chunk));
            replies.writeInt(chunkId);
            replies.writeBoolean(true);
            replies.writeInt(reply.length);
            replies.write(reply);
            replies.flush();
        }
    }

    private static <T, R> ArrayList<R> run(Chunk<T, R> chunk) {
        ArrayList<R> results = new ArrayList<>();
        for (T item : chunk.items()) {
            results.add(chunk.task().apply(item));
        }
        return results;
    }
}
