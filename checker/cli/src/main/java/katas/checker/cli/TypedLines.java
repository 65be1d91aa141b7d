package katas.checker.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The lines the learner types, read on a thread of their own, so that a command can check code and watch files
 * while it also listens for them. The end of input (Ctrl-D, or a pipe that closes) is a line of its own kind.
 */
final class TypedLines {

    /** What the queue holds for the end of input. */
    private static final Optional<String> END = Optional.empty();

    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    private boolean ended;

    private TypedLines() {
    }

    /** Starts reading {@code in}, line by line, until its end. */
    static TypedLines from(InputStream in) {
        TypedLines typed = new TypedLines();
        Thread reader = new Thread(() -> typed.read(in), "typed-lines");
        reader.setDaemon(true); // blocked on a terminal, it must not keep the checker from exiting
        reader.start();
        return typed;
    }

    private void read(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(Optional.of(line));
            }
        } catch (IOException e) {
            // an input that cannot be read any more has ended
        }
        lines.add(END);
    }

    /**
     * The next line if one was typed already, without waiting. Empty when none was, or when the input has ended
     * (see {@link #ended()}).
     */
    Optional<String> poll() {
        if (ended) {
            return END;
        }
        Optional<String> line = lines.poll();
        if (line == null) {
            return END;
        }
        ended = line.isEmpty();
        return line;
    }

    /** The next line, waiting for it; empty once the input has ended. */
    Optional<String> next() throws InterruptedException {
        if (ended) {
            return END;
        }
        Optional<String> line = lines.take();
        ended = line.isEmpty();
        return line;
    }

    /** Whether the input has ended: no line will come any more. */
    boolean ended() {
        return ended;
    }
}
