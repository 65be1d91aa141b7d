package katas.pipe;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import katas.process.SafeSerialization;

/**
 * One end of a pipe between two processes: Java's counterpart of the connections {@code multiprocessing.Pipe()}
 * returns. Messages travel as length-prefixed frames, so each {@link #recvBytes()} returns exactly what one
 * {@link #sendBytes(byte[])} sent, however the operating system splits or joins the bytes on the way.
 *
 * <pre>{@code
 * Connection end = Connection.duplex(process.getInputStream(), process.getOutputStream());
 * end.send("ping");
 * Object reply = end.recv();    // EOFException once the other process has closed its end or exited
 * }</pre>
 */
public final class Connection implements AutoCloseable {

    private static final ObjectInputFilter ALLOWED = SafeSerialization.allowList("katas.pipe.*");
    private static final byte INT_TAG = 'I';
    private static final int INT_FRAME = 1 + Integer.BYTES;
    /** Each look is a system call: twenty take about 15 us, longer than the other side needs to answer. */
    private static final int LOOKS_BEFORE_BLOCKING = 20;

    private final DataInputStream in;
    private final DataOutputStream out;
    private volatile boolean closed;

    private Connection(InputStream in, OutputStream out) {
        this.in = in == null ? null : new DataInputStream(new BufferedInputStream(in));
        this.out = out == null ? null : new DataOutputStream(new BufferedOutputStream(out));
    }

    /** An end that both sends (to {@code out}) and receives (from {@code in}). */
    public static Connection duplex(InputStream in, OutputStream out) {
        return new Connection(requireStream(in), requireStream(out));
    }

    /** An end that can only send: the writing end of a one-way pipe. */
    public static Connection sendOnly(OutputStream out) {
        return new Connection(null, requireStream(out));
    }

    /** An end that can only receive: the reading end of a one-way pipe. */
    public static Connection receiveOnly(InputStream in) {
        return new Connection(requireStream(in), null);
    }

    /**
     * In a child process: a duplex end over this process's standard input and output, which are the pipes its
     * parent holds. From then on {@code System.out} prints to standard error, so a stray {@code println} cannot
     * corrupt the frames.
     */
    public static Connection overStandardStreams() {
        System.setOut(System.err);
        return duplex(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
    }

    private static <T> T requireStream(T stream) {
        if (stream == null) {
            throw new IllegalArgumentException("a connection needs a stream, not null");
        }
        return stream;
    }

    /**
     * Sends one message of raw bytes (possibly empty) and flushes it to the other process.
     *
     * @throws IllegalStateException if this end is closed or can only receive
     * @throws IOException           if the other process has gone (a broken pipe)
     */
    public void sendBytes(byte[] message) throws IOException {
        DataOutputStream sink = requireSending();
        synchronized (sink) {
            sink.writeInt(message.length);
            sink.write(message);
            sink.flush();
        }
    }

    /**
     * Waits for the next message of raw bytes and returns it whole.
     *
     * @throws EOFException          if the other end was closed (or its process exited) before a message came
     * @throws IllegalStateException if this end is closed or can only send
     */
    public byte[] recvBytes() throws IOException {
        DataInputStream source = requireReceiving();
        synchronized (source) {
            lookBeforeBlocking(source);
            int length = source.readInt();   // EOFException here: the stream ended cleanly between messages
            if (length < 0) {
                throw new IOException("corrupt frame: length " + length + ": is something else writing to this pipe?");
            }
            byte[] message = new byte[length];
            try {
                source.readFully(message);
            } catch (EOFException e) {
                throw new EOFException("the stream ended inside a message of " + length + " bytes: the sender died "
                        + "while sending it");
            }
            return message;
        }
    }

    /**
     * A reply is often only microseconds away, while a process that blocks in a read has to be woken and scheduled
     * again when it comes, which here takes longer than the whole exchange (ANSWERS.md, Speed). So look a few times
     * whether a frame has arrived before blocking.
     */
    private static void lookBeforeBlocking(InputStream source) throws IOException {
        for (int looks = 0; looks < LOOKS_BEFORE_BLOCKING && source.available() == 0; looks++) {
            Thread.onSpinWait();
        }
    }

    /**
     * Serializes {@code message} (an Integer in 5 bytes, see {@link #encode}) and sends it as one frame.
     *
     * @throws IllegalArgumentException if the message cannot be serialized (nothing is sent then)
     * @throws IllegalStateException    if this end is closed or can only receive
     * @throws IOException              if the other process has gone
     */
    public void send(Object message) throws IOException {
        requireSending();
        sendBytes(encode(message));
    }

    /**
     * Waits for the next message and deserializes it (JDK value types, collections and {@code katas.pipe.*} only).
     *
     * @throws EOFException          if the other end was closed (or its process exited) before a message came
     * @throws IllegalStateException if this end is closed or can only send
     */
    public Object recv() throws IOException {
        return decode(recvBytes());
    }

    /**
     * Java serialization spends 81 bytes and microseconds on an Integer: a stream header and the class descriptors of
     * Integer and Number, in every message. The commonest message gets 5 bytes instead, a tag and the int, as pickle
     * gives a small int a few bytes. No serialized message starts with the tag: they all start with 0xACED.
     */
    private static byte[] encode(Object message) {
        if (message instanceof Integer number) {
            return ByteBuffer.allocate(INT_FRAME).put(INT_TAG).putInt(number).array();
        }
        return SafeSerialization.toBytes(message);
    }

    /** The message {@link #encode} made these bytes of. */
    private static Object decode(byte[] message) {
        if (message.length == INT_FRAME && message[0] == INT_TAG) {
            return ByteBuffer.wrap(message, 1, Integer.BYTES).getInt();
        }
        return SafeSerialization.fromBytes(message, ALLOWED);
    }

    private DataOutputStream requireSending() {
        requireOpen();
        if (out == null) {
            throw new IllegalStateException("this is the receiving end of a one-way pipe: it cannot send");
        }
        return out;
    }

    private DataInputStream requireReceiving() {
        requireOpen();
        if (in == null) {
            throw new IllegalStateException("this is the sending end of a one-way pipe: it cannot receive");
        }
        return in;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this end of the pipe is closed");
        }
    }

    /** Closes this end: the other process's next receive sees the end of the stream. Closing twice is harmless. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(out);
        closeQuietly(in);
    }

    /**
     * Every send flushed its frame, so a failure here only concerns the leftovers of a send that failed already
     * (the other process has gone): nothing more can be delivered, and closing must not fail for it.
     */
    private static void closeQuietly(Closeable stream) {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        } catch (IOException e) {
            // See above: the peer has gone; the stream's resources are released regardless.
        }
    }
}
