package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import katas.testkit.KataTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code results.json} against the rules of Exercism's test-runner interface, version 3: the tests in the order of
 * the test file, each with the task of its README heading as {@code task_id} and its method's source as
 * {@code test_code}.
 */
@KataTest
class ExercismResultsTest {

    @TempDir
    static Path dir;

    private static TempWorkspace workspace;
    private static JsonNode results;

    @BeforeAll
    static void aKataOfThreeTasksGradedAfterTaskOne() throws Exception {
        workspace = new TempWorkspace(dir).manifest("{\"katas\": [{\"slug\": \"01-k\", \"title\": \"Numbers\", "
                + "\"learnerFiles\": [\"p/Code.java\"]}]}").taskedKata("01-k");
        workspace.run("checksums", "--write");
        workspace.write("katas/01-k/src/main/java/p/Code.java", "package p;\n" + TempWorkspace.code(true, false, false));
        workspace.run("grade", "--format", "exercism", "--output", "out");
        results = new ObjectMapper().readTree(dir.resolve("out/01-k/results.json").toFile());
    }

    @Test
    void the_file_is_version_3_and_fails_as_a_whole_when_a_test_fails() {
        assertThat(results.get("version").asInt()).as("version").isEqualTo(3);
        assertThat(results.get("status").asText()).as("the top-level status").isEqualTo("fail");
        assertThat(results.has("message")).as("a top-level message, which is only for status error").isFalse();
    }

    @Test
    void the_tests_come_in_the_order_of_the_test_file_not_sorted_by_name() {
        List<String> names = new ArrayList<>();
        results.get("tests").forEach(test -> names.add(test.get("name").asText()));

        assertThat(names).as("the tests' names in results.json")
                .containsExactly("one is one", "two is two", "two is one more than one", "three is three");
    }

    @Test
    void each_tests_task_id_is_the_number_of_its_tasks_heading_in_the_readme() throws IOException {
        List<Integer> headings = new ArrayList<>();
        Matcher heading = Pattern.compile("(?m)^## (\\d+)\\. ").matcher(
                Files.readString(workspace.root.resolve("katas/01-k/README.md")));
        while (heading.find()) {
            headings.add(Integer.parseInt(heading.group(1)));
        }
        List<Integer> taskIds = new ArrayList<>();
        results.get("tests").forEach(test -> taskIds.add(test.get("task_id").asInt()));

        assertThat(headings).as("the README's task headings").containsExactly(1, 2, 3);
        assertThat(taskIds).as("the task_id of each test, in order").containsExactly(1, 2, 2, 3);
    }

    @Test
    void test_code_is_the_source_of_the_test_method() {
        assertThat(results.get("tests").get(0).get("test_code").asText()).as("test_code of the first test")
                .isEqualTo("@Test @Tag(\"task:1\") void one_is_one() { assertEquals(1, Code.one()); }");
    }

    @Test
    void a_failed_test_has_a_message_and_a_passed_one_has_none() {
        JsonNode passed = results.get("tests").get(0);
        JsonNode failed = results.get("tests").get(1);

        assertThat(passed.get("status").asText()).as("the status of one is one").isEqualTo("pass");
        assertThat(passed.has("message")).as("a message on a passed test").isFalse();
        assertThat(failed.get("status").asText()).as("the status of two is two").isEqualTo("fail");
        assertThat(failed.get("message").asText()).as("the message of two is two").contains("TODO task 2");
    }
}
