package katas.logging;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.ErrorManager;
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
 * The wire format between this handler and your {@link LogListener} is yours to choose: both ends are yours. Every
 * method that throws "TODO task N" is yours to write, task by task (see the README).
 */
public class ParentHandler extends Handler {

    private final OutputStream toParent;

    /** A handler that sends each record to the parent on {@code toParent}. */
    public ParentHandler(OutputStream toParent) {
        this.toParent = toParent;
    }

    /**
     * Makes this process log to its parent: {@link #install(OutputStream)} over the process's own standard output.
     * (Task 3: and {@link System#out} pointed at the standard error, so that a stray {@code println} cannot land in
     * the middle of a record.)
     */
    public static ParentHandler install() {
        return install(new FileOutputStream(FileDescriptor.out));
    }

    /**
     * Makes a {@code ParentHandler} over {@code toParent} the one handler of the root logger, so that every logger of
     * this process sends its records there, and returns it.
     */
    public static ParentHandler install(OutputStream toParent) {
        Logger root = Logger.getLogger("");
        for (Handler old : root.getHandlers()) {
            root.removeHandler(old);
        }
        ParentHandler handler = new ParentHandler(toParent);
        root.addHandler(handler);
        return handler;
    }

    /** Sends the record to the parent: for now, its message as a line of text. */
    @Override
    public synchronized void publish(LogRecord record) {
        try {
            toParent.write((record.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            toParent.flush();
        } catch (IOException e) {
            reportError("cannot send a record to the parent", e, ErrorManager.WRITE_FAILURE);
        }
    }

    /** Pushes whatever this handler holds on to the parent. */
    @Override
    public synchronized void flush() {
        try {
            toParent.flush();
        } catch (IOException e) {
            reportError("cannot flush the records to the parent", e, ErrorManager.FLUSH_FAILURE);
        }
    }

    /** Flushes; the JVM's shutdown calls it for the root logger's handlers. */
    @Override
    public void close() {
        flush();
    }
}
