package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import katas.testkit.KataTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KataTest
class BoardTest {

    @TempDir
    Path dir;

    @Test
    void the_board_shows_each_kata_with_its_state_and_where_to_start() throws IOException {
        TempWorkspace workspace = new TempWorkspace(dir).manifest("{\"katas\": ["
                + "{\"slug\": \"01-create-process\", \"title\": \"Create a process\"},"
                + "{\"slug\": \"02-later\", \"title\": \"Not written yet\"}]}")
                .copy("katas/01-create-process", "katas/01-create-process");

        int exit = workspace.run();

        assertThat(exit).isZero();
        assertThat(workspace.out)
                .contains("0 of 2 katas solved")
                .containsPattern("01  Create a process +task 1 of \\d, 0/\\d+ tests pass")
                .containsPattern("02  Not written yet +not available yet")
                .containsPattern("Next: task 1 of \\d, \"[^\"]+\", of kata 01-create-process")
                .contains("edit   katas/01-create-process/src/main/java/\n           katas/createprocess/ChildProcess.java")
                .doesNotContain("Greeter.java");
        assertThat(workspace.out.lines()).as("the board's lines fit 80 columns")
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void a_solved_kata_is_marked_and_counted() throws IOException {
        TempWorkspace workspace = new TempWorkspace(dir).manifest("{\"katas\": ["
                + "{\"slug\": \"01-create-process\", \"title\": \"Create a process\"}]}")
                .copy("katas/01-create-process", "katas/01-create-process")
                .copy("solutions/01-create-process/src/main", "katas/01-create-process/src/main");

        workspace.run();

        assertThat(workspace.out).contains("1 of 1 katas solved").containsPattern("\\* 01  Create a process +solved")
                .contains("Every kata is solved");
    }
}
