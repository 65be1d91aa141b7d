package katas.testjvm;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import katas.process.ProcessTimeline;
import katas.testjvm.Outcome;
import katas.testjvm.TestResult;

/**
 * How test results travel between a test JVM and the checker: a small binary file of length-prefixed fields.
 *
 * <p>Not JSON on purpose: Jackson's first use costs a cold JVM about 80 ms (measured here), and every check starts
 * fresh test JVMs that would each pay it, twice on the way to their first test. This format needs only
 * {@link DataOutputStream}, whose classes every JVM has loaded already.
 */
public final class TestResultsFile {

    /** Format 2 added each test's process timeline; format 1 files (remembered by an older checker) still read. */
    private static final int FORMAT = 2;
    private static final int FORMAT_WITHOUT_TIMELINES = 1;
    private static final int MAX_FIELD_BYTES = 64 << 20;

    private TestResultsFile() {
    }

    public static void write(List<TestResult> results, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(results, out);
        }
    }

    /** The results in this format, as bytes: what one {@link ResultRecords} record carries. */
    static byte[] encode(List<TestResult> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(results, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array does not fail", e);
        }
        return bytes.toByteArray();
    }

    /** The results {@link #encode} made; an IOException if the bytes are not in this format. */
    static List<TestResult> decode(byte[] bytes, String source) throws IOException {
        return read(new ByteArrayInputStream(bytes), source);
    }

    private static void write(List<TestResult> results, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(FORMAT);
        out.writeInt(results.size());
        for (TestResult result : results) {
            writeString(out, result.name());
            writeString(out, result.testClass());
            writeString(out, result.outcome().name());
            writeString(out, result.message());
            out.writeLong(result.millis());
            writeString(out, result.timeline().isEmpty() ? "" : result.timeline().encode());
        }
        out.flush();
    }

    /**
     * The results in {@code file}.
     *
     * @throws IOException if the file is missing, cut short or not in this format
     */
    public static List<TestResult> read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString());
        }
    }

    private static List<TestResult> read(InputStream stream, String source) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int format = in.readInt();
        if (format != FORMAT && format != FORMAT_WITHOUT_TIMELINES) {
            throw new IOException(source + " is not a test results file of format " + FORMAT);
        }
        int count = in.readInt();
        List<TestResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = readString(in);
            String testClass = readString(in);
            Outcome outcome = outcome(readString(in), source);
            TestResult result = new TestResult(name, testClass, outcome, readString(in), in.readLong());
            results.add(format == FORMAT ? result.withTimeline(ProcessTimeline.decode(readString(in))) : result);
        }
        return results;
    }

    /** {@link DataOutputStream#writeUTF} stops at 64 KB; a failure message with a long output can be longer. */
    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FIELD_BYTES) {
            throw new IOException("a field of " + length + " bytes: the results file is damaged");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("the results file ends in the middle of a field");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Outcome outcome(String name, String source) throws IOException {
        try {
            return Outcome.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + " names an unknown outcome '" + name + "'", e);
        }
    }
}
