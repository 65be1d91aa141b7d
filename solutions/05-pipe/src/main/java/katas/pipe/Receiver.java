package katas.pipe;

import java.io.EOFException;
import java.io.IOException;

/**
 * A receiver process: receives messages through a receive-only end over its standard input and prints
 * {@code received <message>} for each. When the sender has closed its end it prints {@code end of stream} and exits.
 */
public final class Receiver {

    private Receiver() {
    }

    public static void main(String[] args) throws IOException {
        try (Connection pipe = Connection.receiveOnly(System.in)) {
            while (true) {
                try {
                    System.out.println("received " + pipe.recv());
                } catch (EOFException e) {
                    System.out.println("end of stream");
                    return;
                }
            }
        }
    }
}
