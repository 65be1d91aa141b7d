package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.xml.parsers.DocumentBuilderFactory;
import katas.kit.KataTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Grading in every format, over katas that pass, fail, do not compile, and have tampered tests. */
@KataTest
class GradeCommandTest {

    @TempDir
    static Path dir;

    private static TempWorkspace workspace;

    @BeforeAll
    static void fourKatasInFourStates() throws Exception {
        String test = "class CodeTest {\n@Test void one_is_one() { assertEquals(1, Code.one()); }\n"
                + "@Test void two_is_two() { assertEquals(2, Code.two()); } }";
        workspace = new TempWorkspace(dir).manifest("{\"katas\": ["
                + "{\"slug\": \"01-passes\", \"title\": \"Passes\", \"points\": 10},"
                + "{\"slug\": \"02-half\", \"title\": \"Half\", \"points\": 10},"
                + "{\"slug\": \"03-broken\", \"title\": \"Broken\", \"points\": 5},"
                + "{\"slug\": \"04-tampered\", \"title\": \"Tampered\", \"points\": 5}]}")
                .kata("01-passes", "public class Code { public static int one() { return 1; } "
                        + "public static int two() { return 2; } }", test)
                .kata("02-half", "public class Code { public static int one() { return 1; } "
                        + "public static int two() { return 3; } }", test)
                .kata("03-broken", "public class Code { }", test)
                .kata("04-tampered", "public class Code { public static int one() { return 0; } "
                        + "public static int two() { return 0; } }", test);
        workspace.run("checksums", "--write");
        workspace.write("katas/04-tampered/src/test/java/p/CodeTest.java", "package p;\nclass CodeTest { }\n");
    }

    @Test
    void text_grades_each_kata_on_its_own_with_points_in_proportion() {
        assertThat(workspace.run("grade")).isZero();

        assertThat(workspace.out)
                .containsPattern("01-passes +solved \\(2 tests pass\\) +10.0 / 10")
                .containsPattern("02-half +failing: 1 of 2 tests pass +5.0 / 10")
                .containsPattern("03-broken +does not compile +0.0 / 5")
                .containsPattern("04-tampered +tests changed \\(tampered\\) +0.0 / 5")
                .containsPattern("total +15.0 / 30");
    }

    @Test
    void exercism_writes_a_version_3_results_file_per_kata() throws Exception {
        workspace.run("grade", "--format", "exercism", "--output", "out-exercism");

        JsonNode half = json(dir.resolve("out-exercism/02-half/results.json"));
        assertThat(half.get("version").asInt()).isEqualTo(3);
        assertThat(half.get("status").asText()).isEqualTo("fail");
        assertThat(half.get("tests")).hasSize(2);
        JsonNode failed = half.get("tests").get(0).get("status").asText().equals("fail")
                ? half.get("tests").get(0) : half.get("tests").get(1);
        assertThat(failed.get("name").asText()).isEqualTo("two is two");
        assertThat(failed.get("message").asText()).contains("expected: <2> but was: <3>");
        assertThat(failed.get("task_id").asInt()).isEqualTo(1);
        assertThat(failed.get("test_code").asText()).isEqualTo("CodeTest.two_is_two()");

        JsonNode broken = json(dir.resolve("out-exercism/03-broken/results.json"));
        assertThat(broken.get("status").asText()).isEqualTo("error");
        assertThat(broken.get("message").asText()).contains("does not compile");
        assertThat(json(dir.resolve("out-exercism/01-passes/results.json")).get("status").asText()).isEqualTo("pass");
    }

    @Test
    void classroom_writes_the_base64_autograding_result_and_a_markdown_summary() throws Exception {
        Path githubOutput = dir.resolve("github-output");
        Path summary = dir.resolve("step-summary.md");

        workspace.run("grade", "--format", "classroom", "--github-output", githubOutput.toString(),
                "--step-summary", summary.toString());

        String line = Files.readAllLines(githubOutput).get(0);
        assertThat(line).startsWith("result=");
        JsonNode result = new ObjectMapper().readTree(new String(Base64.getDecoder().decode(line.substring(7)),
                StandardCharsets.UTF_8));
        assertThat(result.get("version").asInt()).isEqualTo(1);
        assertThat(result.get("status").asText()).isEqualTo("fail");
        assertThat(result.get("max_score").asInt()).isEqualTo(30);
        assertThat(result.get("tests")).hasSize(4);
        JsonNode first = result.get("tests").get(0);
        assertThat(first.get("name").asText()).isEqualTo("01-passes: Passes");
        assertThat(first.get("status").asText()).isEqualTo("pass");
        assertThat(first.get("score").asDouble()).isEqualTo(10.0);
        assertThat(first.has("message")).isTrue();
        assertThat(first.has("duration")).isTrue();
        assertThat(result.get("tests").get(3).get("status").asText()).isEqualTo("error");
        assertThat(Files.readString(summary)).contains("| 02-half | failing: 1 of 2 tests pass | 5.0 / 10 |");
    }

    @Test
    void junit_writes_a_suite_per_kata_that_xml_readers_accept() throws Exception {
        workspace.run("grade", "--format", "junit", "--output", "out-junit");

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("out-junit/TEST-process-katas.xml").toFile());
        assertThat(xml.getElementsByTagName("testsuite").getLength()).isEqualTo(4);
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(2 + 2 + 1 + 1);
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(xml.getElementsByTagName("error").getLength()).isEqualTo(2);
    }

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }
}
