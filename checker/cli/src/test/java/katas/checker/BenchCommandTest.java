package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import katas.testkit.KataTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kata bench} on a small kata of its own, whose benchmark program prints the figure its code gives: the
 * learner's code says 40 us, the reference 10 us, and a stand-in for Python 20 us.
 */
@KataTest
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-in for Python is a shell script")
class BenchCommandTest {

    private static final String MANIFEST = "{\"katas\": [{\"slug\": \"01-k\", \"title\": \"K\", \"benchmarks\": ["
            + "{\"name\": \"echo_us\", \"title\": \"an echo\", \"unit\": \"us\", "
            + "\"slowerBecause\": \"an echo that sleeps\"}]}, "
            + "{\"slug\": \"02-plain\", \"title\": \"Plain\"}]}";
    private static final String TESTS = "class CodeTest {\n"
            + "  @Test void echoes() { assertTrue(Code.micros() > 0); }\n}";
    /** Each workload's first figure, the warm-up's, is 999 us: the table must show the second. */
    private static final String BENCHMARK = "package p;\npublic class CodeBenchmark {\n"
            + "  public static void main(String[] args) {\n    java.util.Set<String> warm = new java.util.HashSet<>();\n"
            + "    for (String workload : args) System.out.println(workload + \" \" "
            + "+ (warm.add(workload) ? 999 : Code.micros()));\n  }\n}\n";

    @TempDir
    Path dir;

    private TempWorkspace workspace;
    private Path python;

    @BeforeEach
    void aKataWhoseBenchmarkPrintsWhatItsCodeSays() throws IOException {
        workspace = new TempWorkspace(dir.resolve("repo")).manifest(MANIFEST)
                .kata("01-k", code(40), TESTS)
                .write("katas/01-k/src/bench/java/p/CodeBenchmark.java", BENCHMARK)
                .write("solutions/01-k/src/main/java/p/Code.java", "package p;\n" + code(10));
        workspace.kata("02-plain", code(1), TESTS);
        python = dir.resolve("python3");
        Files.writeString(python, "#!/bin/sh\nshift\nfigure=999\nfor w in \"$@\"; do echo \"$w $figure\"; figure=20; "
                + "done\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String code(int micros) {
        return "public class Code {\n  public static int micros() { return " + micros + "; }\n}";
    }

    @Test
    void a_solved_kata_is_measured_on_the_learners_code_the_reference_and_python_side_by_side() {
        int exit = workspace.run("bench", "01", "--rounds", "3", "--python", python.toString());

        assertThat(exit).as(workspace.out + workspace.err).isZero();
        assertThat(workspace.out).as("the table ./kata bench printed")
                .contains("01-k: medians of 3 rounds")
                .containsPattern("an echo +40\\.0 us +10\\.0 us +20\\.0 us +0\\.25 +2\\.00");
    }

    @Test
    void a_learner_much_slower_than_the_reference_is_told_how_much_and_the_usual_cause() {
        workspace.run("bench", "01", "--rounds", "1", "--python", python.toString());

        assertThat(workspace.out).as("the reading under the table")
                .contains("your code (an echo) is 4.0x slower than the reference. The usual cause: an echo that "
                        + "sleeps.");
    }

    @Test
    void code_that_fails_its_tests_is_not_measured_and_the_learner_is_told_to_solve_it_first() throws IOException {
        workspace.write("katas/01-k/src/main/java/p/Code.java", "package p;\n" + code(0));

        int exit = workspace.run("bench", "01", "--rounds", "1", "--python", python.toString());

        assertThat(exit).as("the exit code: the reference was measured").isZero();
        assertThat(workspace.out).as("the table ./kata bench printed")
                .containsPattern("an echo +- +10\\.0 us +20\\.0 us +- +2\\.00")
                .contains("your code: not measured. It does not pass its tests yet (0 of 1 pass)")
                .contains("./kata check 01");
    }

    @Test
    void without_python_the_table_says_so_and_how_to_get_its_column() {
        int exit = workspace.run("bench", "01", "--rounds", "1", "--python", dir.resolve("no-python").toString());

        assertThat(exit).isZero();
        assertThat(workspace.out).as("the table ./kata bench printed")
                .containsPattern("an echo +40\\.0 us +10\\.0 us +- +0\\.25 +-")
                .contains("Python: not measured. " + dir.resolve("no-python") + " is not an executable file.");
    }

    @Test
    void a_benchmark_program_that_prints_no_figure_is_reported_with_what_it_said() throws IOException {
        workspace.write("katas/01-k/src/bench/java/p/CodeBenchmark.java", "package p;\npublic class CodeBenchmark {\n"
                + "  public static void main(String[] args) { System.err.println(\"no figures today\"); }\n}\n");

        int exit = workspace.run("bench", "01", "--rounds", "1", "--python", python.toString());

        assertThat(exit).as("the exit code: the reference's benchmark failed").isEqualTo(1);
        assertThat(workspace.out).as("the table ./kata bench printed")
                .contains("reference: not measured. reference printed no figure for echo_us")
                .contains("no figures today");
    }

    @Test
    void a_kata_without_a_benchmark_is_refused_naming_the_katas_that_have_one() {
        int exit = workspace.run("bench", "02");

        assertThat(exit).isEqualTo(1);
        assertThat(workspace.err).contains("02-plain has no benchmark. The katas with one are: 01-k");
    }
}
