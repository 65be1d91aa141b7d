package katas.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Drains a stream line by line on a daemon thread and keeps the lines.
 *
 * <p>A pipe between processes holds only a few KiB; a child whose output nobody reads blocks on its next write
 * and never exits. Draining continuously, instead of reading after {@code waitFor()}, avoids that deadlock.
 */
public final class CapturedOutput {

    private final List<String> lines = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile IOException failure;

    private CapturedOutput(InputStream stream, Charset charset, String name) {
        Thread drainer = new Thread(() -> drain(stream, charset), name);
        drainer.setDaemon(true);
        drainer.start();
    }

    /** Starts draining {@code stream}, decoded with the charset a child JVM writes its output in. */
    public static CapturedOutput of(InputStream stream, String name) {
        return new CapturedOutput(stream, childCharset(), name);
    }

    /** The charset a child JVM writes its standard output and error in: the platform's native one. */
    public static Charset childCharset() {
        return Charset.forName(System.getProperty("native.encoding", Charset.defaultCharset().name()));
    }

    private void drain(InputStream stream, Charset charset) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, charset))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            ended.countDown();
        }
    }

    /** The lines read so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The lines read so far, joined with {@code \n}. */
    public String text() {
        return String.join("\n", lines());
    }

    /** Waits until a line matching {@code condition} has been read; false if the timeout passed first. */
    public boolean awaitLine(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (lines.stream().noneMatch(condition)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended.getCount() == 0 && lines.stream().noneMatch(condition)) {
                    return lines.stream().anyMatch(condition);
                }
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            return true;
        }
    }

    /** Waits until the stream has ended (the writer closed it or exited); false if the timeout passed first. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        boolean done = ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (done && failure != null) {
            throw new UncheckedIOException("reading the child's output failed", failure);
        }
        return done;
    }
}
