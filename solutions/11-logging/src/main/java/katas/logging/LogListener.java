package katas.logging;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * <p>Each line: {@code <instant> <name> (pid <pid>) <LEVEL> <logger>: <message>}, with the line breaks of the
 * message written as the two characters {@code \n} (and {@code \r}).
 */
public final class LogListener implements AutoCloseable {

    /** A frame longer than this is not a record: the stream is corrupt. */
    private static final int MAX_FRAME = 16 * 1024 * 1024;

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
        child.getOutputStream().close();
        CapturedOutput.of(child.getErrorStream(), "stderr of " + name);
        Thread reader = new Thread(() -> receive(name, child), "log records of " + name);
        reader.setDaemon(true);
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
                    return;
                }
                int length = header.length < 4 ? -1 : new DataInputStream(new ByteArrayInputStream(header)).readInt();
                if (length < 0 || length > MAX_FRAME) {
                    note(name, child.pid(), "the process sent something that is not a record (" + header.length
                            + " bytes of a frame header, length " + length + "): the rest of its stream is dropped");
                    in.transferTo(OutputStream.nullOutputStream()); // read to the end, or the child blocks on a full pipe
                    return;
                }
                byte[] payload = in.readNBytes(length);
                if (payload.length < length) {
                    note(name, child.pid(), "the process ended in the middle of a record: its " + payload.length
                            + " of " + length + " bytes were dropped");
                    return;
                }
                write(line(name, payload));
            }
        } catch (IOException e) {
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
            file.newLine();
            file.flush();
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
