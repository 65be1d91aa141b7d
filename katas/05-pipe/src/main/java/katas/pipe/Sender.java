package katas.pipe;

import java.io.IOException;

/**
 * A sender process: {@code Sender <message>...} sends each argument as a String message through a send-only end
 * over its standard output, then closes it.
 */
public final class Sender {

    private Sender() {
    }

    public static void main(String[] args) throws IOException {
        throw new UnsupportedOperationException("TODO task 3: send every argument through a send-only Connection over "
                + "new FileOutputStream(FileDescriptor.out), then close it");
    }
}
