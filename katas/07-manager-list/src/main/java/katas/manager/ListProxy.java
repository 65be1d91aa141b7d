package katas.manager;

import java.util.List;

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
 *
 * <p>Read README.md first. Everything below that throws "TODO" is yours to write, task by task. {@link Frames}
 * (given) writes and reads the byte arrays of your messages and parses the manager's address.
 */
public final class ListProxy implements AutoCloseable {

    private ListProxy() {
    }

    /**
     * Connects to the manager at {@code address} ({@code host:port}, as {@link ListManager#address()} gives it) and
     * proves that this client knows {@code key}.
     *
     * @throws AuthenticationFailedException if the manager refuses the key
     * @throws IllegalStateException         if no manager answers at that address (closed, or its process died)
     */
    public static ListProxy connect(String address, byte[] key) {
        throw new UnsupportedOperationException("TODO task 2: connect(): open a socket to the address (task 5: "
                + "pass Handshake.answer(...) or throw AuthenticationFailedException; task 6: set a read timeout)");
    }

    /**
     * Appends a copy of {@code item} to the manager's list.
     *
     * @throws IllegalArgumentException if {@code item} cannot be serialized (nothing is sent; the proxy stays usable)
     */
    public synchronized void append(Object item) {
        throw new UnsupportedOperationException("TODO task 3: append(): serialize the item "
                + "(SafeSerialization.toBytes), send an append request, wait for the reply");
    }

    /**
     * A copy of the item at {@code index}.
     *
     * @throws IndexOutOfBoundsException if the manager's list has no such index
     */
    public synchronized Object get(int index) {
        throw new UnsupportedOperationException("TODO task 3: get(): ask the manager for the item's bytes and "
                + "deserialize them through an allow-list filter (task 6: rethrow the manager's index error here)");
    }

    /** The number of items in the manager's list now. */
    public synchronized int size() {
        throw new UnsupportedOperationException("TODO task 3: size(): ask the manager for its list's size");
    }

    /** A copy of the whole list as it is now. */
    public synchronized List<Object> snapshot() {
        throw new UnsupportedOperationException("TODO task 3: snapshot(): ask the manager for all items, "
                + "deserialize each");
    }

    /** The PID of the process that holds the list, as that process reports it. */
    public synchronized long serverPid() {
        throw new UnsupportedOperationException("TODO task 2: serverPid(): ask the manager for "
                + "ProcessHandle.current().pid()");
    }

    /** Closes the connection; the list in the manager is unaffected. Later calls fail with IllegalStateException. */
    @Override
    public synchronized void close() {
        throw new UnsupportedOperationException("TODO task 2: close(): close the socket (task 6: later calls fail "
                + "clearly)");
    }
}
