package katas.testkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link PrintStream} that remembers what was printed to it, for tests that hand a stream to the code under
 * test instead of letting it print to the real {@code System.out} (which, inside a test runner, belongs to the
 * runner).
 */
public final class OutputRecorder {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** The stream to give to the code under test. */
    public PrintStream stream() {
        return stream;
    }

    /** Every complete line printed so far, in the order it was printed. */
    public List<String> lines() {
        String text;
        synchronized (stream) {
            stream.flush();
            text = bytes.toString(StandardCharsets.UTF_8);
        }
        return text.lines().collect(Collectors.toList());
    }
}
