package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import katas.checker.model.Grade;
import katas.checker.model.KataResult;
import katas.checker.model.TaskProgress;
import katas.checker.report.HtmlReport;
import katas.process.ProcessTimeline;
import katas.process.ProcessTimeline.Lane;
import katas.testjvm.Outcome;
import org.junit.jupiter.api.Test;

/** The HTML report as text: what it shows, its hooks, and that nothing from the learner's code becomes markup. */
class HtmlReportTest {

    private static final String PAGE = HtmlReport.progress(ReportSamples.katas(), ReportSamples.results(),
            ReportSamples.tasks());

    @Test
    void a_test_name_message_and_command_with_markup_are_shown_as_text() {
        String script = "<script>alert(1)</script>";
        KataResult result = KataResult.of("01-create-process", List.of(ReportSamples.test("LauncherTest",
                "prints " + script + " \"quoted\"", Outcome.FAILED, "</pre>" + script, 1,
                new ProcessTimeline(100, 100, List.of(new Lane(7, ReportSamples.TEST_JVM,
                        "sh -c <img src=x onerror=alert(2)>", 0, 90, 0, false))))), 10);

        String page = HtmlReport.progress(List.of(ReportSamples.CREATE_PROCESS),
                Map.of(result.slug(), result), Map.of(result.slug(), TaskProgress.of(List.of(), result)));

        assertThat(page).as("the page, with a test whose name, message and command hold markup")
                .doesNotContain("<script", "</pre><", "<img")
                .contains("prints &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;")
                .contains("data-test=\"LauncherTest#prints &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;\"")
                .contains("&lt;/pre&gt;&lt;script&gt;")
                .contains("sh -c &lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void control_characters_and_halves_of_surrogate_pairs_become_replacement_characters() {
        KataResult result = KataResult.of("01-create-process", List.of(ReportSamples.test("LauncherTest",
                "odd", Outcome.FAILED, "bell \u0007, half \ud800, whole \ud83d\ude00", 1, ProcessTimeline.NONE)), 10);

        String page = HtmlReport.progress(List.of(ReportSamples.CREATE_PROCESS),
                Map.of(result.slug(), result), Map.of(result.slug(), TaskProgress.of(List.of(), result)));

        assertThat(page).as("the message with a control character, a lone surrogate and an emoji")
                .contains("bell \ufffd, half \ufffd, whole \ud83d\ude00");
    }

    @Test
    void the_page_needs_nothing_outside_itself() {
        assertThat(PAGE).as("the page: no script, style sheet, image or frame loaded from elsewhere")
                .doesNotContain("<script", "src=", "<link rel=\"stylesheet\"", "<iframe", "@import", "url(http");
        Matcher links = Pattern.compile("href=\"([^\"]*)\"").matcher(PAGE);
        while (links.find()) {
            assertThat(links.group(1)).as("a link of the page: only to a place in it, or data").matches("#.*|data:.*");
        }
    }

    @Test
    void the_board_gives_each_katas_state_as_the_terminal_board_does() {
        assertThat(PAGE).as("the board's rows")
                .containsPattern("data-kata=\"01-create-process\">.*solved \\(3 tests pass\\)")
                .containsPattern("data-kata=\"02-pool-map\">.*not available yet")
                .containsPattern("data-kata=\"03-four-printers\">.*task 2 of 3, 1/3 tests pass");
    }

    @Test
    void each_kata_shows_its_tasks_as_done_now_and_next() {
        assertThat(PAGE).as("the tasks of 03, which is at its task 2")
                .contains("<span class=\"label\">done</span> 1. Start four printers")
                .contains("<span class=\"label\">now</span> 2. Pass each line on as it arrives")
                .contains("<span class=\"label\">next</span> 3. Join every child");
    }

    @Test
    void every_test_has_a_section_with_its_outcome_and_name() {
        assertThat(section(ReportSamples.AT_ONCE)).as("the passing test's section")
                .contains("data-outcome=\"PASS\"", ">PASS</span>", "the four children are alive at the same time");
        assertThat(section("LauncherTest#a path with spaces works on windows")).as("the skipped test's section")
                .contains("data-outcome=\"SKIP\"", ">SKIP</span>");
        assertThat(section(ReportSamples.ONE_AFTER_ANOTHER)).as("the failing test's section")
                .contains("data-outcome=\"FAIL\"", ">FAIL</span>");
    }

    @Test
    void a_failing_tests_message_is_in_a_pre_escaped() {
        assertThat(section(ReportSamples.ONE_AFTER_ANOTHER)).as("the failing test's section")
                .contains("<pre class=\"message\">[the lines as they reached out] \nexpected: "
                        + "&lt;[&quot;40&quot;, &quot;30&quot;, &quot;20&quot;, &quot;10&quot;]&gt;");
        assertThat(section(ReportSamples.AT_ONCE)).as("the passing test's section").doesNotContain("<pre");
    }

    @Test
    void a_failing_tests_timeline_is_shown_and_a_passing_tests_is_folded_in_details() {
        assertThat(section(ReportSamples.ONE_AFTER_ANOTHER)).as("the failing test's section")
                .contains("<svg class=\"timeline\"").doesNotContain("<details");
        assertThat(section(ReportSamples.AT_ONCE)).as("the passing test's section")
                .containsPattern("(?s)<details class=\"processes\">\\s*<summary>4 processes.*<svg class=\"timeline\"");
    }

    @Test
    void each_process_is_a_lane_in_tree_order_indented_by_its_depth() {
        String section = section(ReportSamples.LEFT_RUNNING);

        Matcher lanes = Pattern.compile("<g class=\"lane [a-z]+\" data-pid=\"(\\d+)\" data-parent-pid=\"\\d+\" "
                + "data-depth=\"(\\d)\"[^>]*>\\s*<title>[^<]*</title>\\s*<rect class=\"row\"[^>]*>\\s*"
                + "<text class=\"label\" x=\"(\\d+)\"").matcher(section);
        List<String> found = new ArrayList<>();
        while (lanes.find()) {
            found.add("pid " + lanes.group(1) + " depth " + lanes.group(2) + " x " + lanes.group(3));
        }
        assertThat(found).as("the lanes of the test that left a grandchild: pid, depth and the label's indent")
                .containsExactly("pid 4201 depth 0 x 0", "pid 4210 depth 1 x 14", "pid 4202 depth 0 x 0");
    }

    @Test
    void a_leaked_lane_is_marked_and_its_bar_goes_on_past_the_tests_end() {
        String lane = lane(section(ReportSamples.LEFT_RUNNING), ReportSamples.LEAKED_PID);
        double testEnd = number(section(ReportSamples.LEFT_RUNNING), "<line class=\"test-end\" x1=\"");

        assertThat(lane).as("the leaked grandchild's lane").startsWith("<g class=\"lane leaked\"")
                .containsPattern("<text class=\"status\"[^>]*>" + ReportSamples.LEAKED.status() + "</text>");
        assertThat(number(lane, "<rect class=\"past-end\" x=\"")).as("where the leaked bar's part past the "
                + "test's end starts, against the test's end at " + testEnd).isEqualTo(testEnd);
    }

    @Test
    void a_process_still_running_when_the_recording_stopped_is_marked() {
        KataResult result = KataResult.of("01-create-process", List.of(ReportSamples.test("LauncherTest",
                "lingers", Outcome.FAILED, "still there", 1, new ProcessTimeline(100, 120, List.of(
                        new Lane(9, ReportSamples.TEST_JVM, "sleep 9", 10, Lane.STILL_RUNNING, Lane.EXIT_UNKNOWN,
                                false))))), 10);

        String page = HtmlReport.progress(List.of(ReportSamples.CREATE_PROCESS),
                Map.of(result.slug(), result), Map.of(result.slug(), TaskProgress.of(List.of(), result)));

        assertThat(lane(page, 9)).as("the lane of a process that outlived the recording")
                .startsWith("<g class=\"lane running\"").contains("<polygon class=\"still-running\"",
                        "still running when the recording stopped", ">still running</text>");
    }

    @Test
    void every_lane_has_a_hover_title_with_pid_parent_command_times_and_status() {
        assertThat(lane(section(ReportSamples.LEFT_RUNNING), ReportSamples.LEAKED_PID))
                .as("the leaked grandchild's lane")
                .contains("<title>pid 4210, parent pid 4201\nsleep 60\nstarted at 50 ms, ended at 620 ms\n"
                        + ReportSamples.LEAKED.status() + "</title>");
    }

    @Test
    void the_grade_page_says_whose_code_it_is_and_the_points() {
        List<Grade> grades = List.of(new Grade(ReportSamples.CREATE_PROCESS, ReportSamples.solved(), 10),
                new Grade(ReportSamples.FOUR_PRINTERS, ReportSamples.atTaskTwo(), 3));

        String page = HtmlReport.grades("the student's repository /home/grader/alice", grades,
                ReportSamples.tasks());

        assertThat(page).as("the grade page")
                .contains("<p class=\"summary\">The code of the student&#39;s repository /home/grader/alice: "
                        + "13 / 20 points</p>")
                .containsPattern("data-kata=\"03-four-printers\">.*<td class=\"points\">3 / 10</td>")
                .contains("data-test=\"" + ReportSamples.LEFT_RUNNING + "\"");
    }

    /** A test's section, from its opening tag to its end (a test's section holds no other section). */
    private static String section(String key) {
        return between(PAGE, "<section class=\"test", "data-test=\"" + key + "\"", "</section>");
    }

    private static String lane(String html, long pid) {
        return between(html, "<g class=\"lane", "data-pid=\"" + pid + "\"", "</g>");
    }

    /** From the last {@code open} before {@code marker} to the first {@code close} after it. */
    private static String between(String html, String open, String marker, String close) {
        int at = html.indexOf(marker);
        assertThat(at).as("where the page has " + marker).isNotNegative();
        int from = html.lastIndexOf(open, at);
        return html.substring(from, html.indexOf(close, at) + close.length());
    }

    private static double number(String html, String before) {
        int at = html.indexOf(before);
        assertThat(at).as("where the drawing has " + before).isNotNegative();
        int from = at + before.length();
        return Double.parseDouble(html.substring(from, html.indexOf('"', from)));
    }
}
