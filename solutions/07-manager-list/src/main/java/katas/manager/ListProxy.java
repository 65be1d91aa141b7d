package katas.manager;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import katas.process.SafeSerialization;

/**
 * A stand-in for the list that lives in the manager's process: every method is a request to the manager and waits
 * for its reply. Python's {@code manager.list()} proxy. Items travel serialized, so what you get back is always a
 * copy: changing it changes nothing in the manager.
 *
 * <pre>{@code
 * try (ListProxy list = ListProxy.connect(address, key)) {   // in any process that knows address and key
 *     list.append(42);
 *     Object first = list.get(0);
 * }
 * }</pre>
 *
 * <p>One proxy is one connection; its methods may be called from several threads, one call at a time.
 */
public final class ListProxy implements AutoCloseable {

    private static final int TIMEOUT_MS = 3_000;
    /** What an item's first byte says it is: see {@link #encode}. */
    private static final byte INTEGER = 1;
    private static final byte STRING = 2;
    private static final byte SERIALIZED = 3;

    private final String address;
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private String closedBecause = "it was closed";

    private ListProxy(String address, Socket socket) throws IOException {
        this.address = address;
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    }

    /**
     * Connects to the manager at {@code address} ({@code host:port}, as {@link ListManager#address()} gives it) and
     * proves that this client knows {@code key}.
     *
     * @throws AuthenticationFailedException if the manager refuses the key
     * @throws IllegalStateException         if no manager answers at that address (closed, or its process died)
     */
    public static ListProxy connect(String address, byte[] key) {
        Socket socket = new Socket();
        boolean accepted = false;
        try {
            socket.connect(Frames.socketAddress(address), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            ListProxy proxy = new ListProxy(address, socket);
            accepted = Handshake.answer(proxy.in, proxy.out, key);
            if (!accepted) {
                throw new AuthenticationFailedException("the list manager at " + address
                        + " refused this client: its key is not the manager's key");
            }
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("could not reach the list manager at " + address
                    + " (closed, its process died, or it does not answer): " + e, e);
        } finally {
            if (!accepted) {
                closeQuietly(socket);
            }
        }
    }

    /**
     * Appends a copy of {@code item} to the manager's list.
     *
     * @throws IllegalArgumentException if {@code item} cannot be serialized (nothing is sent; the proxy stays usable)
     */
    public synchronized void append(Object item) {
        byte[] bytes = encode(item);
        call(() -> {
            out.writeByte(ManagerServer.APPEND);
            Frames.writeBytes(out, bytes);
            awaitOk();
            return null;
        });
    }

    /**
     * A copy of the item at {@code index}.
     *
     * @throws IndexOutOfBoundsException if the manager's list has no such index
     */
    public synchronized Object get(int index) {
        return call(() -> {
            out.writeByte(ManagerServer.GET);
            out.writeInt(index);
            awaitOk();
            return decode(Frames.readBytes(in));
        });
    }

    /** The number of items in the manager's list now. */
    public synchronized int size() {
        return call(() -> {
            out.writeByte(ManagerServer.SIZE);
            awaitOk();
            return in.readInt();
        });
    }

    /** A copy of the whole list as it is now. */
    public synchronized List<Object> snapshot() {
        return call(() -> {
            out.writeByte(ManagerServer.SNAPSHOT);
            awaitOk();
            int count = in.readInt();
            List<byte[]> encoded = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                encoded.add(Frames.readBytes(in));
            }
            // Read the whole reply before decoding: a rejected item must not leave the rest unread.
            List<Object> copy = new ArrayList<>(count);
            for (byte[] item : encoded) {
                copy.add(decode(item));
            }
            return copy;
        });
    }

    /** The PID of the process that holds the list, as that process reports it. */
    public synchronized long serverPid() {
        return call(() -> {
            out.writeByte(ManagerServer.PID);
            awaitOk();
            return in.readLong();
        });
    }

    /**
     * An item as it travels and as the manager keeps it: a tag byte, then the item. Integers and strings, the usual
     * items, travel bare (5 bytes for an int); anything else is Java-serialized. Serialization writes a new object
     * stream per item (81 bytes for an Integer), and a fresh client JVM spends about 45 ms of CPU on its first 2,000.
     */
    private static byte[] encode(Object item) {
        if (item instanceof Integer) {
            return ByteBuffer.allocate(5).put(INTEGER).putInt((Integer) item).array();
        }
        if (item instanceof String) {
            byte[] utf8 = ((String) item).getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + utf8.length).put(STRING).put(utf8).array();
        }
        byte[] serialized = SafeSerialization.toBytes(item);
        return ByteBuffer.allocate(1 + serialized.length).put(SERIALIZED).put(serialized).array();
    }

    /** The item {@link #encode} made; a serialized one is deserialized only through the allow-list. */
    private static Object decode(byte[] bytes) {
        ByteArrayInputStream item = new ByteArrayInputStream(bytes);
        int tag = item.read(); // -1 if the frame is empty
        switch (tag) {
            case INTEGER:
                return ByteBuffer.wrap(item.readAllBytes()).getInt();
            case STRING:
                return new String(item.readAllBytes(), StandardCharsets.UTF_8);
            case SERIALIZED:
                // The filter is made here, not once for the class: the first one costs a fresh JVM about 10 ms.
                return SafeSerialization.read(item, SafeSerialization.allowList("katas.manager.*"));
            default:
                throw new IllegalStateException("an item tagged " + tag + ": not appended by this kata's proxy");
        }
    }

    private void awaitOk() throws IOException {
        out.flush();
        byte status = in.readByte();
        if (status == ManagerServer.INDEX_OUT_OF_RANGE) {
            throw new IndexOutOfBoundsException(in.readUTF());
        }
        if (status != ManagerServer.OK) {
            throw new IllegalStateException("the list manager at " + address + " failed: " + in.readUTF());
        }
    }

    private interface Exchange<T> {
        T run() throws IOException;
    }

    private <T> T call(Exchange<T> exchange) {
        if (socket.isClosed()) {
            throw new IllegalStateException("this proxy for the list manager at " + address + " is unusable: "
                    + closedBecause);
        }
        try {
            return exchange.run();
        } catch (IOException e) {
            // A request may be half sent or a reply half read: this connection can never be trusted again.
            closedBecause = "the manager stopped answering (closed, or its process died): " + e;
            closeQuietly(socket);
            throw new IllegalStateException("the list manager at " + address + " did not answer: " + e, e);
        }
    }

    /** Closes the connection; the list in the manager is unaffected. Later calls fail with IllegalStateException. */
    @Override
    public synchronized void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }
}
