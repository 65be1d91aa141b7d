package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import katas.checker.engine.Catalogue;
import katas.checker.engine.KataChecker;
import katas.checker.engine.RepositoryAudit;
import katas.testkit.KataTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit finds each kind of disagreement between the manifest and what the repository has. */
@KataTest
class RepositoryAuditTest {

    private static final String MANIFEST = "{\"katas\": [{\"slug\": \"01-k\", \"title\": \"K\", "
            + "\"mainCodeMayUse\": \"jdk\", \"learnerFiles\": [\"p/Code.java\"]}]}";

    @TempDir
    Path dir;

    private TempWorkspace workspace;

    @BeforeEach
    void aSoundRepositoryOfOneKata() throws IOException {
        workspace = new TempWorkspace(dir).manifest(MANIFEST)
                .taskedKata("01-k")
                .write("katas/pom.xml", aggregator("01-k"))
                .write("katas/01-k/pom.xml", kataPom(""))
                .write("README.md", "# Katas\n\n| # | kata | you build |\n|---|---|---|\n| 01 | `k` | a K |\n");
        workspace.run("checksums", "--write");
    }

    private RepositoryAudit audit() {
        return new RepositoryAudit(workspace.root, Catalogue.load(workspace.root), new KataChecker(workspace.root));
    }

    private List<String> ofTheKata() throws InterruptedException {
        return audit().ofKata(Catalogue.load(workspace.root).all().get(0));
    }

    /** What a look at the files finds: the problems below that need no test run are tested without one. */
    private List<String> ofTheKataWithoutRunningIt() {
        return audit().ofKataWithoutRunningIt(Catalogue.load(workspace.root).all().get(0));
    }

    private static String aggregator(String... modules) {
        StringBuilder pom = new StringBuilder("<project><modules>");
        for (String module : modules) {
            pom.append("<module>").append(module).append("</module>");
        }
        return pom.append("</modules></project>\n").toString();
    }

    private static String kataPom(String dependencies) {
        return "<project><artifactId>kata-01-k</artifactId><dependencies>" + dependencies
                + "</dependencies></project>\n";
    }

    private static String dependency(String artifactId, String scope) {
        return "<dependency><groupId>g</groupId><artifactId>" + artifactId + "</artifactId>"
                + (scope.isEmpty() ? "" : "<scope>" + scope + "</scope>") + "</dependency>";
    }

    @Test
    void a_sound_repository_has_nothing_to_report() throws InterruptedException {
        assertThat(audit().ofTheLists()).as("what the audit found wrong with the lists").isEmpty();
        assertThat(ofTheKata()).as("what the audit found wrong with the kata").isEmpty();
    }

    @Test
    void a_benchmark_program_that_does_not_compile_against_the_stub_is_reported() throws Exception {
        workspace.manifest(MANIFEST.replace("\"learnerFiles\"", "\"benchmarks\": [{\"name\": \"one_us\", "
                + "\"title\": \"one\", \"unit\": \"us\"}], \"learnerFiles\""))
                .write("katas/01-k/src/bench/java/p/OneBenchmark.java", "package p;\npublic class OneBenchmark {\n"
                        + "  public static void main(String[] args) { System.out.println(\"one_us \" + Code.four()); }\n}\n");

        assertThat(ofTheKataWithoutRunningIt()).as("what the audit found wrong with the kata").anySatisfy(problem -> assertThat(problem)
                .contains("the benchmark program: stub: the benchmark program does not compile").contains("four()"));
    }

    @Test
    void a_benchmark_program_the_manifest_does_not_list_is_reported() throws Exception {
        workspace.write("katas/01-k/src/bench/java/p/OneBenchmark.java", "package p;\npublic class OneBenchmark {}\n");

        assertThat(ofTheKataWithoutRunningIt()).as("what the audit found wrong with the kata")
                .contains("it has a benchmark program (src/bench/java) but katas/katas.json lists no \"benchmarks\" "
                        + "for it");
    }

    @Test
    void a_pom_that_gives_kata_01s_main_code_the_process_library_disagrees_with_the_manifest() throws Exception {
        workspace.write("katas/01-k/pom.xml", kataPom(dependency("process-library", "")));

        assertThat(ofTheKataWithoutRunningIt()).as("what the audit found wrong with the kata")
                .anyMatch(p -> p.contains("katas/01-k/pom.xml gives the main code the process library")
                        && p.contains("may use the JDK only"));
    }

    @Test
    void a_pom_that_gives_main_code_a_test_library_is_reported() throws Exception {
        workspace.write("katas/01-k/pom.xml", kataPom(dependency("assertj-core", "compile")
                + dependency("test-kit", "test")));

        assertThat(ofTheKataWithoutRunningIt()).as("what the audit found wrong with the kata")
                .containsExactly("katas/01-k/pom.xml puts the test library assertj-core on the main code's class "
                        + "path: give it test scope");
    }

    @Test
    void a_source_file_the_manifest_does_not_list_is_reported() throws Exception {
        workspace.write("katas/01-k/src/main/java/p/Extra.java", "package p;\nclass Extra { }\n");
        workspace.run("checksums", "--write");

        assertThat(ofTheKataWithoutRunningIt()).as("what the audit found wrong with the kata").containsExactly(
                "katas/01-k/src/main/java has p/Extra.java, which katas/katas.json lists neither in "
                        + "\"learnerFiles\" nor in \"givenFiles\"");
    }

    @Test
    void a_stub_test_that_passes_is_named() throws Exception {
        workspace.write("katas/01-k/src/main/java/p/Code.java", "package p;\n"
                + TempWorkspace.code(false, false, true));
        workspace.run("checksums", "--write");

        assertThat(ofTheKata()).as("what the audit found wrong with the kata")
                .containsExactly("the stub must fail every test, but: 1 of 4 pass: three is three");
    }

