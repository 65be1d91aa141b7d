package katas.pipe;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * A sender process: {@code Sender <message>...} sends each argument as a String message through a send-only end
 * over its standard output, then closes it.
 */
public final class Sender {

    private Sender() {
    }

    public static void main(String[] args) throws IOException {
        try (Connection pipe = Connection.sendOnly(new FileOutputStream(FileDescriptor.out))) {
            for (String message : args) {
                pipe.send(message);
            }
        }
    }
}
