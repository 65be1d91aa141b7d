package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import katas.testkit.KataTest;
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
                + "{\"slug\": \"01-passes\", \"title\": \"Passes\", \"points\": 40},"
                + "{\"slug\": \"02-half\", \"title\": \"Half\", \"points\": 40},"
                + "{\"slug\": \"03-broken\", \"title\": \"Broken\", \"points\": 10},"
                + "{\"slug\": \"04-tampered\", \"title\": \"Tampered\", \"points\": 10}]}")
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
                .containsPattern("01-passes +solved \\(2 tests pass\\) +40 / 40")
                .containsPattern("02-half +failing: 1 of 2 tests pass +20 / 40")
                .containsPattern("03-broken +does not compile +0 / 10")
                .containsPattern("04-tampered +tests changed \\(tampered\\) +0 / 10")
                .containsPattern("total +60 / 100");
        assertThat(workspace.out.lines().filter(line -> !line.startsWith("wrote ")))
                .as("the grade table's lines fit 80 columns")
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
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
        assertThat(failed.has("task_id")).as("a test in no task of the README has no task_id").isFalse();
        assertThat(failed.get("test_code").asText()).as("the test method's source").contains("void two_is_two()");

        JsonNode broken = json(dir.resolve("out-exercism/03-broken/results.json"));
        assertThat(broken.get("status").asText()).isEqualTo("error");
        assertThat(broken.get("message").asText()).contains("does not compile");
        assertThat(json(dir.resolve("out-exercism/01-passes/results.json")).get("status").asText()).isEqualTo("pass");
    }

    @Test
    void classroom_writes_one_runner_per_kata_for_the_stock_reporter_and_a_markdown_summary() throws Exception {
        Path githubOutput = dir.resolve("github-output");
        Path githubEnv = dir.resolve("github-env");
        Path summary = dir.resolve("step-summary.md");

        workspace.run("grade", "--format", "classroom", "--github-output", githubOutput.toString(),
                "--github-env", githubEnv.toString(), "--step-summary", summary.toString());

        assertThat(Files.readAllLines(githubOutput)).containsExactly("runners=kata01,kata02,kata03,kata04");
        Map<String, JsonNode> runners = new LinkedHashMap<>();
        for (String line : Files.readAllLines(githubEnv)) {
            String[] nameAndValue = line.split("=", 2);
            runners.put(nameAndValue[0], new ObjectMapper().readTree(new String(
                    Base64.getDecoder().decode(nameAndValue[1]), StandardCharsets.UTF_8)));
        }
        assertThat(runners).containsOnlyKeys("KATA01_RESULTS", "KATA02_RESULTS", "KATA03_RESULTS", "KATA04_RESULTS");
        JsonNode half = runners.get("KATA02_RESULTS");
        assertThat(half.get("version").asInt()).isEqualTo(1);
        assertThat(half.get("status").asText()).as("a partly solved kata").isEqualTo("fail");
        assertThat(half.get("max_score").asInt()).isEqualTo(40);
        assertThat(half.get("tests")).as("one entry per point").hasSize(40);
        assertThat(half.get("tests").get(19).get("status").asText()).isEqualTo("pass");
        assertThat(half.get("tests").get(20).get("status").asText()).isEqualTo("fail");
        assertThat(half.get("tests").get(20).get("message").asText()).contains("1 of 2 tests pass")
                .contains("two is two");
        assertThat(runners.get("KATA03_RESULTS").get("status").asText()).isEqualTo("error");
        assertThat(runners.get("KATA01_RESULTS").get("status").asText()).isEqualTo("pass");
        assertThat(Files.readString(summary)).contains("| 02-half | failing: 1 of 2 tests pass | 20 / 40 |");
    }

    @Test
    void the_stock_reporters_three_totals_agree_on_the_classroom_runners() throws Exception {
        Path githubOutput = dir.resolve("github-output-totals");
        Path githubEnv = dir.resolve("github-env-totals");
        workspace.run("grade", "--format", "classroom", "--github-output", githubOutput.toString(),
                "--github-env", githubEnv.toString());
        List<JsonNode> runners = new ArrayList<>();
        for (String line : Files.readAllLines(githubEnv)) {
            runners.add(new ObjectMapper().readTree(Base64.getDecoder().decode(line.split("=", 2)[1])));
        }

        // As autograding-grading-reporter computes them: its log counts passed entries of all runners; its table
        // weighs each runner's passed entries by its share of the points; Classroom gets the sum of the scores.
        double passed = 0, entries = 0, table = 0, scores = 0, maxScores = 0;
        for (JsonNode runner : runners) {
            double runnerPassed = 0;
            double runnerScores = 0;
            for (JsonNode entry : runner.get("tests")) {
                runnerPassed += entry.get("status").asText().equals("pass") ? 1 : 0;
                runnerScores += entry.get("score").asDouble();
            }
            double max = runner.get("max_score").asDouble();
            assertThat(runnerPassed / runner.get("tests").size() * max)
                    .as("within a runner, passed entries / all entries x max score equals the sum of the scores")
                    .isEqualTo(runnerScores);
            passed += runnerPassed;
            entries += runner.get("tests").size();
            scores += runnerScores;
            maxScores += max;
        }
        for (JsonNode runner : runners) {
            double max = runner.get("max_score").asDouble();
            double runnerPassed = 0;
            for (JsonNode entry : runner.get("tests")) {
                runnerPassed += entry.get("status").asText().equals("pass") ? 1 : 0;
            }
            table += runnerPassed / runner.get("tests").size() * Math.round(max / maxScores * 100);
        }
        assertThat(passed / entries * 100).as("the log's grand total, in percent").isEqualTo(scores / maxScores * 100);
        assertThat(table).as("the table's total, in percent").isCloseTo(scores / maxScores * 100, within(1e-9));
        assertThat(scores).as("the points Classroom records").isEqualTo(60);
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

    @Test
    void a_folder_the_grades_cannot_be_written_to_is_refused_before_grading() throws Exception {
        Path aFile = Files.writeString(dir.resolve("not-a-folder"), "");

        int exit = workspace.run("grade", "--format", "junit", "--output", aFile.resolve("grades").toString());

        assertThat(exit).as("exit code of grade with an unusable --output").isEqualTo(2);
        assertThat(workspace.err).contains("cannot write the grades to").contains("Nothing was graded")
                .doesNotContain("grading 01-passes");
    }

    @Test
    void every_format_writes_the_report_page_saying_whose_code_it_is_and_its_points() throws Exception {
        workspace.run("grade", "--output", "out-page");

        Path page = dir.resolve("out-page/report.html");
        assertThat(workspace.out).as("what grade printed").contains("wrote " + page);
        assertThat(Files.readString(page)).as("the grade's report page")
                .contains("The code of this repository, " + dir + ": 60 / 100 points")
                .containsPattern("data-kata=\"02-half\">.*failing: 1 of 2 tests pass.*20 / 40")
                .contains("data-test=\"CodeTest#two is two\" data-outcome=\"FAIL\"", "expected: &lt;2&gt; but was: "
                        + "&lt;3&gt;");
    }

    @Test
    void text_grades_too_are_refused_before_grading_when_the_folder_cannot_be_written() throws Exception {
        Path aFile = Files.writeString(dir.resolve("not-a-folder-either"), "");

        int exit = workspace.run("grade", "--output", aFile.resolve("grades").toString());

        assertThat(exit).as("exit code of grade --format text with an unusable --output").isEqualTo(2);
        assertThat(workspace.err).as("what grade said").contains("cannot write the grades to")
                .doesNotContain("grading 01-passes");
    }

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }
}
