package katas.pipe;

import java.io.IOException;
import java.util.List;
import katas.process.JavaProcess;

/**
 * Two child processes joined by one OS pipe: the sender's standard output is the receiver's standard input. The
 * parent starts them but is not in the middle: the bytes go from one child to the other directly.
 *
 * Read README.md first. Everything below that throws "TODO task 3" is yours to write.
 */
public final class Pipeline {

    private Pipeline() {
    }

    /**
     * Starts {@code sender} and {@code receiver} with the sender's stdout piped into the receiver's stdin.
     *
     * @return the two processes, sender first; the caller drains their stderr (and the receiver's stdout) and
     *         waits for them
     */
    public static List<Process> start(JavaProcess sender, JavaProcess receiver) throws IOException {
        throw new UnsupportedOperationException("TODO task 3: let the operating system connect the sender's stdout "
                + "to the receiver's stdin (ProcessBuilder has a method for that)");
    }
}
