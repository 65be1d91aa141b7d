package katas.manager;

import java.io.Closeable;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * GIVEN, complete: you do not need to change it. The sockets the manager has open, its listener and one per
 * client, so that it can close them all just before it exits.
 *
 * <p>Why bother, when {@code System.exit} ends the process anyway? A JVM that exits while one of its threads is
 * blocked in {@code accept()} or {@code read()} waits about 300 ms for that thread first (HotSpot 17, measured).
 * Closing the sockets wakes those threads at once. Harmless once, but the tests start a manager a dozen times.
 *
 * <pre>{@code
 * sockets.add(listener);      // at start-up
 * sockets.add(client);        // after accept()
 * sockets.remove(client);     // when that client's session ends
 * sockets.closeAll();         // just before System.exit(0)
 * }</pre>
 */
public final class OpenSockets {

    private final Set<Closeable> open = new HashSet<>();

    /** Remembers {@code socket} until it is removed or closed with all the others. */
    public synchronized void add(Closeable socket) {
        open.add(socket);
    }

    /** Forgets {@code socket} (its owner closes it). */
    public synchronized void remove(Closeable socket) {
        open.remove(socket);
    }

    /** Closes every socket it remembers, and forgets them. */
    public synchronized void closeAll() {
        for (Closeable socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        open.clear();
    }
}
