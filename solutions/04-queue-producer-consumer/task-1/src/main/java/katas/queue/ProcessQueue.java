package katas.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A FIFO queue that other processes put to and get from: Java's counterpart of {@code multiprocessing.Queue}.
 *
 * <p>The items live in the process that creates the queue (the owner). It serves them to other processes, which
 * pass {@link #address()} to {@link QueueClient#connect(String)}. Suggested: a Unix domain socket
 * ({@code ServerSocketChannel.open(StandardProtocolFamily.UNIX)}) in a private temporary directory. Keep the socket's
 * path short: it may hold at most 104 bytes on macOS (108 on Linux).
 *
 * <pre>{@code
 * try (ProcessQueue queue = new ProcessQueue()) {
 *     JavaProcess.of(Consumer.class).withArgs(queue.address()).start();   // another process gets from it
 * }
 * }</pre>
 *
 * Read README.md first. Everything below that throws "TODO" is yours to write.
 */
public final class ProcessQueue implements AutoCloseable {

    private final Path directory;
    private final Path socketFile;
    private final ServerSocketChannel listener;
    private boolean closed;

    /** Creates an empty queue and starts serving it. */
    public ProcessQueue() {
        try {
            directory = Files.createTempDirectory("pq");
            socketFile = directory.resolve("s");
            listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            listener.bind(UnixDomainSocketAddress.of(socketFile));
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a socket for the queue", e);
        }
    }

    /** What another process needs to reach this queue: pass it to {@link QueueClient#connect(String)}. */
    public String address() {
        return socketFile.toString();
    }

    /** How many items (sentinels included) are waiting in the queue now. */
    public int size() {
        throw new UnsupportedOperationException("TODO task 3: size(): the number of items held in "
                + "the queue");
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
            Files.deleteIfExists(socketFile);
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the queue's socket " + socketFile, e);
        }
    }
}
