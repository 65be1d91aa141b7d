package katas.queue;

import java.time.Duration;
import java.util.Optional;

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
 * <p>Items cross the process boundary serialized: use {@code katas.process.SafeSerialization}, and read everything
 * back through {@code SafeSerialization.allowList("katas.queue.*")} so that {@link Sentinel} is allowed too.
 *
 * Read README.md first. Everything below that throws "TODO" is yours to write.
 */
public final class QueueClient implements AutoCloseable {

    private QueueClient() {
    }

    /**
     * Connects to the queue at {@code address} (from {@link ProcessQueue#address()}).
     *
     * @throws IllegalStateException if no queue is being served there
     */
    public static QueueClient connect(String address) {
        throw new UnsupportedOperationException("TODO task 1: connect(): open a connection to the queue "
                + "at " + address + ", or throw an IllegalStateException");
    }

    /**
     * Adds {@code item} at the tail of the queue. It sends the item without waiting for an answer: {@link #close()}
     * returns once the owner holds every item put on this client.
     *
     * @throws IllegalArgumentException if the item is null or cannot be serialized; nothing is sent then
     * @throws IllegalStateException    if this client was closed or the queue is gone
     */
    public void put(Object item) {
        throw new UnsupportedOperationException("TODO task 3: put(): serialize the item and send it as one "
                + "frame; the owner does not answer");
    }

    /**
     * Takes the item at the head of the queue, waiting as long as it takes for one to arrive.
     *
     * @throws IllegalStateException if this client was closed or the queue is gone
     */
    public Object get() {
        throw new UnsupportedOperationException("TODO task 2: get(): ask the owner for the head item and "
                + "wait for it");
    }

    /**
     * Takes the item at the head of the queue, waiting at most {@code timeout} for one to arrive.
     *
     * @return the item, or {@link Optional#empty()} if the queue stayed empty for the whole timeout
     * @throws IllegalStateException if this client was closed or the queue is gone
     */
    public Optional<Object> get(Duration timeout) {
        throw new UnsupportedOperationException("TODO task 2: get(timeout): like get(), but the owner "
                + "gives up after the timeout");
    }

    /**
     * Waits until the owner holds every item put on this client (task 3), and disconnects; the queue and its items
     * stay with its owner. Closing twice is harmless.
     */
    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO task 1: close(): close the connection; do nothing "
                + "the second time");
    }
}
