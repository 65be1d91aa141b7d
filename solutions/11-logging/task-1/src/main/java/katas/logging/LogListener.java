package katas.logging;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import katas.process.CapturedOutput;
import katas.process.JavaProcess;

/**
 * The parent's side of the pattern: starts child JVMs, receives the records each one sends through its
 * {@link ParentHandler}, and writes them all to one file, one line per record. Python's {@code QueueListener}.
 *
 * <pre>{@code
 * try (LogListener listener = LogListener.writingTo(Path.of("all.log"))) {
 *     listener.start("worker-1", Worker.class, "1000");
 *     listener.start("worker-2", Worker.class, "1000");
 * }   // close(): waits for the children, writes their last records, closes the file
 * }</pre>
 *
 * Every method that throws "TODO task N" is yours to write, task by task (see the README).
 */
public final class LogListener implements AutoCloseable {

    private final BufferedWriter file;
    private final List<Process> children = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();

    private LogListener(BufferedWriter file) {
        this.file = file;
    }

    /** A listener that writes to {@code file}, created or emptied. */
    public static LogListener writingTo(Path file) throws IOException {
        return new LogListener(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    /**
     * Starts {@code mainClass.main(args)} in a child JVM called {@code name}, and a reader for the records it sends.
     *
     * @return the child process
     */
    public synchronized Process start(String name, Class<?> mainClass, String... args) throws IOException {
        Process child = JavaProcess.of(mainClass).withArgs(args).start();
        child.getOutputStream().close();
        CapturedOutput.of(child.getErrorStream(), "stderr of " + name);
        Thread reader = new Thread(() -> receive(child), "log records of " + name);
        reader.start();
        children.add(child);
        readers.add(reader);
        return child;
    }

    private void receive(Process child) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                write(text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void write(String text) {
        try {
            file.write(text);
            file.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until every child has exited and its last record is written, then closes the file. */
    @Override
    public void close() throws IOException, InterruptedException {
        for (Process child : children) {
            child.waitFor();
        }
        for (Thread reader : readers) {
            reader.join();
        }
        synchronized (this) {
            file.close();
        }
    }

    /**
     * One record as one line of the log: {@code <when> <name> (pid <pid>) <level> <logger>: <message>}, with every
     * {@code \r} and {@code \n} of the message written as the two characters {@code \r} and {@code \n}.
     */
    static String line(Instant when, String name, long pid, String level, String logger, String message) {
        throw new UnsupportedOperationException("TODO task 2: line(...): one record as one line of the log");
    }
}
