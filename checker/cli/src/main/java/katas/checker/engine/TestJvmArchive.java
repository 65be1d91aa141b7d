package katas.checker.engine;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import katas.process.JavaProcess;
import katas.process.ProcessTree;

/**
 * A class-data-sharing archive for the test JVMs: the JDK's, JUnit's, AssertJ's and the test kit's classes that every
 * test JVM loads, kept in the form the JVM holds them in memory. A test JVM maps the archive instead of loading,
 * verifying and linking those classes again, which takes about a tenth of a second off every check.
 *
 * <p>The first test JVM writes the list of classes it loaded; from it the archive is made once, and used from then
 * on. A JVM can archive classes only from jars, so there is no archive when a tool comes from a folder (the checker's
 * own tests), nor for the kata's classes, which come after the tools on the classpath. The archive's name is a hash
 * of the JDK and the tools' jars: a new JDK or rebuilt tools make a new one.
 */
final class TestJvmArchive {

    private static final long DUMP_LIMIT_SECONDS = 60;

    private final Path dir;
    private final String toolClasspath;
    private final String name;

    private TestJvmArchive(Path dir, String toolClasspath, String name) {
        this.dir = dir;
        this.toolClasspath = toolClasspath;
        this.name = name;
    }

    /** The archive for these tools, kept in {@code dir}; empty when a tool is not a jar. */
    static Optional<TestJvmArchive> of(Path dir, String toolClasspath) {
        StringBuilder identity = new StringBuilder(System.getProperty("java.home"))
                .append('\n').append(System.getProperty("java.vm.version"));
        for (String entry : toolClasspath.split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
                return Optional.empty();
            }
            try {
                identity.append('\n').append(entry).append(' ').append(Files.size(jar)).append(' ')
                        .append(Files.getLastModifiedTime(jar).toMillis());
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new TestJvmArchive(dir, toolClasspath, "test-jvm-" + sha256(identity).substring(0, 16)));
    }

    private Path archive() {
        return dir.resolve(name + ".jsa");
    }

    private Path classList() {
        return dir.resolve(name + ".classlist");
    }

    private Path failed() {
        return dir.resolve(name + ".failed");
    }

    /**
     * The options that make a test JVM use the archive; without an archive yet, the first test JVM
     * ({@code recordsClasses}) writes the list of classes to make it from.
     */
    List<String> jvmOptions(boolean recordsClasses) {
        if (Files.isRegularFile(archive())) {
            return List.of("-XX:SharedArchiveFile=" + archive(), "-Xshare:auto", "-Xlog:cds*=off");
        }
        if (recordsClasses && !Files.exists(failed()) && !Files.exists(classList())) {
            try {
                Files.createDirectories(dir);
                return List.of("-XX:DumpLoadedClassList=" + classList());
            } catch (IOException e) {
                return List.of();
            }
        }
        return List.of();
    }

    /**
     * Makes the archive from the recorded class list, if there is a list and no archive yet. Takes a second or two,
     * once; a failure is remembered, so that it is not tried again for these tools.
     */
    void createIfMissing() throws InterruptedException {
        if (Files.isRegularFile(archive()) || !Files.isRegularFile(classList()) || Files.exists(failed())) {
            return;
        }
        Path partial = dir.resolve(name + "." + ProcessHandle.current().pid() + ".partial");
        List<String> command = List.of(JavaProcess.javaBinary().toString(), "-Xshare:dump",
                "-XX:SharedClassListFile=" + classList(), "-XX:SharedArchiveFile=" + partial, "-Xlog:cds*=off",
                "-cp", toolClasspath);
        try {
            Process dump = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean done = dump.waitFor(DUMP_LIMIT_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                ProcessTree.kill(dump.toHandle());
            }
            if (done && dump.exitValue() == 0 && Files.isRegularFile(partial)) {
                Files.move(partial, archive(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                deleteOthers();
            } else {
                QuietFiles.write(failed(), "java -Xshare:dump did not make an archive: " + command);
            }
        } catch (IOException e) {
            QuietFiles.write(failed(), "java -Xshare:dump failed: " + e);
        } finally {
            QuietFiles.delete(partial);
        }
    }

    /** Archives of earlier JDKs or tools are of no use any more. */
    private void deleteOthers() {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().startsWith("test-jvm-"))
                    .filter(f -> !f.getFileName().toString().startsWith(name))
                    .forEach(QuietFiles::delete);
        } catch (IOException e) {
            // they only take up space
        }
    }

    private static String sha256(CharSequence text) {
        return Hashes.hex(Hashes.sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
