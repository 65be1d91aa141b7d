package katas.manager;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import katas.process.CapturedProcess;
import katas.process.JavaProcess;
import katas.process.ProcessTree;

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
 */
public final class ListManager implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(15);
    private static final Duration SHUTDOWN = Duration.ofSeconds(5);

    private final CapturedProcess server;
    private final String address;
    private final byte[] key;
    private boolean closed;

    private ListManager(CapturedProcess server, String address, byte[] key) {
        this.server = server;
        this.address = address;
        this.key = key;
    }

    /**
     * Starts the manager's process, hands it a new random key through its standard input (never the command line,
     * which every user of the machine can read), and waits until it reports the address it listens on.
     *
     * @throws IllegalStateException if the manager did not start or did not report its address
     */
    public static ListManager start() {
        byte[] key = Handshake.newKey();
        CapturedProcess server;
        try {
            server = JavaProcess.of(ManagerServer.class).startCapturingOutput();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the manager's JVM", e);
        }
        try {
            DataOutputStream stdin = new DataOutputStream(server.process().getOutputStream());
            stdin.writeInt(key.length);
            stdin.write(key);
            stdin.flush();
            return new ListManager(server, awaitAddress(server), key);
        } catch (IOException | RuntimeException e) {
            ProcessTree.kill(server.process().toHandle());
            throw new IllegalStateException("the manager (pid " + server.pid() + ") did not start: " + e
                    + "\nits error output:\n" + server.stderr().text(), e);
        }
    }

    private static String awaitAddress(CapturedProcess server) {
        try {
            if (!server.stdout().awaitLine(firstLine -> true, STARTUP)) {
                throw new IllegalStateException("no address reported within " + STARTUP.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the manager's address", e);
        }
        String first = server.stdout().lines().get(0);
        if (!first.startsWith(ManagerServer.READY)) {
            throw new IllegalStateException("it printed '" + first + "' instead of its address");
        }
        return first.substring(ManagerServer.READY.length());
    }

    /** Where the manager listens, as {@code host:port}: always a loopback address. */
    public String address() {
        return address;
    }

    /** A copy of the key a client needs, for handing to the processes that should use the list. */
    public byte[] key() {
        return key.clone();
    }

    /** The PID of the manager's process. */
    public long pid() {
        return server.pid();
    }

    /**
     * A new proxy for the managed list, connected and authenticated.
     *
     * @throws IllegalStateException if the manager was closed
     */
    public synchronized ListProxy list() {
        if (closed) {
            throw new IllegalStateException("the list manager (pid " + pid() + ") was closed: start a new one");
        }
        return ListProxy.connect(address, key);
    }

    /** Ends the manager's process (the list is gone with it) and waits until it has exited. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ProcessTree.closeInputThenStop(server.process(), SHUTDOWN); // the end of its stdin is its signal to end
        } catch (InterruptedException e) {
            ProcessTree.kill(server.process().toHandle());
            Thread.currentThread().interrupt();
        }
    }
}
