package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import katas.testkit.KataTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grading a student's repository from the instructor's: the tests, the manifest, the checksums and the checker are
 * the instructor's; of the student's copy only each kata's {@code src/main/java} counts.
 */
@KataTest
class TrustedGradingTest {

    private static final String TESTS = "class CodeTest {\n"
            + "@Test void one_is_one() { assertEquals(1, Code.one()); }\n"
            + "@Test void two_is_two() { assertEquals(2, Code.two()); } }";
    private static final String STUB = "public class Code {\n"
            + "  public static int one() { throw new UnsupportedOperationException(\"TODO one\"); }\n"
            + "  public static int two() { throw new UnsupportedOperationException(\"TODO two\"); } }";

    @TempDir
    Path dir;

    private TempWorkspace template;
    private TempWorkspace student;

    @BeforeEach
    void aTemplateAndAStudentsCopyOfIt() throws IOException {
        template = new TempWorkspace(dir.resolve("template")).manifest("{\"katas\": ["
                + "{\"slug\": \"01-one\", \"title\": \"One\", \"points\": 10},"
                + "{\"slug\": \"02-two\", \"title\": \"Two\", \"points\": 10}]}")
                .kata("01-one", STUB, TESTS).kata("02-two", STUB, TESTS);
        template.run("checksums", "--write");
        student = template.copyTo(dir.resolve("student"));
    }

    private int gradeTheStudent() {
        return template.run("grade", "--student", student.root.toString());
    }

    @Test
    void the_students_code_is_graded_against_the_templates_tests() throws IOException {
        student.write("katas/01-one/src/main/java/p/Code.java", "package p;\npublic class Code {\n"
                + "  public static int one() { return 1; }\n  public static int two() { return 2; } }\n");

        assertThat(gradeTheStudent()).as("exit code of grade --student").isZero();

        assertThat(template.out).as("the grade table").containsPattern("01-one +solved \\(2 tests pass\\) +10 / 10")
                .containsPattern("02-two +failing: 0 of 2 tests pass +0 / 10").containsPattern("total +10 / 20");
    }

    @Test
    void an_edited_test_with_checksums_written_again_in_the_students_copy_scores_zero() throws IOException {
        student.write("katas/01-one/src/test/java/p/CodeTest.java", "package p;\nimport org.junit.jupiter.api.Test;\n"
                + "class CodeTest {\n@Test void one_is_one() { }\n@Test void two_is_two() { } }\n");
        student.run("checksums", "--write");

        gradeTheStudent();

        assertThat(template.out).as("the grade table")
                .containsPattern("01-one +tests changed \\(tampered\\) +0 / 10").containsPattern("total +0 / 20");
    }

    @Test
    void a_manifest_cut_down_in_the_students_copy_changes_nothing() throws IOException {
        student.manifest("{\"katas\": [{\"slug\": \"01-one\", \"title\": \"One\", \"points\": 1}]}");

        gradeTheStudent();

        assertThat(template.out).as("the grade table").contains("02-two").containsPattern("total +0 / 20");
    }

    @Test
    void classes_planted_in_the_students_target_folder_are_never_used_nor_written_to() throws IOException {
        Path planted = student.root.resolve("katas/01-one/target/kata-check");
        student.write("katas/01-one/target/kata-check/test-classes/p/CodeTest.class", "not a class");
        student.write("katas/01-one/target/kata-check/compiled-from.txt", "anything");
        student.write("katas/01-one/target/kata-check/result.json", "{\"result\": \"solved\"}");

        gradeTheStudent();

        assertThat(template.out).as("the grade table").containsPattern("01-one +failing: 0 of 2 tests pass +0 / 10");
        try (Stream<Path> files = Files.walk(planted)) {
            assertThat(files.filter(Files::isRegularFile).count()).as("files in the student's target folder")
                    .isEqualTo(3);
        }
    }

    @Test
    void a_folder_that_is_not_a_kata_repository_is_refused_before_grading() {
        int exit = template.run("grade", "--student", dir.resolve("nowhere").toString());

        assertThat(exit).as("exit code of grade --student with a folder that has no katas").isEqualTo(2);
        assertThat(template.err).contains("is not a kata repository").contains("Nothing was graded");
    }
}
