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
 *
 * <p>Read README.md first. Everything below that throws "TODO" is yours to write, task by task.
 */
public final class ListManager implements AutoCloseable {

    private final CapturedProcess server;
    private final String address;
    private final byte[] key;

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
            DataOutputStream stdin = new DataOutputStream(server.process().getOutputStream());
            stdin.writeInt(key.length);
            stdin.write(key);
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the manager", e);
        }
        try {
            if (!server.stdout().awaitLine(line -> true, Duration.ofSeconds(15))) {
                ProcessTree.kill(server.process().toHandle());
                throw new IllegalStateException("the manager (pid " + server.pid() + ") printed no address. Its "
                        + "error output:\n" + server.stderr().text());
            }
        } catch (InterruptedException e) {
            ProcessTree.kill(server.process().toHandle());
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the manager's address", e);
        }
        return new ListManager(server, server.stdout().lines().get(0), key);
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
        throw new UnsupportedOperationException("TODO task 2: list(): ListProxy.connect(address, key)");
    }

    /** Ends the manager's process (the list is gone with it) and waits until it has exited. */
    @Override
    public synchronized void close() {
        try {
            ProcessTree.closeInputThenStop(server.process(), Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            ProcessTree.kill(server.process().toHandle());
            Thread.currentThread().interrupt();
        }
    }
}
