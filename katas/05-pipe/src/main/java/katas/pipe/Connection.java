package katas.pipe;

import java.io.EOFException;
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
 *
 * Read README.md first. Everything below that throws "TODO task N" is yours to write, in task N.
 * {@link #send(Object)} and {@link #recv()} are given: they turn objects into frames and back.
 */
public final class Connection implements AutoCloseable {

    /** What recv() deserializes: JDK value types, collections and classes of katas.pipe; nothing else. */
    private static final ObjectInputFilter ALLOWED = SafeSerialization.allowList("katas.pipe.*");
    private static final byte INT_TAG = 'I';
    private static final int INT_FRAME = 1 + Integer.BYTES;

    private Connection() {
    }

    /** An end that both sends (to {@code out}) and receives (from {@code in}). */
    public static Connection duplex(InputStream in, OutputStream out) {
        throw new UnsupportedOperationException("TODO task 1: an end that reads frames from in and writes them to "
                + "out");
    }

    /** An end that can only send: the writing end of a one-way pipe. */
    public static Connection sendOnly(OutputStream out) {
        throw new UnsupportedOperationException("TODO task 3: an end that writes frames to out and never reads");
    }

    /** An end that can only receive: the reading end of a one-way pipe. */
    public static Connection receiveOnly(InputStream in) {
        throw new UnsupportedOperationException("TODO task 3: an end that reads frames from in and never writes");
    }

    /**
     * In a child process: a duplex end over this process's standard input and output, which are the pipes its
     * parent holds. From then on {@code System.out} prints to standard error, so a stray {@code println} cannot
     * corrupt the frames.
     */
    public static Connection overStandardStreams() {
        throw new UnsupportedOperationException("TODO task 1: a duplex end over FileDescriptor.in and "
                + "FileDescriptor.out (task 2: and point System.out at System.err)");
    }

    /**
     * Sends one message of raw bytes (possibly empty) and flushes it to the other process.
     *
     * @throws IllegalStateException if this end is closed or can only receive
     * @throws IOException           if the other process has gone (a broken pipe)
     */
    public void sendBytes(byte[] message) throws IOException {
        throw new UnsupportedOperationException("TODO task 1: write the length, then the bytes, then flush");
    }

    /**
     * Waits for the next message of raw bytes and returns it whole.
     *
     * @throws EOFException          if the other end was closed (or its process exited) before a message came
     * @throws IllegalStateException if this end is closed or can only send
     */
    public byte[] recvBytes() throws IOException {
        throw new UnsupportedOperationException("TODO task 1: read the length, then exactly that many bytes");
    }

    /**
     * Given. Serializes {@code message} (an Integer in 5 bytes, see {@link #encode}) and sends it as one frame.
     *
     * @throws IllegalArgumentException if the message cannot be serialized (nothing is sent then)
     * @throws IllegalStateException    if this end is closed or can only receive
     * @throws IOException              if the other process has gone
     */
    public void send(Object message) throws IOException {
        sendBytes(encode(message));
    }

    /**
     * Given. Waits for the next message and deserializes it (JDK value types, collections and {@code katas.pipe.*}
     * only: any other class is refused before any of its code runs).
     *
     * @throws EOFException          if the other end was closed (or its process exited) before a message came
     * @throws IllegalStateException if this end is closed or can only send
     */
    public Object recv() throws IOException {
        return decode(recvBytes());
    }

    /**
     * Given. Java serialization spends 81 bytes and microseconds on an Integer: a stream header and the class
     * descriptors of Integer and Number, in every message. The commonest message gets 5 bytes instead, a tag and the
     * int, as pickle gives a small int a few bytes. No serialized message starts with the tag: they all start with
     * 0xACED.
     */
    private static byte[] encode(Object message) {
        if (message instanceof Integer number) {
            return ByteBuffer.allocate(INT_FRAME).put(INT_TAG).putInt(number).array();
        }
        return SafeSerialization.toBytes(message);
    }

    /** Given. The message {@link #encode} made these bytes of. */
    private static Object decode(byte[] message) {
        if (message.length == INT_FRAME && message[0] == INT_TAG) {
            return ByteBuffer.wrap(message, 1, Integer.BYTES).getInt();
        }
        return SafeSerialization.fromBytes(message, ALLOWED);
    }

    /** Closes this end: the other process's next receive sees the end of the stream. Closing twice is harmless. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO task 1: close the streams (task 5: later calls fail clearly)");
    }
}
