package katas.testjvm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the checker asks of one test JVM, sent on its standard input before any kata class is loaded (so it shows
 * in no process listing, and the learner's code, which runs later in that JVM, cannot read it from there).
 *
 * @param key         the key that signs this JVM's {@link ResultRecords}
 * @param testClasses the folder of the kata's compiled tests
 * @param shard       which share of the tests this JVM runs, from 0
 * @param shards      how many JVMs share them
 * @param lastResults the results of the kata's last run (how long each test took, for an even split), if any
 * @param tempDir     the folder the checker made for this JVM alone, deleted with it
 */
public record TestJvmRequest(String key, Path testClasses, int shard, int shards, Optional<Path> lastResults,
                             Path tempDir) {

    public TestJvmRequest {
        if (shards < 1 || shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("share " + shard + " of " + shards + " does not exist");
        }
    }

    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeUTF(key);
        data.writeUTF(testClasses.toString());
        data.writeInt(shard);
        data.writeInt(shards);
        data.writeUTF(lastResults.map(Path::toString).orElse(""));
        data.writeUTF(tempDir.toString());
        data.flush();
    }

    /** Reads exactly one request: an unbuffered stream, so nothing after it is taken from {@code in}. */
    public static TestJvmRequest readFrom(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        String key = data.readUTF();
        Path testClasses = Path.of(data.readUTF());
        int shard = data.readInt();
        int shards = data.readInt();
        String lastResults = data.readUTF();
        Path tempDir = Path.of(data.readUTF());
        return new TestJvmRequest(key, testClasses, shard, shards,
                lastResults.isEmpty() ? Optional.empty() : Optional.of(Path.of(lastResults)), tempDir);
    }
}
