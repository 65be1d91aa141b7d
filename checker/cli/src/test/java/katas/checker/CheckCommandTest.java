package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import katas.testkit.KataTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KataTest
class CheckCommandTest {

    private static final String ONE_KATA = "{\"katas\": [{\"slug\": \"01-create-process\", "
            + "\"title\": \"Create a process\", \"points\": 10, \"timeLimitSeconds\": 60}]}";

    @TempDir
    Path dir;

    private TempWorkspace workspace;

    @BeforeEach
    void aWorkspaceWithKataOne() throws IOException {
        workspace = new TempWorkspace(dir).manifest(ONE_KATA).copy("katas/01-create-process", "katas/01-create-process");
    }

    @Test
    void the_untouched_stub_fails_with_messages_that_say_what_to_implement() {
        int exit = workspace.run("check", "01");

        assertThat(exit).isEqualTo(1);
        assertThat(workspace.out)
                .containsPattern("01-create-process: task 1 of \\d, 0/\\d+ tests pass")
                .containsPattern("now   1\\. ")
                .contains("FAIL  the child runs the named main class with its arguments")
                .contains("TODO task 1: start()")
                .contains("./kata check 01");
    }

    @Test
    void the_reference_solution_passes_with_exit_code_zero() throws IOException {
        workspace.copy("solutions/01-create-process/src/main", "katas/01-create-process/src/main");

        int exit = workspace.run("check", "create-process");

        assertThat(exit).as(workspace.out).isZero();
        assertThat(workspace.out).contains("solved").doesNotContain("FAIL");
    }

    @Test
    void a_file_the_code_writes_by_a_relative_path_lands_in_the_runs_folder_not_in_the_repository()
            throws IOException {
        String name = "stray-" + ProcessHandle.current().pid() + ".txt";
        workspace.write("katas/01-create-process/src/main/java/katas/createprocess/Stray.java",
                "package katas.createprocess;\npublic class Stray {\n  static {\n    try { java.nio.file.Files"
                        + ".writeString(java.nio.file.Path.of(\"" + name + "\"), \"x\"); }\n"
                        + "    catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }\n  }\n}\n");
        workspace.write("katas/01-create-process/src/test/java/katas/createprocess/StrayTest.java",
                "package katas.createprocess;\nclass StrayTest {\n  @org.junit.jupiter.api.Test void writes() "
                        + "throws Exception { Class.forName(\"katas.createprocess.Stray\"); }\n}\n");

        try {
            workspace.run("check", "01");

            assertThat(workspace.out).as("the check's report").contains("1/27 tests pass");
            assertThat(Path.of(name).toAbsolutePath()).as("a file written by the kata's code to a relative path, in "
                    + "the checker's working folder").doesNotExist();
            assertThat(workspace.root.resolve(name)).as("the same file, in the repository's root").doesNotExist();
        } finally {
            Files.deleteIfExists(Path.of(name));
        }
    }

    @Test
    void what_a_passing_test_measured_is_shown_for_the_learner_to_read() throws IOException {
        workspace.write("katas/01-create-process/src/test/java/katas/createprocess/MeasuresTest.java",
                "package katas.createprocess;\nclass MeasuresTest {\n  @org.junit.jupiter.api.Test void measures("
                        + "org.junit.jupiter.api.TestReporter reporter) {\n    katas.testkit.Measurements.report("
                        + "reporter, \"four threads: 270 ms\\nfour processes: 590 ms\");\n  }\n}\n");

        workspace.run("check", "01");

        assertThat(workspace.out).as("the check's report, for a kata with a passing test that reports two times")
                .contains("measured by the tests")
                .containsPattern("          measures\\R +four threads: 270 ms\\R +four processes: 590 ms");
    }

    @Test
    void code_that_does_not_compile_is_reported_with_file_and_line() throws IOException {
        workspace.write("katas/01-create-process/src/main/java/katas/createprocess/Broken.java",
                "package katas.createprocess;\nclass Broken { int x = ; }\n");

        int exit = workspace.run("check", "01-create-process");

        assertThat(exit).isEqualTo(1);
        assertThat(workspace.out).contains("does not compile")
                .contains("katas/01-create-process/src/main/java/katas/createprocess/Broken.java:2");
    }

    @Test
    void an_unknown_kata_is_a_usage_error_that_lists_the_valid_ones() {
        int exit = workspace.run("check", "99-nothing");

        assertThat(exit).isEqualTo(2);
        assertThat(workspace.err).contains("There is no kata '99-nothing'").contains("01-create-process");
    }

    @Test
    void a_hanging_kata_is_stopped_at_its_time_limit_and_costs_that_kata_only() throws IOException {
        workspace.manifest("{\"katas\": [{\"slug\": \"01-hangs\", \"title\": \"Hangs\", \"timeLimitSeconds\": 3}]}")
                .write("katas/01-hangs/src/main/java/hang/Loop.java",
                        "package hang;\npublic class Loop { public static void forever() { while (true) { } } }\n")
                .write("katas/01-hangs/src/test/java/hang/LoopTest.java", "package hang;\n"
                        + "class LoopTest { @org.junit.jupiter.api.Test void loops() { Loop.forever(); } }\n");

        long started = System.nanoTime();
        int exit = workspace.run("check", "01");

        assertThat(exit).isEqualTo(1);
        assertThat(workspace.out).contains("timed out").contains("did not finish within 3 s")
                .as("the time-out names the test that was running").contains("Still running then: LoopTest.loops");
        assertThat((System.nanoTime() - started) / 1_000_000_000).as("seconds the check took").isLessThan(15);
    }

    @Test
    void a_malformed_manifest_is_a_clear_error() throws IOException {
        workspace.manifest("{\"katas\": [");

        int exit = workspace.run("check", "01");

        assertThat(exit).isEqualTo(1);
        assertThat(workspace.err).contains("is not valid JSON");
    }
}
