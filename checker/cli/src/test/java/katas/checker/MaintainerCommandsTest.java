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

    @TempDir
    Path dir;

    private TempWorkspace withKata(String stub) throws IOException {
        TempWorkspace workspace = new TempWorkspace(dir)
                .manifest("{\"katas\": [{\"slug\": \"01-k\", \"title\": \"K\", \"learnerFiles\": [\"p/Code.java\"]}]}")
                .taskedKata("01-k")
                .write("katas/01-k/src/main/java/p/Code.java", "package p;\n" + stub + "\n");
        workspace.run("checksums", "--write");
        return workspace;
    }

    @Test
    void verify_passes_when_the_solution_passes_and_the_stub_fails_every_test() throws IOException {
        TempWorkspace workspace = withKata(TempWorkspace.code(false, false, false));

        assertThat(workspace.run("verify")).as(workspace.out).isZero();
        assertThat(workspace.out).contains("ok    01-k").contains("Every kata is sound.");
    }

    @Test
    void verify_names_a_test_that_passes_on_the_stub() throws IOException {
        TempWorkspace workspace = withKata(TempWorkspace.code(true, false, false));

        assertThat(workspace.run("verify")).isEqualTo(1);
        assertThat(workspace.out).contains("FAIL  01-k").contains("the stub must fail every test, but: 1 of 4 pass: "
                + "one is one");
    }

    @Test
    void verify_reports_tests_that_differ_from_the_checksums() throws IOException {
        TempWorkspace workspace = withKata(TempWorkspace.code(false, false, false));
        workspace.write("katas/01-k/src/test/java/p/ExtraTest.java", "package p;\nclass ExtraTest { }\n");

        assertThat(workspace.run("verify")).isEqualTo(1);
        assertThat(workspace.out).contains("tests differ from katas/checksums.json: added: src/test/java/p/ExtraTest.java");
    }
}
