package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import katas.testkit.KataTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./kata report}: the learner's progress as a web page, from a real check of their code. */
@KataTest
class ReportCommandTest {

    private static final String PASSES = "public class Code { public static int one() { return 1; } }";
    private static final String STUB = "public class Code { public static int one() { "
            + "throw new UnsupportedOperationException(\"TODO one()\"); } }";
    /** A kata test as the katas have them: the kit's, and it starts a process (a JVM that prints its version). */
    private static final String TEST = "@katas.testkit.KataTest class CodeTest {\n"
            + "@Test void one_is_one() throws Exception {\n"
            + "  Process java = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "
            + "\"-version\").redirectErrorStream(true).start();\n"
            + "  java.getInputStream().readAllBytes();\n"
            + "  assertEquals(0, java.waitFor());\n"
            + "  assertEquals(1, Code.one()); } }";

    @TempDir
    static Path dir;

    private static TempWorkspace workspace;

    @BeforeAll
    static void aSolvedKataAndOneToDo() throws Exception {
        workspace = new TempWorkspace(dir).manifest("{\"katas\": [{\"slug\": \"01-done\", \"title\": \"Done\"}, "
                + "{\"slug\": \"02-todo\", \"title\": \"To do\"}]}")
                .kata("01-done", PASSES, TEST).kata("02-todo", STUB, TEST);
    }

    @Test
    void report_writes_the_page_under_target_and_says_where_with_a_url_to_open() throws Exception {
        int exit = workspace.run("report");

        Path page = dir.resolve("target/kata-report.html").toAbsolutePath().normalize();
        assertThat(exit).as("exit code of ./kata report; it printed:\n" + workspace.out + workspace.err).isZero();
        assertThat(workspace.out).as("what ./kata report printed")
                .contains("wrote " + page).contains(page.toUri().toString());
        assertThat(Files.readString(page)).as("the page ./kata report wrote")
                .containsPattern("data-kata=\"01-done\">.*solved \\(1 tests pass\\)")
                .containsPattern("data-kata=\"02-todo\">.*failing: 0 of 1 tests pass")
                .contains("data-test=\"CodeTest#one is one\" data-outcome=\"FAIL\"", "TODO one()");
    }

    @Test
    void each_test_shows_the_processes_it_started_as_the_kit_recorded_them() throws Exception {
        workspace.run("report");

        String page = Files.readString(dir.resolve("target/kata-report.html"));
        String failing = page.substring(page.indexOf("<section class=\"kata unsolved\""));
        assertThat(failing).as("the failing kata's section: its test started a JVM")
                .contains("<svg class=\"timeline\"").containsPattern("<g class=\"lane clean\" data-pid=\"\\d+\"")
                .containsPattern("<text class=\"label\" x=\"0\" y=\"\\d+\">pid \\d+ java");
    }

    @Test
    void output_puts_the_page_where_it_says_relative_to_the_repository() throws Exception {
        int exit = workspace.run("report", "--output", "reports/mine.html");

        assertThat(exit).as("exit code of ./kata report --output; it printed:\n" + workspace.out + workspace.err)
                .isZero();
        assertThat(dir.resolve("reports/mine.html")).as("the page written with --output").isNotEmptyFile();
    }
}
