package katas.checker.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import katas.process.CapturedOutput;

/**
 * Drains a test JVM's output stream on a daemon thread, hands each line to a taker first, and keeps only the last
 * lines that nobody took: a test JVM that prints without end costs the checker no memory.
 */
final class OutputTail {

    static final int LINES = 30;

    private final Deque<String> last = new ArrayDeque<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    private OutputTail(InputStream stream, Predicate<String> taker, String name) {
        Thread drainer = new Thread(() -> drain(stream, taker), name);
        drainer.setDaemon(true);
        drainer.start();
    }

    /** Drains {@code stream}, keeping the last lines for which {@code taker} returns false. */
    static OutputTail of(InputStream stream, Predicate<String> taker, String name) {
        return new OutputTail(stream, taker, name);
    }

    private void drain(InputStream stream, Predicate<String> taker) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, CapturedOutput.childCharset()))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!taker.test(line)) {
                    keep(line);
                }
            }
        } catch (IOException e) {
            keep("[reading the test JVM's output failed: " + e.getMessage() + "]");
        } finally {
            ended.countDown();
        }
    }

    private synchronized void keep(String line) {
        if (last.size() == LINES) {
            last.removeFirst();
        }
        last.addLast(line.length() > 1_000 ? line.substring(0, 1_000) + " [...]" : line);
    }

    /** The last lines kept, oldest first. */
    synchronized List<String> lines() {
        return new ArrayList<>(last);
    }

    /** Waits until the stream has ended; false if the timeout passed first. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
