package katas.checker.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import katas.checker.model.Kata;

/**
 * The checked-in record of every kata's test files and stub files ({@code katas/checksums.json}): a SHA-256 of
 * each file's content with line endings normalised, so a test file changed by a learner is detected, and the git
 * blob id of each stub file, so {@code ./kata reset} can restore the stub as shipped from the repository itself.
 */
public final class Checksums {

    static final String FILE = "katas/checksums.json";

    /** One file: the hash of its content, and its git blob id. */
    public record FileSum(String sha256, String gitBlob) {
    }

    /** One kata's files, by path relative to the kata's folder. */
    public record KataSums(Map<String, FileSum> tests, Map<String, FileSum> stub) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Map<String, KataSums> katas;

    private Checksums(Map<String, KataSums> katas) {
        this.katas = katas;
    }

    /** Reads the checked-in checksums; none at all is an error that says how to make them. */
    public static Checksums load(Path root) {
        Path file = root.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(FILE + " is missing: maintainers create it with ./kata checksums --write");
        }
        try {
            return new Checksums(JSON.readValue(file.toFile(),
                    JSON.getTypeFactory().constructMapType(TreeMap.class, String.class, KataSums.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(FILE + " is not valid: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Computes the checksums of the katas as they are on disk now. */
    public static Checksums compute(List<Kata> katas) {
        Map<String, KataSums> sums = new TreeMap<>();
        for (Kata kata : katas) {
            sums.put(kata.slug(), new KataSums(sumsUnder(kata.dir(), kata.testSources()),
                    sumsUnder(kata.dir(), kata.mainSources())));
        }
        return new Checksums(sums);
    }

    public void write(Path root) {
        try {
            Files.writeString(root.resolve(FILE), JSON.writeValueAsString(katas) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }

    /** The slugs of the katas it has sums for, in order. */
    public List<String> katas() {
        return List.copyOf(katas.keySet());
    }

    public KataSums of(Kata kata) {
        KataSums sums = katas.get(kata.slug());
        if (sums == null) {
            throw new IllegalStateException(FILE + " has no entry for " + kata.slug()
                    + ": maintainers refresh it with ./kata checksums --write");
        }
        return sums;
    }

    /**
     * The differences between the files of a kata on disk and their recorded sums: changed, added or missing
     * files, each as a short line; empty when they match.
     */
    public static List<String> differences(Path kataDir, Path sourceRoot, Map<String, FileSum> expected) {
        Map<String, FileSum> actual = sumsUnder(kataDir, sourceRoot);
        List<String> differences = new ArrayList<>();
        expected.forEach((path, sum) -> {
            FileSum now = actual.get(path);
            if (now == null) {
                differences.add("missing: " + path);
            } else if (!now.sha256().equals(sum.sha256())) {
                differences.add("changed: " + path);
            }
        });
        actual.keySet().stream().filter(path -> !expected.containsKey(path))
                .forEach(path -> differences.add("added: " + path));
        return differences;
    }

    private static Map<String, FileSum> sumsUnder(Path kataDir, Path sourceRoot) {
        Map<String, FileSum> sums = new TreeMap<>();
        for (Path file : SourceFingerprint.javaFiles(sourceRoot)) {
            try {
                byte[] content = normalised(Files.readAllBytes(file));
                sums.put(kataDir.relativize(file).toString().replace('\\', '/'),
                        new FileSum(Hashes.hex(Hashes.sha256().digest(content)), gitBlobId(content)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return sums;
    }

    /** The SHA-256 a file with this content has in the checksums (line endings normalised). */
    static String sumOf(byte[] content) {
        return Hashes.hex(Hashes.sha256().digest(normalised(content)));
    }

    /** Line endings as the repository stores them (LF), so a Windows checkout has the same sums. */
    static byte[] normalised(byte[] content) {
        return new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The id git gives a file's content: SHA-1 of {@code "blob <length>\0"} followed by the content. */
    static String gitBlobId(byte[] content) {
        MessageDigest sha1 = Hashes.sha1();
        sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
        return Hashes.hex(sha1.digest(content));
    }
}
