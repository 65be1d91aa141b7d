package katas.checker.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A SHA-256 over the Java files under some folders: names and contents. Equal fingerprints, equal code. */
public final class SourceFingerprint {

    private SourceFingerprint() {
    }

    public static String of(Path... roots) {
        MessageDigest digest = Hashes.sha256();
        for (Path root : roots) {
            for (Path file : javaFiles(root)) {
                digest.update(root.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                try {
                    digest.update(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
                digest.update((byte) 0);
            }
            digest.update((byte) 1);
        }
        return Hashes.hex(digest.digest());
    }

    /** Every {@code .java} file under {@code root}, in a stable order; none if the folder does not exist. */
    public static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