    @Test
    void a_readme_with_fewer_than_three_tasks_is_reported() throws Exception {
        workspace.write("katas/01-k/README.md", "# K\n\n## Your tasks\n\nAll of it.\n\n## 1. Everything\n\n"
                + "### Hint 1\nReturn the numbers.\n");

        assertThat(ofTheKataWithoutRunningIt()).as("what the audit found wrong with the kata")
                .contains("README.md has 1 numbered task sections (\"## 1. Title\"): a kata has 3 to 6");
    }

    @Test
    void a_task_without_hints_and_tasks_that_skip_a_number_are_reported() throws Exception {
        workspace.write("katas/01-k/README.md", "# K\n\n## Your tasks\n\nThree.\n\n## 1. Return one\n\n"
                + "### Hint 1\nOne.\n\n## 2. Return two\n\nNo hint here.\n\n## 4. Return three\n\n### Hint 1\n3\n");

        assertThat(ofTheKataWithoutRunningIt()).as("what the audit found wrong with the kata").contains(
                "README.md's task \"2. Return two\" has no hint (\"### Hint 1\" ...)",
                "README.md's task \"4. Return three\" should be number 3: the tasks count 1, 2, 3 ...");
    }

    @Test
    void a_test_without_a_task_or_with_two_is_reported() throws Exception {
        workspace.write("katas/01-k/src/test/java/p/CodeTest.java", "package p;\n"
                + "import static org.junit.jupiter.api.Assertions.*;\nimport org.junit.jupiter.api.Tag;\n"
                + "import org.junit.jupiter.api.Test;\n"
                + TempWorkspace.TASKED_TESTS.replace("@Tag(\"task:1\") ", "")
                .replace("@Tag(\"task:3\")", "@Tag(\"task:2\") @Tag(\"task:3\")"));
        workspace.run("checksums", "--write");

        assertThat(ofTheKataWithoutRunningIt()).as("what the audit found wrong with the kata").contains(
                "CodeTest.one_is_one has no task tag: every test has exactly one @Tag(\"task:N\"), N from 1 to 3",
                "CodeTest.three_is_three has the task tags [2, 3]: every test has exactly one @Tag(\"task:N\"), N "
                        + "from 1 to 3",
                "no test is tagged task:1 (\"Return one\")");
    }

    @Test
    void tests_out_of_task_order_in_their_file_are_reported() throws Exception {
        workspace.write("katas/01-k/src/test/java/p/CodeTest.java", "package p;\n"
                + "import static org.junit.jupiter.api.Assertions.*;\nimport org.junit.jupiter.api.Tag;\n"
                + "import org.junit.jupiter.api.Test;\n" + TempWorkspace.TASKED_TESTS
                .replace("  @Test @Tag(\"task:1\") void one_is_one() { assertEquals(1, Code.one()); }\n", "")
                .replace("}\n}", "}\n  @Test @Tag(\"task:1\") void one_is_one() { assertEquals(1, Code.one()); }\n}"));
        workspace.run("checksums", "--write");

        assertThat(ofTheKataWithoutRunningIt()).as("what the audit found wrong with the kata").containsExactly(
                "p/CodeTest.java has one_is_one (task 1) after three_is_three (task 3): put the tests in task order");
    }

    @Test
    void a_task_one_state_that_leaves_task_one_red_is_reported() throws Exception {
        workspace.write("solutions/01-k/task-1/src/main/java/p/Code.java", "package p;\n"
                + TempWorkspace.code(false, true, false));

        assertThat(ofTheKata()).as("what the audit found wrong with the kata").singleElement(STRING)
                .startsWith("with solutions/01-k/task-1/src/main/java over the stub, task 1 is not done: 3 of 4 fail: "
                        + "one is one; two is one more than one; three is three\nThe first of task 1's failures, one "
                        + "is one:\n");
    }

    @Test
    void a_task_one_state_that_turns_a_later_task_green_is_reported() throws Exception {
        workspace.write("solutions/01-k/task-1/src/main/java/p/Code.java", "package p;\n"
                + TempWorkspace.code(true, false, true));

        assertThat(ofTheKata()).as("what the audit found wrong with the kata").containsExactly(
                "with solutions/01-k/task-1/src/main/java over the stub, task 3. Return three passes already: its "
                        + "tests must need more than task 1");
    }

    @Test
    void a_kata_without_a_task_one_state_is_reported() throws Exception {
        Files.delete(workspace.root.resolve("solutions/01-k/task-1/src/main/java/p/Code.java"));

        assertThat(ofTheKata()).as("what the audit found wrong with the kata").containsExactly(
                "solutions/01-k/task-1/src/main/java is missing: the learner files as they are after task 1, for "
                        + "this check");
    }

    @Test
    void an_aggregator_that_misses_a_kata_is_reported() throws IOException {
        workspace.write("katas/pom.xml", aggregator());

        assertThat(audit().ofTheLists()).as("what the audit found wrong with the lists")
                .containsExactly("the modules of katas/pom.xml lack 01-k, which katas/katas.json lists");
    }

    @Test
    void a_readme_table_that_misses_a_kata_is_reported() throws IOException {
        workspace.write("README.md", "# Katas\n\n| # | kata | you build |\n|---|---|---|\n");

        assertThat(audit().ofTheLists()).as("what the audit found wrong with the lists")
                .containsExactly("the rows of the table of katas in README.md lack 01-k, which katas/katas.json lists");
    }
}
