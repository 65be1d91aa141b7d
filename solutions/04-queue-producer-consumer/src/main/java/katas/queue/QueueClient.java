package katas.queue;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.time.Duration;
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
 * }
 * }</pre>
 *
 * <p>Items cross the process boundary as serialized bytes. Whatever is read back goes through an allow-list: JDK
 * value types and collections, and this package's classes (such as {@link Sentinel}).
 */
public final class QueueClient implements AutoCloseable {

    private static final ObjectInputFilter ALLOWED = SafeSerialization.allowList("katas.queue.*");

    private final String address;
    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;
    private boolean closed;

    private QueueClient(String address, SocketChannel channel) {
        this.address = address;
        this.channel = channel;
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
        this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
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
     * Adds {@code item} at the tail of the queue; returns once the queue holds it, so the caller may exit at once.
     *
     * @throws IllegalArgumentException if the item is null or cannot be serialized; nothing is sent then
     * @throws IllegalStateException    if this client was closed or the queue is gone
     */
    public synchronized void put(Object item) {
        requireOpen("put");
        if (item == null) {
            throw new IllegalArgumentException("null is not an item: to say 'no more items', put Sentinel.NO_MORE_ITEMS");
        }
        byte[] bytes = SafeSerialization.toBytes(item);
        try {
            out.writeByte(Wire.PUT);
            out.writeInt(bytes.length);
            out.write(bytes);
            out.flush();
            byte reply = in.readByte();
            if (reply != Wire.STORED) {
                throw notThisProtocol(reply);
            }
        } catch (IOException e) {
            throw gone(e);
        }
    }

    /**
     * Takes the item at the head of the queue, waiting as long as it takes for one to arrive.
     *
     * @throws IllegalStateException if this client was closed or the queue is gone
     */
    public synchronized Object get() {
        return request(Wire.WAIT_FOREVER).orElseThrow();
    }

    /**
     * Takes the item at the head of the queue, waiting at most {@code timeout} for one to arrive.
     *
     * @return the item, or {@link Optional#empty()} if the queue stayed empty for the whole timeout
     * @throws IllegalStateException if this client was closed or the queue is gone
     */
    public synchronized Optional<Object> get(Duration timeout) {
        return request(Math.max(0, timeout.toMillis()));
    }

    private Optional<Object> request(long timeoutMillis) {
        requireOpen("get");
        try {
            out.writeByte(Wire.GET);
            out.writeLong(timeoutMillis);
            out.flush();
            byte reply = in.readByte();
            if (reply == Wire.EMPTY) {
                return Optional.empty();
            }
            if (reply != Wire.ITEM) {
                throw notThisProtocol(reply);
            }
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return Optional.of(SafeSerialization.fromBytes(bytes, ALLOWED));
        } catch (IOException e) {
            throw gone(e);
        }
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

    /** Disconnects from the queue; the queue and its items stay with its owner. Closing twice is harmless. */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}
