package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import katas.testkit.KataTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify, over a sound kata and over one whose stub passes a test. */
@KataTest
class MaintainerCommandsTest {

    private static final String TEST = "class CodeTest { @Test void one_is_one() { assertEquals(1, Code.one()); } }";

    @TempDir
    Path dir;

    private TempWorkspace withKata(String stub) throws IOException {
        TempWorkspace workspace = new TempWorkspace(dir)
                .manifest("{\"katas\": [{\"slug\": \"01-k\", \"title\": \"K\", \"learnerFiles\": [\"p/Code.java\"]}]}")
                .kata("01-k", stub, TEST)
                .write("solutions/01-k/src/main/java/p/Code.java",
                        "package p;\npublic class Code { public static int one() { return 1; } }\n");
        workspace.run("checksums", "--write");
        return workspace;
    }

    @Test
    void verify_passes_when_the_solution_passes_and_the_stub_fails_every_test() throws IOException {
        TempWorkspace workspace = withKata("public class Code { public static int one() { "
                + "throw new UnsupportedOperationException(\"TODO\"); } }");

        assertThat(workspace.run("verify")).as(workspace.out).isZero();
        assertThat(workspace.out).contains("ok    01-k").contains("Every kata is sound.");
    }

    @Test
    void verify_names_a_test_that_passes_on_the_stub() throws IOException {
        TempWorkspace workspace = withKata("public class Code { public static int one() { return 1; } }");

        assertThat(workspace.run("verify")).isEqualTo(1);
        assertThat(workspace.out).contains("FAIL  01-k").contains("the stub must fail every test, but: 1 of 1 pass: "
                + "one is one");
    }

    @Test
    void verify_reports_tests_that_differ_from_the_checksums() throws IOException {
        TempWorkspace workspace = withKata("public class Code { public static int one() { "
                + "throw new UnsupportedOperationException(\"TODO\"); } }");
        workspace.write("katas/01-k/src/test/java/p/ExtraTest.java", "package p;\nclass ExtraTest { }\n");

        assertThat(workspace.run("verify")).isEqualTo(1);
        assertThat(workspace.out).contains("tests differ from katas/checksums.json: added: src/test/java/p/ExtraTest.java");
    }
}
