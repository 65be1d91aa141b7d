package katas.testjvm;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import katas.testjvm.TestResult;

/**
 * How a test JVM reports to the checker: one line per event on the JVM's standard output, each beginning with a
 * key that the checker sent on the JVM's standard input and that nothing else in that JVM has seen.
 *
 * <p>The learner's code runs inside the test JVM, so anything it can write could claim to be a result. It cannot
 * learn the key: the runner reads it before any kata class is loaded, it is on no command line, in no property,
 * file or environment variable, and the pipe it travels on back to the checker can be written to but not read
 * from inside the JVM. A line without the key is output like any other, never a result.
 *
 * <p>The events: the {@link Kind#PLAN} (every test the kata has, sent before any test runs), each test's
 * {@link Kind#START} and {@link Kind#RESULT}, and the {@link Kind#END} of the run.
 */
public final class ResultRecords {

    /** What a record says. */
    public enum Kind { PLAN, START, RESULT, END }

    /** One record: its kind and its content (test keys, or a result in the {@link TestResultsFile} format). */
    public record Record(Kind kind, byte[] payload) {

        /** The test keys of a PLAN or START record, one per line. */
        public List<String> keys() {
            String text = new String(payload, StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        }

        /** The result of a RESULT record. */
        public TestResult result() throws IOException {
            List<TestResult> results = TestResultsFile.decode(payload, "a result record");
            if (results.size() != 1) {
                throw new IOException("a result record holds " + results.size() + " results, not one");
            }
            return results.get(0);
        }
    }

    private static final char MARK = '\u0001';
    private final String key;

    private ResultRecords(String key) {
        this.key = key;
    }

    /** Records signed with {@code key}: a word of letters and digits. */
    public static ResultRecords withKey(String key) {
        if (!key.matches("[A-Za-z0-9]{16,}")) {
            throw new IllegalArgumentException("a record key is 16 or more letters and digits");
        }
        return new ResultRecords(key);
    }

    /** Records with a fresh random key, for one test JVM. */
    public static ResultRecords withRandomKey() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return new ResultRecords(HexFormat.of().formatHex(bytes));
    }

    /** The key, for the checker to send to the test JVM. */
    public String key() {
        return key;
    }

    /** The line for a record, ready to write: it starts on a line of its own, whatever was written before it. */
    byte[] line(Kind kind, byte[] payload) {
        String text = "\n" + MARK + key + " " + kind + " " + Base64.getEncoder().encodeToString(payload) + "\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    byte[] plan(List<String> keys) {
        return line(Kind.PLAN, String.join("\n", keys).getBytes(StandardCharsets.UTF_8));
    }

    byte[] start(String testKey) {
        return line(Kind.START, testKey.getBytes(StandardCharsets.UTF_8));
    }

    byte[] result(TestResult result) {
        return line(Kind.RESULT, TestResultsFile.encode(List.of(result)));
    }

    byte[] end() {
        return line(Kind.END, new byte[0]);
    }

    /** Writes a record as one write, so that it reaches the pipe whole. */
    static void write(OutputStream out, byte[] line) {
        try {
            out.write(line);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the channel to the checker is closed", e);
        }
    }

    /** The record in a line of output, if the line is one signed with this key; empty for any other line. */
    public Optional<Record> parse(String line) {
        String prefix = MARK + key + " ";
        int at = line.indexOf(prefix);
        if (at < 0) {
            return Optional.empty();
        }
        String[] parts = line.substring(at + prefix.length()).split(" ", 2);
        try {
            Kind kind = Kind.valueOf(parts[0]);
            byte[] payload = parts.length > 1 ? Base64.getDecoder().decode(parts[1].strip()) : new byte[0];
            return Optional.of(new Record(kind, payload));
        } catch (IllegalArgumentException damaged) {
            return Optional.empty();
        }
    }
}
