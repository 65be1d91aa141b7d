package katas.manager;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * GIVEN, complete: you do not need to change it. Two pieces every message between a proxy and the manager is made
 * of, which kata 04 had you write already: a byte array framed by its length, and a {@code host:port} address.
 *
 * <pre>{@code
 * out.writeByte(APPEND);                    // your opcode
 * Frames.writeBytes(out, serializedItem);   // an int length, then the bytes
 * out.flush();
 * ...
 * byte[] item = Frames.readBytes(in);       // on the other side
 * }</pre>
 */
public final class Frames {

    /** The largest byte array a frame may hold: a length beyond it means the stream is out of step. */
    public static final int MAX_BYTES = 64 << 20;

    private Frames() {
    }

    /** Writes {@code bytes} as an int length followed by the bytes. It does not flush. */
    public static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * Reads a byte array that {@link #writeBytes} wrote.
     *
     * @throws IOException if the stream ends first, or the length is negative or above {@link #MAX_BYTES}
     */
    public static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_BYTES) {
            throw new IOException("a frame of " + length + " bytes: the stream is out of step");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /** The socket address of {@code host:port}, as {@link ListManager#address()} gives it. */
    public static InetSocketAddress socketAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon == -1) {
            throw new IllegalArgumentException("not a host:port address: " + hostPort);
        }
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
