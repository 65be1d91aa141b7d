package katas.exceptions;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * What a worker sends back for one task, as it crosses the worker's standard output. Given: you do not need to
 * change it.
 *
 * <p>A reply is a result or a failure. A result carries the serialized value. A failure carries two blobs: the
 * serialized exception (empty if it could not be serialized) and, from task 4 on, a serialized
 * {@link StandInException} for it, which can always be written and read.
 *
 * <p>On the pipe, after the task id the pool frames it with: {@code boolean failed, int length, the payload's
 * bytes, int length, the stand-in's bytes}.
 *
 * @param failed  whether the task failed
 * @param payload the serialized result, or the serialized exception (empty if it could not be serialized)
 * @param standIn a serialized {@link StandInException} for the exception; empty for a result
 */
public record Reply(boolean failed, byte[] payload, byte[] standIn) {

    private static final byte[] NONE = new byte[0];

    /** The reply for a task that returned: its serialized result. */
    public static Reply success(byte[] result) {
        return new Reply(false, result, NONE);
    }

    /** The reply for a task that threw: the serialized exception, without a stand-in. */
    public static Reply failure(byte[] exception) {
        return new Reply(true, exception, NONE);
    }

    /** The reply for a task that threw: the serialized exception (maybe empty) and a serialized stand-in for it. */
    public static Reply failure(byte[] exception, byte[] standIn) {
        return new Reply(true, exception, standIn);
    }

    /** Writes this reply (it runs in the worker). */
    void writeTo(DataOutputStream out) throws IOException {
        out.writeBoolean(failed);
        writeBlob(out, payload);
        writeBlob(out, standIn);
    }

    /** Reads a reply that {@link #writeTo} wrote (it runs in the pool). */
    static Reply readFrom(DataInputStream in) throws IOException {
        boolean failed = in.readBoolean();
        byte[] payload = readBlob(in);
        return new Reply(failed, payload, readBlob(in));
    }

    private static void writeBlob(DataOutputStream out, byte[] blob) throws IOException {
        out.writeInt(blob.length);
        out.write(blob);
    }

    private static byte[] readBlob(DataInputStream in) throws IOException {
        return in.readNBytes(in.readInt());
    }
}
