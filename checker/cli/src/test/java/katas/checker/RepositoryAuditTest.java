package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
    private static final String TEST = "class CodeTest { @Test void one_is_one() { assertEquals(1, Code.one()); } }";
    private static final String SOLVED = "package p;\npublic class Code { public static int one() { return 1; } }\n";

    @TempDir
    Path dir;

    private TempWorkspace workspace;

    @BeforeEach
    void aSoundRepositoryOfOneKata() throws IOException {
        workspace = new TempWorkspace(dir).manifest(MANIFEST)
                .kata("01-k", "public class Code { public static int one() { return 0; } }", TEST)
                .write("solutions/01-k/src/main/java/p/Code.java", SOLVED)
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
    void a_pom_that_gives_kata_01s_main_code_the_process_library_disagrees_with_the_manifest() throws Exception {
        workspace.write("katas/01-k/pom.xml", kataPom(dependency("process-library", "")));

        assertThat(ofTheKata()).as("what the audit found wrong with the kata")
                .anyMatch(p -> p.contains("katas/01-k/pom.xml gives the main code the process library")
                        && p.contains("may use the JDK only"));
    }

    @Test
    void a_pom_that_gives_main_code_a_test_library_is_reported() throws Exception {
        workspace.write("katas/01-k/pom.xml", kataPom(dependency("assertj-core", "compile")
                + dependency("test-kit", "test")));

        assertThat(ofTheKata()).as("what the audit found wrong with the kata")
                .containsExactly("katas/01-k/pom.xml puts the test library assertj-core on the main code's class "
                        + "path: give it test scope");
    }

    @Test
    void a_source_file_the_manifest_does_not_list_is_reported() throws Exception {
        workspace.write("katas/01-k/src/main/java/p/Extra.java", "package p;\nclass Extra { }\n");
        workspace.run("checksums", "--write");

        assertThat(ofTheKata()).as("what the audit found wrong with the kata").containsExactly(
                "katas/01-k/src/main/java has p/Extra.java, which katas/katas.json lists neither in "
                        + "\"learnerFiles\" nor in \"givenFiles\"");
    }

    @Test
    void a_stub_test_that_passes_is_named() throws Exception {
        workspace.write("katas/01-k/src/main/java/p/Code.java", SOLVED);
        workspace.run("checksums", "--write");

        assertThat(ofTheKata()).as("what the audit found wrong with the kata")
                .containsExactly("the stub must fail every test, but: 1 of 1 pass: one is one");
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
