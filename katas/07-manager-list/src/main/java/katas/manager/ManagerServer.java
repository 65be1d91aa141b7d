package katas.manager;

import java.io.IOException;

/**
 * The manager's own process: it owns the list and serves it to clients that know the key.
 *
 * <p>Start-up: read the key from stdin (the parent writes it there), listen on a free port of the loopback
 * interface, and print the address ({@code host:port}) for the parent to read. Then serve every client on its own
 * thread: first the {@link Handshake}, then requests (append, get, size, snapshot, pid) until the client
 * disconnects. End when stdin closes: that is how the parent says "close", and what happens when it dies.
 *
 * <p>Read README.md first. The request/reply protocol is yours to design; keep the list guarded, since several
 * clients change it at once.
 */
public final class ManagerServer {

    private ManagerServer() {
    }

    public static void main(String[] args) throws IOException {
        throw new UnsupportedOperationException("TODO main(): read the key from stdin, listen on the loopback "
                + "interface, print the address, then serve each client (Handshake first) on its own thread");
    }
}
