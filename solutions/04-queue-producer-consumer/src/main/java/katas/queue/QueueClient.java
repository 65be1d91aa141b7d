package katas.queue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;
import katas.process.SafeSerialization;

/**
 * One process's connection to a {@link ProcessQueue}, which may live in another process.
 *
 * <pre>{@code
 * try (QueueClient queue = QueueClient.connect(args[0])) {
 *     queue.put(42);
 *     Object item = queue.get();                                 // waits until there is an item
 *     Optional<Object> maybe = queue.get(Duration.ofSeconds(1));  // empty if none came within a second
 * }   // close() returns once the owner holds every item put here
 * }</pre>
 *
 * <p>Fast by design: {@code put} hands its item to a feeder thread, which sends whatever has piled up in one write (as
 * Python's queue does), and a consumer that gets through its items fast takes up to {@value #MOST} of those waiting
 * in one round trip. Integers, Strings and the sentinel travel in a few bytes of their own; anything else is
 * Java-serialized, and read back through an allow-list: JDK value types and collections, and this package's classes.
 */
public final class QueueClient implements AutoCloseable {

    /** The most items one get takes from the owner: only items already waiting come along. */
    private static final int MOST = 64;

    /** A consumer that uses up a batch within this time is fast enough for taking more at once to pay. */
    private static final long FAST_NANOS = 1_000_000;

    private final String address;
    private final SocketChannel channel;
    private final DataInputStream in;
    private final Feeder feeder;
    private final Thread finishAtExit;
    private final Deque<byte[]> fetched = new ArrayDeque<>();
    private int batch = 1;
    private long fetchedAt; // when the last batch arrived
    private boolean unconfirmed;
    private boolean closed;

    private QueueClient(String address, SocketChannel channel) {
        this.address = address;
        this.channel = channel;
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
        this.feeder = Feeder.start(channel, "queue feeder to " + address);
        // A JVM that exits without closing this client still sends what its feeder holds (one that halts does not).
        finishAtExit = new Thread(feeder::finish, "queue feeder at exit to " + address);
        Runtime.getRuntime().addShutdownHook(finishAtExit);
    }

    /**
     * Connects to the queue at {@code address} (from {@link ProcessQueue#address()}).
     *
     * @throws IllegalStateException if no queue is being served there
     */
    public static QueueClient connect(String address) {
        try {
            return new QueueClient(address, SocketChannel.open(UnixDomainSocketAddress.of(address)));
        } catch (IOException e) {
            throw new IllegalStateException("no queue is served at " + address + ": is its owner still running?", e);
        }
    }

    /**
     * Adds {@code item} at the tail of the queue. It returns at once: the feeder thread sends the item, and
     * {@link #close()} waits until the owner holds it.
     *
     * @throws IllegalArgumentException if the item is null or cannot be serialized; nothing is sent then
     * @throws IllegalStateException    if this client was closed or the queue is gone
     */
    public synchronized void put(Object item) {
        requireOpen("put");
        if (item == null) {
            throw new IllegalArgumentException("null is not an item: to say 'no more items', put Sentinel.NO_MORE_ITEMS");
        }
        byte[] bytes = Items.encode(item);
        send(out -> {
            out.writeByte(Wire.PUT);
            writeFrame(out, bytes);
        });
        unconfirmed = true;
    }

    /**
     * Takes the item at the head of the queue, waiting as long as it takes for one to arrive.
     *
     * @throws IllegalStateException if this client was closed or the queue is gone
     */
    public synchronized Object get() {
        return take(Wire.WAIT_FOREVER).orElseThrow();
    }

    /**
     * Takes the item at the head of the queue, waiting at most {@code timeout} for one to arrive.
     *
     * @return the item, or {@link Optional#empty()} if the queue stayed empty for the whole timeout
     * @throws IllegalStateException if this client was closed or the queue is gone
     */
    public synchronized Optional<Object> get(Duration timeout) {
        return take(Math.max(0, timeout.toMillis()));
    }

    private Optional<Object> take(long timeoutMillis) {
        requireOpen("get");
        if (fetched.isEmpty()) {
            fetch(timeoutMillis);
        }
        // Decoded one by one, when handed out: an item the allow-list refuses does not take the others with it.
        return Optional.ofNullable(fetched.poll()).map(Items::decode);
    }

    private void fetch(long timeoutMillis) {
        // Several items per round trip pay for a consumer that gets through them fast. A slow one would sit on items
        // that another consumer could be working on, so it takes one at a time.
        batch = System.nanoTime() - fetchedAt < FAST_NANOS ? Math.min(2 * batch, MOST) : 1;
        int most = batch;
        send(out -> {
            out.writeByte(Wire.GET);
            out.writeLong(timeoutMillis);
            out.writeInt(most);
        });
        try {
            byte reply = in.readByte();
            if (reply == Wire.ITEMS) {
                for (int count = in.readInt(); count > 0; count--) {
                    byte[] item = new byte[in.readInt()];
                    in.readFully(item);
                    fetched.add(item);
                }
            } else if (reply != Wire.EMPTY) {
                throw notThisProtocol(reply);
            }
        } catch (IOException e) {
            throw gone(e);
        }
        fetchedAt = System.nanoTime();
    }

    private void send(Request request) {
        try {
            feeder.send(request);
        } catch (IOException e) {
            throw gone(e);
        }
    }

    private static void writeFrame(DataOutputStream out, byte[] item) throws IOException {
        out.writeInt(item.length);
        out.write(item);
    }

