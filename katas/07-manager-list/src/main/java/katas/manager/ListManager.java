package katas.manager;

/**
 * Starts a manager: a separate process that owns a list, which other processes change through {@link ListProxy}
 * objects. Python's {@code multiprocessing.Manager()}.
 *
 * <pre>{@code
 * try (ListManager manager = ListManager.start()) {
 *     ListProxy list = manager.list();
 *     // a child JVM gets manager.address() and manager.key() and calls ListProxy.connect(address, key)
 *     list.append("from the parent");
 * }   // the manager's process ends here
 * }</pre>
 *
 * <p>Read README.md first. Everything below that throws "TODO" is yours to write, task by task.
 */
public final class ListManager implements AutoCloseable {

    private ListManager() {
    }

    /**
     * Starts the manager's process, hands it a new random key through its standard input (never the command line,
     * which every user of the machine can read), and waits until it reports the address it listens on.
     *
     * @throws IllegalStateException if the manager did not start or did not report its address
     */
    public static ListManager start() {
        throw new UnsupportedOperationException("TODO task 1: start(): start ManagerServer in a child JVM "
                + "(JavaProcess), write Handshake.newKey() to its stdin, read the address it prints");
    }

    /** Where the manager listens, as {@code host:port}: always a loopback address. */
    public String address() {
        throw new UnsupportedOperationException("TODO task 1: address(): the host:port the server reported");
    }

    /** A copy of the key a client needs, for handing to the processes that should use the list. */
    public byte[] key() {
        throw new UnsupportedOperationException("TODO task 1: key(): a copy of the key (callers must not "
                + "change yours)");
    }

    /** The PID of the manager's process. */
    public long pid() {
        throw new UnsupportedOperationException("TODO task 1: pid(): the manager process's pid");
    }

    /**
     * A new proxy for the managed list, connected and authenticated.
     *
     * @throws IllegalStateException if the manager was closed
     */
    public synchronized ListProxy list() {
        throw new UnsupportedOperationException("TODO task 2: list(): ListProxy.connect(address, key)");
    }

    /** Ends the manager's process (the list is gone with it) and waits until it has exited. */
    @Override
    public synchronized void close() {
        throw new UnsupportedOperationException("TODO task 1: close(): close the server's stdin (its signal to "
                + "end), wait for it to exit, kill it if it does not");
    }
}
