package katas.manager;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import katas.process.Lifeline;

/**
 * The manager's own process: it owns the list and serves it to clients that know the key.
 *
 * <p>Start-up: reads the key from stdin (an int length, then the bytes), listens on a free loopback port and prints
 * {@code LISTENING host:port}. It ends when its stdin closes, which is what {@link ListManager#close} does, and
 * also what happens when the parent dies. Each client gets its own thread; the list is guarded by its own monitor.
 *
 * <p>Protocol, after the {@link Handshake}: a request is an opcode byte and its arguments; a reply is a status byte
 * ({@link #OK} followed by the result, or an error code followed by a message).
 */
public final class ManagerServer {

    static final String READY = "LISTENING ";

    static final byte APPEND = 1; // int length, item as the proxy encoded it -> OK
    static final byte GET = 2; // int index -> OK, int length, item
    static final byte SIZE = 3; // -> OK, int size
    static final byte SNAPSHOT = 4; // -> OK, int count, then count x (int length, item)
    static final byte PID = 5; // -> OK, long pid

    static final byte OK = 0;
    static final byte INDEX_OUT_OF_RANGE = 1;
    static final byte FAILED = 2;

    /** A peer that has not finished the handshake after this long is dropped (the README states it). */
    private static final int HANDSHAKE_TIMEOUT_MS = 3_000;

    /** The items exactly as the clients encoded them, never decoded here: every reply hands out a fresh copy. */
    private final List<byte[]> items = new ArrayList<>();
    private final byte[] key;
    private final ServerSocket listener;
    /** The listener and every open client connection, closed together when the manager ends. */
    private final OpenSockets sockets = new OpenSockets();

    private ManagerServer(byte[] key, ServerSocket listener) {
        this.key = key;
        this.listener = listener;
        sockets.add(listener);
    }

    public static void main(String[] args) throws IOException {
        // Its stdin's end tells it the manager was closed; this, that the JVM which started it is gone, also when
        // that JVM was killed (a mutation-testing minion on a time-out, say) and something kept the pipe open.
        Lifeline.holdOn();
        DataInputStream stdin = new DataInputStream(System.in);
        byte[] key = new byte[stdin.readInt()];
        stdin.readFully(key);
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ManagerServer server = new ManagerServer(key, listener);
        System.out.println(READY + listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort());
        System.out.flush();
        server.exitWhenClosed(System.in);
        server.acceptUntilClosed();
    }

    private void exitWhenClosed(InputStream stdin) {
        Thread watcher = new Thread(() -> {
            try {
                while (stdin.read() != -1) {
                    // nothing else arrives on stdin; wait for its end
                }
            } catch (IOException e) {
                // a broken pipe means the same as a closed one
            }
            // A thread still blocked in accept() or read() would make System.exit wait about 300 ms for it
            // (measured on HotSpot 17): closing the sockets wakes those threads, so the manager is gone at once.
            sockets.closeAll();
            System.exit(0);
        }, "stdin watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void acceptUntilClosed() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return; // the listener was closed: the manager is shutting down
            }
            sockets.add(client);
            Thread session = new Thread(() -> serve(client), "client " + client.getRemoteSocketAddress());
            session.setDaemon(true);
            session.start();
        }
    }

    private void serve(Socket client) {
        try (client) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()));
            client.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            if (!Handshake.challenge(in, out, key)) {
                return;
            }
            client.setSoTimeout(0); // an authenticated client may keep its proxy idle as long as it likes
            for (int op = in.read(); op != -1; op = in.read()) {
                if (!handle(op, in, out)) {
                    return;
                }
                out.flush();
            }
        } catch (IOException e) {
            // The client went away in the middle of a request: nothing of it was applied, nothing to clean up.
        } finally {
            sockets.remove(client);
        }
    }

    /** Answers one request; false if the request was not understood and the connection must end. */
    private boolean handle(int op, DataInputStream in, DataOutputStream out) throws IOException {
        switch (op) {
            case APPEND:
                byte[] item = Frames.readBytes(in);
                synchronized (items) {
                    items.add(item);
                }
                out.writeByte(OK);
                return true;
            case GET:
                int index = in.readInt();
                byte[] found;
                int size;
                synchronized (items) {
                    size = items.size();
                    found = index >= 0 && index < size ? items.get(index) : null;
                }
                if (found == null) {
                    out.writeByte(INDEX_OUT_OF_RANGE);
                    out.writeUTF("index " + index + " is out of range for the managed list of size " + size);
                } else {
                    out.writeByte(OK);
                    Frames.writeBytes(out, found);
                }
                return true;
            case SIZE:
                synchronized (items) {
                    size = items.size();
                }
                out.writeByte(OK);
                out.writeInt(size);
                return true;
            case SNAPSHOT:
                List<byte[]> copy;
                synchronized (items) {
                    copy = List.copyOf(items);
                }
                out.writeByte(OK);
                out.writeInt(copy.size());
                for (byte[] each : copy) {
                    Frames.writeBytes(out, each);
                }
                return true;
            case PID:
                out.writeByte(OK);
                out.writeLong(ProcessHandle.current().pid());
                return true;
            default:
                out.writeByte(FAILED);
                out.writeUTF("unknown request " + op + ": is the client from another version of this kata?");
                out.flush();
                return false;
        }
    }
}
