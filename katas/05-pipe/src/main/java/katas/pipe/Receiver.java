package katas.pipe;

import java.io.IOException;

/**
 * A receiver process: receives messages through a receive-only end over its standard input and prints
 * {@code received <message>} for each. When the sender has closed its end it prints {@code end of stream} and exits.
 */
public final class Receiver {

    private Receiver() {
    }

    public static void main(String[] args) throws IOException {
        throw new UnsupportedOperationException("TODO task 3: print \"received \" + message for every message from a "
                + "receive-only Connection over System.in; at EOFException print \"end of stream\" and return");
    }
}
