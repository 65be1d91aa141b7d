package katas.logging;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The child's side of the pattern: a {@code java.util.logging} handler that sends every record to the parent
 * process, which writes the records of all its children to one place. Python's {@code QueueHandler}.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     ParentHandler.install();                         // first thing in the child's main
 *     Logger.getLogger("worker").info("started");      // reaches the parent's LogListener
 * }
 * }</pre>
 *
 * <p>Wire format, one frame per record, written with a single {@code write} and flushed at once:
 * {@code int length, length bytes} holding {@code long pid, long epochSecond, int nano, UTF level, UTF logger,
 * int n, n bytes of the UTF-8 message}.
 */
public class ParentHandler extends Handler {

    /** What a record's message becomes: its text with the parameters filled in, and the exception if any. */
    private static final Formatter MESSAGE = new Formatter() {
        @Override
        public String format(LogRecord record) {
            String message = formatMessage(record);
            return record.getThrown() == null ? message : message + " | " + record.getThrown();
        }
    };

    private final OutputStream toParent;
    private final long pid = ProcessHandle.current().pid();

    /** A handler that writes each record, framed, to {@code toParent}. */
    public ParentHandler(OutputStream toParent) {
        this.toParent = toParent;
        setFormatter(MESSAGE);
    }

    /**
     * Makes this process log to its parent: the root logger gets a handler over the process's own standard output
     * (and no other handler), and {@link System#out} is pointed at the standard error, so that a stray
     * {@code println} cannot land in the middle of a record.
     */
    public static ParentHandler install() {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        return install(stdout);
    }

    /** Makes {@code toParent} the one destination of every logger of this process (the root logger's only handler). */
    public static ParentHandler install(OutputStream toParent) {
        Logger root = Logger.getLogger("");
        for (Handler old : root.getHandlers()) {
            root.removeHandler(old);
            old.close();
        }
        ParentHandler handler = new ParentHandler(toParent);
        root.addHandler(handler);
        return handler;
    }

    /** Sends the record as one frame, and flushes it: a record held in a buffer dies with the process. */
    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        try {
            toParent.write(frame(record));
            toParent.flush();
        } catch (IOException | RuntimeException e) {
            reportError("cannot send a record to the parent", e instanceof Exception ? (Exception) e : null,
                    ErrorManager.WRITE_FAILURE);
        }
    }

    private byte[] frame(LogRecord record) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        DataOutputStream fields = new DataOutputStream(payload);
        Instant when = record.getInstant();
        fields.writeLong(pid);
        fields.writeLong(when.getEpochSecond());
        fields.writeInt(when.getNano());
        fields.writeUTF(record.getLevel().getName());
        fields.writeUTF(record.getLoggerName() == null || record.getLoggerName().isEmpty()
                ? "root" : record.getLoggerName());
        byte[] message = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        fields.writeInt(message.length);
        fields.write(message);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.size() + 4);
        new DataOutputStream(frame).writeInt(payload.size());
        payload.writeTo(frame);
        return frame.toByteArray();
    }

    @Override
    public synchronized void flush() {
        try {
            toParent.flush();
        } catch (IOException e) {
            reportError("cannot flush the records to the parent", e, ErrorManager.FLUSH_FAILURE);
        }
    }

    @Override
    public synchronized void close() {
        flush();
    }
}
