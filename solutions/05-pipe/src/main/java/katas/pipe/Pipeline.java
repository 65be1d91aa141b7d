package katas.pipe;

import java.io.IOException;
import java.util.List;
import katas.process.JavaProcess;

/**
 * Two child processes joined by one OS pipe: the sender's standard output is the receiver's standard input. The
 * parent starts them but is not in the middle: the bytes go from one child to the other directly.
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
        return ProcessBuilder.startPipeline(List.of(sender.processBuilder(), receiver.processBuilder()));
    }
}
