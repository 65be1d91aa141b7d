package katas.queue;

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

    /** Creates an empty queue and starts serving it. */
    public ProcessQueue() {
        throw new UnsupportedOperationException("TODO task 1: ProcessQueue(): bind a Unix "
                + "domain socket in a private temporary directory (task 2: and serve requests on it)");
    }

    /** What another process needs to reach this queue: pass it to {@link QueueClient#connect(String)}. */
    public String address() {
        throw new UnsupportedOperationException("TODO task 1: address(): the socket's path");
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
        throw new UnsupportedOperationException("TODO task 1: close(): close the socket, remove its "
                + "file and its directory; do nothing the second time");
    }
}
