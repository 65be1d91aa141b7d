package katas.poolmap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
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
 *   <li>request (pool to worker, on the worker's stdin): {@code int chunkId}, then {@code int length, length
 *       bytes} holding the serialized {@link Task}, then {@code int length, length bytes} holding the chunk's
 *       items as {@link Values};</li>
 *   <li>reply (worker to pool, on the worker's stdout): {@code int chunkId, boolean ok, int length, length bytes}
 *       holding the results as {@link Values} if ok, else the UTF-8 text of the task's stack trace. The worker's
 *       first reply, as soon as it has started, is {@link #READY} with no bytes.</li>
 * </ul>
 */
public final class PoolWorker {

    /** What either side accepts from the other: JDK values, serialized lambdas and this kata's own classes. */
    static final ObjectInputFilter ALLOWED = SafeSerialization.allowList("katas.poolmap.**");
    /** The chunk id of the reply that says the worker has started and waits for work. */
    static final int READY = -1;

    private PoolWorker() {
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
        // A fresh JVM's first deserialized lambda sets up the object streams and the method-handle machinery that
        // rebuilds it, 10 to 15 ms. Done here, before the worker says it is ready, the first chunk of the first map
        // does not wait for it.
        SafeSerialization.fromBytes(SafeSerialization.toBytes((Task<Integer, Integer>) x -> x), ALLOWED);
        send(replies, READY, true, new byte[0]);
        while (true) {
            int chunkId;
            try {
                chunkId = requests.readInt();
            } catch (EOFException poolClosedOurStdin) {
                return;
            }
            byte[] task = requests.readNBytes(requests.readInt());
            byte[] items = requests.readNBytes(requests.readInt());
            boolean ok = true;
            byte[] reply;
            try {
                Task<?, ?> deserialized = (Task<?, ?>) SafeSerialization.fromBytes(task, ALLOWED);
                reply = Values.encode(run(deserialized, Values.decode(items)));
            } catch (RuntimeException | Error failure) {
                ok = false;
                reply = stackTrace(failure).getBytes(StandardCharsets.UTF_8);
            }
            send(replies, chunkId, ok, reply);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T, R> List<R> run(Task<T, R> task, List<?> items) {
        List<R> results = new ArrayList<>(items.size());
        for (Object item : items) {
            results.add(task.apply((T) item));
        }
        return results;
    }

    private static void send(DataOutputStream replies, int chunkId, boolean ok, byte[] bytes) throws IOException {
        replies.writeInt(chunkId);
        replies.writeBoolean(ok);
        replies.writeInt(bytes.length);
        replies.write(bytes);
        replies.flush();
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /**
     * A chunk's items, or its results, as bytes. A map over numbers is common, and Java serialization is slow for
     * them: it writes every boxed number as an object of its own (ten bytes, and an entry in the stream's table of
     * handles), and a fresh JVM spends milliseconds on its first use of it. So a list of nothing but Integers, or
     * nothing but Longs, travels as bare ints or longs; any other list is serialized, and read back through the
     * allow-list.
     */
    static final class Values {

        private static final byte INTEGERS = 'I';
        private static final byte LONGS = 'L';
        private static final byte SERIALIZED = 'S';

        private Values() {
        }

        /** @throws IllegalArgumentException if a value cannot be serialized */
        static byte[] encode(List<?> values) {
            if (allOf(values, Integer.class)) {
                ByteBuffer bytes = ByteBuffer.allocate(1 + Integer.BYTES * values.size()).put(INTEGERS);
                for (Object value : values) {
                    bytes.putInt((Integer) value);
                }
                return bytes.array();
            }
            if (allOf(values, Long.class)) {
                ByteBuffer bytes = ByteBuffer.allocate(1 + Long.BYTES * values.size()).put(LONGS);
                for (Object value : values) {
                    bytes.putLong((Long) value);
                }
                return bytes.array();
            }
            byte[] serialized = SafeSerialization.toBytes(new ArrayList<>(values)); // a List.of may not serialize
            return ByteBuffer.allocate(1 + serialized.length).put(SERIALIZED).put(serialized).array();
        }

        /** @throws IllegalArgumentException if the bytes hold an object of a class the allow-list refuses */
        static List<?> decode(byte[] encoded) {
            ByteBuffer bytes = ByteBuffer.wrap(encoded);
            byte kind = bytes.get();
            if (kind == SERIALIZED) {
                return (List<?>) SafeSerialization.read(new ByteArrayInputStream(encoded, 1, encoded.length - 1),
                        ALLOWED);
            }
            List<Object> values = new ArrayList<>();
            while (bytes.hasRemaining()) {
                values.add(kind == INTEGERS ? (Object) bytes.getInt() : (Object) bytes.getLong());
            }
            return values;
        }

        private static boolean allOf(List<?> values, Class<?> type) {
            for (Object value : values) {
                if (!type.isInstance(value)) {
                    return false;
                }
            }
            return true;
        }
    }
}
