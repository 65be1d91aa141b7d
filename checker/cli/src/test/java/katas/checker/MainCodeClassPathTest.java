package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import katas.testkit.KataTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker compiles a kata's main code on the class path the manifest gives it, as the kata's Maven module does
 * (the audit proves the poms say the same): kata 01 the JDK only, the others the JDK and the process library, and
 * never a test library.
 */
@KataTest
class MainCodeClassPathTest {

    @TempDir
    Path dir;

    private TempWorkspace workspace;

    @BeforeEach
    void theShippedManifestWithKatas01And02() throws IOException {
        workspace = new TempWorkspace(dir).copy("katas/katas.json", "katas/katas.json")
                .copy("katas/01-create-process", "katas/01-create-process")
                .copy("katas/02-pool-map", "katas/02-pool-map");
    }

    private void addTo(String kata, String javaPackage, String imported) throws IOException {
        workspace.write("katas/" + kata + "/src/main/java/" + javaPackage.replace('.', '/') + "/Helper.java",
                "package " + javaPackage + ";\nimport " + imported + ";\nclass Helper { }\n");
    }

    @Test
    void kata_01s_code_may_not_use_the_process_library() throws IOException {
        addTo("01-create-process", "katas.createprocess", "katas.process.JavaProcess");

        int exit = workspace.run("check", "01");

        assertThat(exit).as("exit code of a check whose code does not compile:%n%s", workspace.out).isEqualTo(1);
        assertThat(workspace.out).as("what the learner reads")
                .contains("does not compile").contains("Helper.java:2")
                .contains("In this kata your code may use the JDK only")
                .contains("writing what the process library would do for you");
    }

    @Test
    void kata_01s_code_may_not_use_assertj() throws IOException {
        addTo("01-create-process", "katas.createprocess", "org.assertj.core.api.Assertions");

        workspace.run("check", "01");

        assertThat(workspace.out).as("what the learner reads").contains("does not compile")
                .contains("In this kata your code may use the JDK only")
                .contains("JUnit, AssertJ and the test kit are for the tests");
    }

    @Test
    void kata_02s_code_may_use_the_process_library() throws IOException {
        addTo("02-pool-map", "katas.poolmap", "katas.process.ProcessTree");

        workspace.run("check", "02");

        assertThat(workspace.out).as("the check of a stub that imports the process library")
                .doesNotContain("does not compile").containsPattern("02-pool-map: task 1 of \\d, 0/");
    }

    @Test
    void kata_02s_code_may_not_use_junit() throws IOException {
        addTo("02-pool-map", "katas.poolmap", "org.junit.jupiter.api.Test");

        int exit = workspace.run("check", "02");

        assertThat(exit).as("exit code of a check whose code does not compile:%n%s", workspace.out).isEqualTo(1);
        assertThat(workspace.out).as("what the learner reads").contains("does not compile")
                .contains("In this kata your code may use the JDK and the process library (package katas.process)")
                .doesNotContain("writing what the process library would do");
    }
}
