package katas.queue;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * A FIFO queue that other processes put to and get from: Java's counterpart of {@code multiprocessing.Queue}.
 *
 * <p>The items live in the process that creates the queue (the owner). It serves them over a Unix domain socket in
 * a private temporary directory; other processes pass {@link #address()} to {@link QueueClient#connect(String)}.
 * Items are stored as the bytes the clients sent: the owner never deserializes them.
 *
 * <pre>{@code
 * try (ProcessQueue queue = new ProcessQueue()) {
 *     JavaProcess.of(Consumer.class).withArgs(queue.address()).start();   // another process gets from it
 * }
 * }</pre>
 */
public final class ProcessQueue implements AutoCloseable {

    private final LinkedBlockingDeque<byte[]> items = new LinkedBlockingDeque<>();
    private final Set<Thread> servers = ConcurrentHashMap.newKeySet();
    private final Path directory;
    private final Path socketFile;
    private final ServerSocketChannel listener;
    private volatile boolean closed;

    /** Creates an empty queue and starts serving it. */
    public ProcessQueue() {
        try {
            // createTempDirectory makes the directory accessible to this user only, so only they can connect.
            // Names stay short: a socket's path may hold at most 104 bytes on macOS (108 on Linux), and macOS's
            // temporary directory alone takes about 50 of them.
            directory = Files.createTempDirectory("pq");
            socketFile = directory.resolve("s");
            listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            listener.bind(UnixDomainSocketAddress.of(socketFile));
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a socket for the queue", e);
        }
        startThread(this::acceptClients, "queue acceptor at " + socketFile);
    }

    /** What another process needs to reach this queue: pass it to {@link QueueClient#connect(String)}. */
    public String address() {
        return socketFile.toString();
    }

    /** How many items (sentinels included) are waiting in the queue now. */
    public int size() {
        return items.size();
    }

    private void acceptClients() {
        while (!closed) {
            try {
                SocketChannel client = listener.accept();
                startThread(() -> serve(client), "queue server for a client of " + socketFile);
            } catch (IOException e) {
                return; // the listener was closed
            }
        }
    }

    private void startThread(Runnable body, String name) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } finally {
                servers.remove(Thread.currentThread());
            }
        }, name);
        thread.setDaemon(true);
        servers.add(thread);
        thread.start();
    }

    /** Answers one client's requests, in the order they come, until it disconnects or the queue closes. */
    private void serve(SocketChannel client) {
        try (client) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)));
            while (!closed) {
                switch (in.readByte()) {
                    case Wire.PUT -> items.put(readFrame(in));
                    case Wire.SYNC -> {
                        out.writeByte(Wire.STORED); // every request before it was read, and every item stored
                        out.flush();
                    }
                    case Wire.GET -> {
                        long timeoutMillis = in.readLong();
                        int most = in.readInt();
                        handOut(take(timeoutMillis), most, out);
                    }
                    case Wire.RETURN -> putBackAtTheHead(readFrames(in));
                    default -> {
                        return; // not our protocol: hang up
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client left, or close() stopped this thread: either way this connection is over.
        }
    }

    private static byte[] readFrame(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("a corrupt frame (length " + length + "): hang up on this client");
        }
        byte[] item = new byte[length];
        in.readFully(item);
        return item;
    }

    private static List<byte[]> readFrames(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(readFrame(in));
        }
        return frames;
    }

    private byte[] take(long timeoutMillis) throws InterruptedException {
        return timeoutMillis == Wire.WAIT_FOREVER ? items.take() : items.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Sends {@code first} and, with it, up to {@code most - 1} more items that are already waiting. */
    private void handOut(byte[] first, int most, DataOutputStream out) throws IOException {
        if (first == null) {
            out.writeByte(Wire.EMPTY);
            out.flush();
            return;
        }
        List<byte[]> batch = new ArrayList<>(List.of(first));
        items.drainTo(batch, most - 1);
        try {
            out.writeByte(Wire.ITEMS);
            out.writeInt(batch.size());
            for (byte[] item : batch) {
                out.writeInt(item.length);
                out.write(item);
            }
            out.flush();
        } catch (IOException e) {
            // The client vanished while it waited: its items go back to the head, so nobody loses them.
            putBackAtTheHead(batch);
            throw e;
        }
    }

    private void putBackAtTheHead(List<byte[]> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            items.addFirst(batch.get(i));
        }
    }

    /**
     * Stops serving: clients still connected get a clear error on their next call. Items still queued are lost.
     * Closing an already closed queue does nothing (try-with-resources may close it a second time).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // Closing is best effort; the socket file is removed below either way.
        }
        // Interrupting a thread blocked on a channel closes that channel: its client sees the end of the stream.
        servers.forEach(Thread::interrupt);
        try {
            Files.deleteIfExists(socketFile);
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the queue's socket " + socketFile, e);
        }
    }
}
