package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import katas.testkit.KataTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** next, hint and reset. */
@KataTest
class LearnerCommandsTest {

    private static final String PASSES = "public class Code { public static int one() { return 1; } }";
    private static final String STUB = "public class Code { public static int one() { "
            + "throw new UnsupportedOperationException(\"TODO one()\"); } }";
    private static final String TEST = "class CodeTest { @Test void one_is_one() { assertEquals(1, Code.one()); } }";

    @TempDir
    Path dir;

    private TempWorkspace workspace;

    @BeforeEach
    void twoSmallKatas() throws IOException {
        workspace = new TempWorkspace(dir).manifest("{\"katas\": [{\"slug\": \"01-done\", \"title\": \"Done\"}, "
                + "{\"slug\": \"02-todo\", \"title\": \"To do\"}]}")
                .kata("01-done", PASSES, TEST).kata("02-todo", STUB, TEST);
    }

    @Test
    void next_names_the_first_unsolved_kata_and_the_file_with_the_todo() {
        assertThat(workspace.run("next")).isZero();

        assertThat(workspace.out).contains("Next: kata 02-todo").contains("edit   katas/02-todo/src/main/java/\n           p/Code.java");
    }

    @Test
    void reset_restores_the_stub_from_git_and_keeps_a_backup_of_the_learners_files() throws Exception {
        workspace.run("checksums", "--write");
        workspace.git("init", "-q").git("add", "-A").git("commit", "-q", "-m", "shipped");
        Path code = dir.resolve("katas/02-todo/src/main/java/p/Code.java");
        Files.writeString(code, "package p;\n" + PASSES + "\n");

        int exit = workspace.run("reset", "02", "--yes");

        assertThat(exit).as(workspace.out + workspace.err).isZero();
        assertThat(Files.readString(code)).contains("TODO one()");
        assertThat(workspace.out).contains("is back as shipped").contains("reset-backups");
        try (var backups = Files.walk(dir.resolve("katas/02-todo/target/reset-backups"))) {
            assertThat(backups.filter(p -> p.endsWith("Code.java")).findFirst().orElseThrow())
                    .content().contains("return 1;");
        }
    }

    @Test
    void reset_asks_first_and_changes_nothing_without_a_yes() throws Exception {
        workspace.run("checksums", "--write");
        workspace.git("init", "-q").git("add", "-A").git("commit", "-q", "-m", "shipped");
        Path code = dir.resolve("katas/02-todo/src/main/java/p/Code.java");
        Files.writeString(code, "package p;\n" + PASSES + "\n");

        int exit = workspace.runWithInput("n\n", "reset", "02");

        assertThat(exit).isEqualTo(1);
        assertThat(workspace.out).contains("changed: src/main/java/p/Code.java").contains("Nothing was changed");
        assertThat(Files.readString(code)).contains("return 1;");
    }

    @Test
    void reset_of_an_untouched_kata_has_nothing_to_do() {
        workspace.run("checksums", "--write");

        assertThat(workspace.run("reset", "02", "--yes")).isZero();
        assertThat(workspace.out).contains("already as shipped");
    }
}
