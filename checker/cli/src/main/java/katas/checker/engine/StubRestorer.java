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
import java.util.concurrent.TimeUnit;
import katas.checker.model.Kata;

/**
 * Puts a kata's stub back as shipped. The content comes from the git repository itself, by the blob ids recorded
 * in {@code katas/checksums.json}; the learner's files are first copied to a backup folder, so nothing is lost.
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
        Map<String, Checksums.FileSum> stub = Checksums.load(root).of(kata).stub();
        Map<String, byte[]> contents = new java.util.TreeMap<>();
        for (Map.Entry<String, Checksums.FileSum> file : stub.entrySet()) {
            contents.put(file.getKey(), gitBlob(file.getValue().gitBlob(), file.getKey()));
        }
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
