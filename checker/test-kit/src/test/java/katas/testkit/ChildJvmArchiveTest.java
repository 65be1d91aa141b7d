package katas.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import katas.process.CapturedProcess;
import katas.process.ChildJvmArchive;
import katas.process.JavaProcess;
import katas.testkit.fixtures.Chatterbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KataTest
class ChildJvmArchiveTest {

    @TempDir
    Path folder;

    @Test
    void a_child_started_with_the_archives_folder_maps_the_archive_made_there() throws Exception {
        ChildJvmArchive.createIn(folder);
        List<Path> archives = archivesIn(folder);
        assertThat(archives).as("archives in the folder after createIn").hasSize(1);

        List<String> command = withFolder(folder.toString(), () -> JavaProcess.of(Chatterbox.class).command());
        assertThat(command).as("the child's command line")
                .contains("-XX:SharedArchiveFile=" + archives.get(0),
                        "-D" + ChildJvmArchive.DIR_PROPERTY + "=" + folder);

        // -Xshare:on, unlike the children's -Xshare:auto, makes a JVM that cannot map the archive fail to start.
        CapturedProcess child = withFolder(folder.toString(), () -> JavaProcess.of(Chatterbox.class)
                .withJvmOptions("-Xshare:on").withArgs("1").startCapturingOutput());
        assertThat(child.awaitExit(Duration.ofSeconds(20)))
                .as("exit code of a child told to map the archive or fail (stderr: %s)", child.stderr().text())
                .isZero();
    }

    @Test
    void the_archive_is_made_once() throws Exception {
        ChildJvmArchive.createIn(folder);
        Path archive = archivesIn(folder).get(0);
        long made = Files.getLastModifiedTime(archive).toMillis();

        ChildJvmArchive.createIn(folder);

        assertThat(archivesIn(folder)).as("archives after a second createIn").containsExactly(archive);
        assertThat(Files.getLastModifiedTime(archive).toMillis()).as("the archive's time after a second createIn")
                .isEqualTo(made);
    }

    @Test
    void a_child_given_a_damaged_archive_starts_without_it_and_says_nothing() throws Exception {
        ChildJvmArchive.createIn(folder);
        Path archive = archivesIn(folder).get(0);
        Files.delete(archive); // the JVM makes it read-only
        Files.write(archive, new byte[] {1, 2, 3});

        CapturedProcess child = withFolder(folder.toString(), () -> JavaProcess.of(Chatterbox.class)
                .withArgs("1").startCapturingOutput());

        assertThat(child.awaitExit(Duration.ofSeconds(20))).as("exit code of a child given a damaged archive")
                .isZero();
        assertThat(child.stderr().lines()).as("the child's stderr: its own line only, no word on the archive")
                .containsExactly("y".repeat(99));
    }

    @Test
    void without_an_archive_in_the_folder_a_child_starts_with_the_jdks_own() {
        List<String> command = withFolder(folder.toString(), () -> JavaProcess.of(Chatterbox.class).command());

        assertThat(command).as("the child's command line, the folder empty")
                .noneMatch(option -> option.startsWith("-XX:SharedArchiveFile"))
                .contains("-D" + ChildJvmArchive.DIR_PROPERTY + "=" + folder);
    }

    private static List<Path> archivesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".jsa")).collect(Collectors.toList());
        }
    }

    /** What {@code action} gives while this JVM's {@value ChildJvmArchive#DIR_PROPERTY} names {@code folder}. */
    private static <T> T withFolder(String folder, ThrowingSupplier<T> action) {
        String before = System.getProperty(ChildJvmArchive.DIR_PROPERTY);
        System.setProperty(ChildJvmArchive.DIR_PROPERTY, folder);
        try {
            return action.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (before == null) {
                System.clearProperty(ChildJvmArchive.DIR_PROPERTY);
            } else {
                System.setProperty(ChildJvmArchive.DIR_PROPERTY, before);
            }
        }
    }

    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
