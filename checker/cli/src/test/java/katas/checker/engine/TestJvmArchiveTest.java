package katas.checker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestJvmArchiveTest {

    @TempDir
    Path temp;

    private Path jar(String name) throws Exception {
        return Files.write(temp.resolve(name), new byte[] {'P', 'K', 5, 6});
    }

    @Test
    void there_is_no_archive_when_a_tool_comes_from_a_folder() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("classes"));
        String tools = jar("junit.jar") + File.pathSeparator + folder;

        assertThat(TestJvmArchive.of(temp.resolve("cds"), tools)).isEmpty();
    }

    @Test
    void the_first_test_jvm_records_its_classes_and_the_others_run_as_usual() throws Exception {
        TestJvmArchive archive = TestJvmArchive.of(temp.resolve("cds"), jar("junit.jar").toString()).orElseThrow();

        assertThat(archive.jvmOptions(true)).singleElement().asString().startsWith("-XX:DumpLoadedClassList=");
        assertThat(archive.jvmOptions(false)).isEmpty();
    }

    @Test
    void once_the_archive_exists_every_test_jvm_maps_it() throws Exception {
        Path dir = temp.resolve("cds");
        TestJvmArchive archive = TestJvmArchive.of(dir, jar("junit.jar").toString()).orElseThrow();
        String list = archive.jvmOptions(true).get(0).substring("-XX:DumpLoadedClassList=".length());
        Files.writeString(Path.of(list.replace(".classlist", ".jsa")), "an archive");

        assertThat(archive.jvmOptions(true)).first().asString().startsWith("-XX:SharedArchiveFile=" + dir);
        assertThat(archive.jvmOptions(false)).first().asString().startsWith("-XX:SharedArchiveFile=" + dir);
    }

    @Test
    void other_tools_make_another_archive() throws Exception {
        Optional<TestJvmArchive> one = TestJvmArchive.of(temp.resolve("cds"), jar("a.jar").toString());
        Optional<TestJvmArchive> other = TestJvmArchive.of(temp.resolve("cds"), jar("b.jar").toString());

        assertThat(one.orElseThrow().jvmOptions(true)).isNotEqualTo(other.orElseThrow().jvmOptions(true));
    }

    @Test
    void without_a_class_list_nothing_is_made() throws Exception {
        Path dir = temp.resolve("cds");
        TestJvmArchive archive = TestJvmArchive.of(dir, jar("junit.jar").toString()).orElseThrow();

        archive.createIfMissing();

        assertThat(dir).doesNotExist();
    }
}