    private IllegalStateException notThisProtocol(byte reply) {
        return new IllegalStateException("the queue at " + address + " sent the unknown reply " + reply
                + ": it does not speak this protocol");
    }

    private void requireOpen(String operation) {
        if (closed) {
            throw new IllegalStateException(operation + " on a closed QueueClient: connect again");
        }
    }

    private IllegalStateException gone(IOException cause) {
        return new IllegalStateException("the queue at " + address + " is gone: its owner closed it or exited", cause);
    }

    /**
     * Gives the items this client took and did not hand out back to the queue, waits until the owner holds every item
     * put here, and disconnects. The queue and its items stay with its owner. Closing twice is harmless.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(finishAtExit);
        } catch (IllegalStateException exiting) {
            // The JVM is already exiting: the hook runs anyway, and is harmless after this close.
        }
        try {
            if (!fetched.isEmpty()) {
                giveBackUnused();
            }
            if (unconfirmed) {
                feeder.send(out -> out.writeByte(Wire.SYNC));
                in.readByte(); // STORED: every item sent before it is in the queue
            }
        } catch (IOException e) {
            // The queue is gone, and with it every item it held: there is nothing left to hand over.
        } finally {
            feeder.finish();
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing left to release.
            }
        }
    }

    /** A consumer stops at its sentinel: the items after it in its batch belong to other consumers. */
    private void giveBackUnused() throws IOException {
        feeder.send(out -> {
            out.writeByte(Wire.RETURN);
            out.writeInt(fetched.size());
            for (byte[] item : fetched) {
                writeFrame(out, item);
            }
        });
        unconfirmed = true;
    }

    /** One request, written into the feeder's buffer. */
    @FunctionalInterface
    private interface Request {
        void writeTo(DataOutputStream out) throws IOException;
    }

    /**
     * Sends the client's requests from a thread of its own, in order: everything that piled up while it wrote the
     * last chunk goes out in the next single write. So a burst of puts costs a few writes, not one each.
     */
    private static final class Feeder implements Runnable {

        private final SocketChannel channel;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final DataOutputStream requests = new DataOutputStream(pending);
        private Thread thread;
        private boolean finishing;
        private IOException failure;

        private Feeder(SocketChannel channel) {
            this.channel = channel;
        }

        static Feeder start(SocketChannel channel, String name) {
            Feeder feeder = new Feeder(channel);
            feeder.thread = new Thread(feeder, name);
            feeder.thread.setDaemon(true);
            feeder.thread.start();
            return feeder;
        }

        synchronized void send(Request request) throws IOException {
            if (failure != null) {
                throw failure;
            }
            request.writeTo(requests);
            notifyAll();
        }

        @Override
        public void run() {
            try {
                for (byte[] chunk = nextChunk(); chunk != null; chunk = nextChunk()) {
                    // Straight to the channel: a stream from Channels.newOutputStream would wait for the lock that a
                    // get() holds while it reads the owner's reply from the same channel.
                    ByteBuffer buffer = ByteBuffer.wrap(chunk);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                }
            } catch (IOException e) {
                failed(e);
            } catch (InterruptedException e) {
                failed(new IOException("the feeder thread was interrupted", e));
            }
        }

        /** Everything sent since the last write; null once it is finishing and nothing is left. */
        private synchronized byte[] nextChunk() throws InterruptedException {
            while (pending.size() == 0 && !finishing) {
                wait();
            }
            if (pending.size() == 0) {
                return null;
            }
            byte[] chunk = pending.toByteArray();
            pending.reset();
            return chunk;
        }

        private synchronized void failed(IOException e) {
            failure = e;
        }

        /** Lets the feeder write everything sent so far, and waits until it has (or has failed) and ended. */
        void finish() {
            synchronized (this) {
                finishing = true;
                notifyAll();
            }
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Items as bytes: Integers, Strings and the sentinel in a few bytes of their own, anything else by Java
     * serialization, which costs a fresh JVM milliseconds to start and is read back through the allow-list.
     */
    private static final class Items {

        private static final byte INTEGER = 'I';
        private static final byte STRING = 'S';
        private static final byte SENTINEL = 'E';
        private static final byte SERIALIZED = 'J';

        static byte[] encode(Object item) {
            if (item instanceof Integer) {
                return ByteBuffer.allocate(5).put(INTEGER).putInt((Integer) item).array();
            }
            if (item instanceof String) {
                return tagged(STRING, ((String) item).getBytes(StandardCharsets.UTF_8));
            }
            if (Sentinel.isSentinel(item)) {
                return new byte[] {SENTINEL};
            }
            return tagged(SERIALIZED, SafeSerialization.toBytes(item));
        }

        private static byte[] tagged(byte kind, byte[] body) {
            return ByteBuffer.allocate(1 + body.length).put(kind).put(body).array();
        }

        static Object decode(byte[] bytes) {
            switch (bytes[0]) {
                case INTEGER:
                    return ByteBuffer.wrap(bytes, 1, 4).getInt();
                case STRING:
                    return new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
                case SENTINEL:
                    return Sentinel.NO_MORE_ITEMS;
                case SERIALIZED:
                    return SafeSerialization.fromBytes(Arrays.copyOfRange(bytes, 1, bytes.length),
                            SafeSerialization.allowList("katas.queue.*"));
                default:
                    throw new IllegalArgumentException("an item of unknown kind " + bytes[0] + ": not this queue's");
            }
        }
    }
}
