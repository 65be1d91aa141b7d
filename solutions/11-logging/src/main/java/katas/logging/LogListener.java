package katas.logging;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
 * <p>Each line: {@code <instant> <name> (pid <pid>) <LEVEL> <logger>: <message>}, with the line breaks of the
 * message written as the two characters {@code \n} (and {@code \r}).
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
     * Starts {@code mainClass.main(args)} in a child JVM called {@code name}, and a reader for the records it sends
     * (on its standard output).
     *
     * @return the child process
     */
    public synchronized Process start(String name, Class<?> mainClass, String... args) throws IOException {
        Process child = JavaProcess.of(mainClass).withArgs(args).start();
        CapturedOutput.of(child.getErrorStream(), "stderr of " + name);
        Thread reader = new Thread(() -> receive(name, child), "log records of " + name);
        reader.start();
        children.add(child);
        readers.add(reader);
        return child;
    }

    /** Reads the child's frames until its stream ends, and writes each record as a line. */
    private void receive(String name, Process child) {
        try (InputStream in = new BufferedInputStream(child.getInputStream())) {
            while (true) {
                byte[] header = in.readNBytes(4);
                if (header.length == 0) {
                    return; // the child ended between two records
                }
                if (header.length < 4) {
                    note(name, child.pid(), "the process ended in the middle of a record's header");
                    return;
                }
                int length = ByteBuffer.wrap(header).getInt();
                byte[] payload = in.readNBytes(length); // all that is left if the child died in the middle
                if (payload.length < length) {
                    note(name, child.pid(), "the process ended in the middle of a record: its " + payload.length
                            + " of " + length + " bytes were dropped");
                    return;
                }
                write(line(name, payload));
            }
        } catch (IOException | IllegalArgumentException e) {
            // a broken pipe, or a length that is not one (negative): the stream is not records any more
            note(name, child.pid(), "reading its records failed: " + e);
        }
    }

    private static String line(String name, byte[] payload) throws IOException {
        DataInputStream fields = new DataInputStream(new ByteArrayInputStream(payload));
        long pid = fields.readLong();
        Instant when = Instant.ofEpochSecond(fields.readLong(), fields.readInt());
        String level = fields.readUTF();
        String logger = fields.readUTF();
        String message = new String(fields.readNBytes(fields.readInt()), StandardCharsets.UTF_8);
        return line(when, name, pid, level, logger, message);
    }

    /**
     * One record as one line of the log: {@code <when> <name> (pid <pid>) <level> <logger>: <message>}, with every
     * {@code \r} and {@code \n} of the message written as the two characters {@code \r} and {@code \n}.
     */
    static String line(Instant when, String name, long pid, String level, String logger, String message) {
        return when + " " + name + " (pid " + pid + ") " + level + " " + logger + ": "
                + message.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** A line of the listener's own about a child's stream, in the same format. */
    private void note(String name, long pid, String what) {
        write(line(Instant.now(), name, pid, "WARNING", LogListener.class.getName(), what));
    }

    /** The one writer: whole lines, one at a time, whichever reader calls. */
    private synchronized void write(String line) {
        try {
            file.write(line);
            file.newLine(); // the buffer goes to the file when full, and at close()
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log file", e);
        }
    }

    /** Waits until every child has exited and its last record is written, then closes the file. */
    @Override
    public void close() throws IOException, InterruptedException {
        List<Process> started;
        List<Thread> reading;
        synchronized (this) {
            started = List.copyOf(children);
            reading = List.copyOf(readers);
        }
        for (Process child : started) {
            child.waitFor();
        }
        for (Thread reader : reading) {
            reader.join();
        }
        synchronized (this) {
            file.close();
        }
    }
}
