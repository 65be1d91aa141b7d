package katas.checker.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import katas.checker.model.Kata;

/**
 * Puts a kata's stub back as shipped, or copies it elsewhere. The content comes from the git repository itself,
 * by the blob ids recorded in {@code katas/checksums.json} (a file the learner has not changed is taken as it
 * is); the learner's files are first copied to a backup folder, so nothing is lost.
 */
public final class StubRestorer {

    private final Path root;

    public StubRestorer(Path root) {
        this.root = root;
    }

    /** What a reset would change: files that differ from the stub, or were added. */
    public List<String> changes(Kata kata) {
        return Checksums.differences(kata.dir(), kata.mainSources(), Checksums.load(root).of(kata).stub());
    }

    /**
     * Restores the stub, after backing up the current sources.
     *
     * @return the backup folder
     */
    public Path reset(Kata kata) throws InterruptedException {
        Map<String, byte[]> contents = shippedStub(kata);
        Path backup = kata.dir().resolve("target/reset-backups")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try {
            FileTrees.copy(kata.dir().resolve("src/main"), backup.resolve("src/main"));
            for (Path file : SourceFingerprint.javaFiles(kata.mainSources())) {
                Files.delete(file);
            }
            for (Map.Entry<String, byte[]> file : contents.entrySet()) {
                Path target = kata.dir().resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reset of " + kata.slug() + " failed; your files are in " + backup, e);
        }
        return backup;
    }

    /**
     * Writes the kata's stub as shipped into {@code to}, as it is in the kata's folder ({@code src/main/java/...}),
     * whatever the learner has made of it in {@code katas/}, which stays as it is.
     *
     * @return the files written, relative to {@code to}, in order
     */
    public List<String> copyStub(Kata kata, Path to) throws InterruptedException {
        Map<String, byte[]> contents = shippedStub(kata);
        try {
            for (Map.Entry<String, byte[]> file : contents.entrySet()) {
                Path target = to.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the stub of " + kata.slug() + " to " + to, e);
        }
        return List.copyOf(contents.keySet());
    }

    /**
     * The stub's files as shipped, by path relative to the kata's folder: a file on disk that still has the
     * recorded content as it is, any other from git.
     */
    private Map<String, byte[]> shippedStub(Kata kata) throws InterruptedException {
        Map<String, Checksums.FileSum> stub = Checksums.load(root).of(kata).stub();
        Map<String, byte[]> contents = new java.util.TreeMap<>();
        for (Map.Entry<String, Checksums.FileSum> file : stub.entrySet()) {
            Optional<byte[]> untouched = untouched(kata.dir().resolve(file.getKey()), file.getValue());
            contents.put(file.getKey(), untouched.isPresent() ? untouched.get()
                    : gitBlob(file.getValue().gitBlob(), file.getKey()));
        }
        return contents;
    }

    private static Optional<byte[]> untouched(Path file, Checksums.FileSum shipped) {
        try {
            byte[] content = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            return content != null && Checksums.sumOf(content).equals(shipped.sha256()) ? Optional.of(content)
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // then git has it
        }
    }

    private byte[] gitBlob(String id, String path) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "cat-file", "blob", id));
        try {
            Process git = new ProcessBuilder(command).directory(root.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            git.getOutputStream().close();
            byte[] content;
            try (InputStream in = git.getInputStream()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                content = bytes.toByteArray();
            }
            if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
                git.destroyForcibly();
                throw new IllegalStateException("the stub's " + path + " is not in this git repository (blob " + id
                        + "), so it cannot be restored: is this a git clone of the katas?");
            }
            return content;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run git to restore the stub (is git installed?): "
                    + e.getMessage(), e);
        }
    }
}
