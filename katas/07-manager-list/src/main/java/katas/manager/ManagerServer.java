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
 * <p>Read README.md first. You build this class up task by task: task 1 starts it and ends it, tasks 2 to 6
 * add the requests, the threads, the handshake and the error replies. The request/reply protocol is yours to
 * design; keep the list guarded, since several clients change it at once. The plumbing is given:
 * {@link Frames} writes and reads a byte array framed by its length, {@link OpenSockets} closes every socket
 * before the manager exits.
 */
public final class ManagerServer {

    private ManagerServer() {
    }

    public static void main(String[] args) throws IOException {
        throw new UnsupportedOperationException("TODO task 1: main(): read the key from stdin, listen on the "
                + "loopback interface, print the address, end when stdin ends (tasks 2 to 6: serve the clients)");
    }
}
