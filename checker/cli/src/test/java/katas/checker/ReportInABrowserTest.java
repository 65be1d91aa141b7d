package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import katas.checker.report.HtmlReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTML report as a browser shows it: the {@link ReportSamples} page in {@link HeadlessChromium}, one browser for
 * the whole class, the page loaded afresh for each test. Screenshots of a failing and a solved kata, and of the
 * whole page, go to {@code checker/cli/target/report-screenshots/}, with the page.
 *
 * <p>Not a {@code @KataTest}: its leak guard would take the browser's processes, started once for all tests, for
 * processes a test left behind. Tagged {@code browser}: it runs in a JVM of its own, the only one with Selenium on
 * its class path (see the module's pom).
 */
@Tag("browser")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReportInABrowserTest {

    private static final Path SCREENSHOTS = TempWorkspace.REPO.resolve("checker/cli/target/report-screenshots");
    private static final String LANES = " svg.timeline g.lane";

    private static HeadlessChromium browser;
    private static String page;

    @BeforeAll
    static void the_report_page_and_a_browser() throws IOException {
        assumeTrue(HeadlessChromium.installed(), "the browser test needs " + HeadlessChromium.CHROMIUM + " and "
                + HeadlessChromium.CHROMEDRIVER + " (Debian's): apt-get install chromium chromium-driver, or run "
                + ".ci/run, which installs them");
        Files.createDirectories(SCREENSHOTS);
        page = Files.writeString(SCREENSHOTS.resolve("kata-report.html"),
                HtmlReport.progress(ReportSamples.katas(), ReportSamples.results(), ReportSamples.tasks()))
                .toUri().toString();
        browser = HeadlessChromium.start();
    }

    @BeforeEach
    void the_page_freshly_loaded() {
        browser.load(page);
    }

    @AfterAll
    static void closeTheBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_page_loads_without_an_error_in_the_browsers_console() {
        assertThat(browser.title()).as("the page's title, once loaded").startsWith("Process Katas for Java");
        assertThat(browser.severeConsoleMessages())
                .as("what the browser's console said at level SEVERE while the page loaded").isEmpty();
    }

    @Test
    void the_four_printers_that_ran_at_once_are_four_lanes_whose_bars_all_overlap() {
        List<Bar> bars = bars(ReportSamples.AT_ONCE);

        assertThat(bars).as("the lanes of the test whose four printers ran at once").hasSize(4);
        for (Bar one : bars) {
            for (Bar other : bars) {
                assertThat(one.overlaps(other)).as("the bars of " + one + " and " + other + " share a moment")
                        .isTrue();
            }
        }
    }

    @Test
    void printers_that_ran_one_after_another_have_bars_that_do_not_overlap() {
        List<Bar> bars = bars(ReportSamples.ONE_AFTER_ANOTHER);

        assertThat(bars).as("the lanes of the test whose printers ran one after another").hasSize(4);
        for (int i = 0; i < bars.size(); i++) {
            for (int j = i + 1; j < bars.size(); j++) {
                assertThat(bars.get(i).overlaps(bars.get(j)))
                        .as("the bars of " + bars.get(i) + " and " + bars.get(j) + " share a moment").isFalse();
            }
        }
    }

    @Test
    void a_leaked_grandchild_is_drawn_red_under_its_parent_and_past_the_tests_end() {
        String timeline = test(ReportSamples.LEFT_RUNNING) + " svg.timeline";
        String lane = timeline + " g.lane[data-pid='" + ReportSamples.LEAKED_PID + "']";
        double testEnd = number(timeline + " line.test-end", "x1");
        double pastEndsEnd = number(lane + " rect.past-end", "x") + number(lane + " rect.past-end", "width");

        assertThat(browser.attributes(lane, "class")).as("the leaked lane's classes").containsExactly("lane leaked");
        assertThat(browser.attributes(lane, "data-parent-pid")).as("the leaked lane's parent")
                .containsExactly(String.valueOf(ReportSamples.LEAKED_PARENT_PID));
        assertThat(browser.attributes(lane, "data-depth")).as("the leaked lane's depth: a grandchild of the test JVM")
                .containsExactly("1");
        assertThat(browser.computed(lane + " rect.bar", "fill")).as("the colour of the leaked lane's bar")
                .isEqualTo("rgb(207, 34, 46)");
        assertThat(browser.texts(lane + " text.status")).as("the leaked lane's status")
                .containsExactly(ReportSamples.LEAKED.status());
        assertThat(pastEndsEnd).as("where the leaked bar's part past the test's end ends, against the test's end at "
                + testEnd).isGreaterThan(testEnd + 100);
        assertThat(browser.displayed(lane + " rect.past-end")).as("the leaked bar's part past the test's end is shown")
                .isTrue();
    }

    @Test
    void every_lane_tells_its_processs_details_on_hover() {
        List<String> pids = browser.attributes("g.lane", "data-pid");
        List<String> parents = browser.attributes("g.lane", "data-parent-pid");
        List<String> statuses = browser.attributes("g.lane", "data-status");
        List<String> titles = browser.texts("g.lane > title");

        assertThat(pids).as("the lanes of every timeline on the page").hasSize(1 + 1 + 4 + 4 + 3);
        assertThat(titles).as("the hover texts, one per lane").hasSameSizeAs(pids);
        for (int i = 0; i < pids.size(); i++) {
            assertThat(titles.get(i)).as("the hover text of the lane of pid " + pids.get(i))
                    .startsWith("pid " + pids.get(i) + ", parent pid " + parents.get(i) + "\n")
                    .contains("started at ").endsWith("\n" + statuses.get(i));
        }
    }

    @Test
    void a_failing_tests_message_reads_as_it_was_written() {
        String message = test(ReportSamples.ONE_AFTER_ANOTHER) + " pre.message";

        assertThat(browser.texts(message)).as("the failing test's message as the page holds it, angle brackets "
                + "and all").containsExactly(ReportSamples.ONE_AFTER_ANOTHER_MESSAGE.strip());
        assertThat(browser.displayed(message)).as("the failing test's message is shown").isTrue();
    }

    @Test
    void a_failing_tests_timeline_is_shown_and_a_passing_tests_opens_when_its_summary_is_clicked() {
        String passing = test(ReportSamples.AT_ONCE);

        assertThat(browser.displayed(test(ReportSamples.ONE_AFTER_ANOTHER) + " svg.timeline"))
                .as("the failing test's timeline, before any click").isTrue();
        assertThat(browser.displayed(passing + " svg.timeline"))
                .as("the passing test's timeline, before its summary is clicked").isFalse();
        browser.click(passing + " summary");
        assertThat(browser.displayed(passing + " svg.timeline"))
                .as("the passing test's timeline, after its summary was clicked").isTrue();
    }

    @Test
    void a_failing_and_a_solved_kata_are_saved_as_screenshots() throws IOException {
        browser.click("details > summary");

        Path failing = browser.screenshot(kata(ReportSamples.FOUR_PRINTERS.slug()),
                SCREENSHOTS.resolve("failing-kata.png"));
        Path solved = browser.screenshot(kata(ReportSamples.CREATE_PROCESS.slug()),
                SCREENSHOTS.resolve("solved-kata.png"));
        Path whole = browser.screenshot("body", SCREENSHOTS.resolve("report.png"));

        for (Path png : List.of(failing, solved, whole)) {
            byte[] bytes = Files.readAllBytes(png);
            assertThat(bytes.length).as("the size of " + png).isGreaterThan(10_000);
            assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).as("the signature of " + png)
                    .isEqualTo("PNG");
        }
    }

    /** A lane's bar: where it starts and how wide it is. */
    private record Bar(String pid, double x, double width) {

        boolean overlaps(Bar other) {
            return x < other.x + other.width && other.x < x + width;
        }

        @Override
        public String toString() {
            return "pid " + pid + " (x " + x + ", width " + width + ")";
        }
    }

    private static List<Bar> bars(String key) {
        String lanes = test(key) + LANES;
        List<String> pids = browser.attributes(lanes, "data-pid");
        List<String> xs = browser.attributes(lanes + " rect.bar", "x");
        List<String> widths = browser.attributes(lanes + " rect.bar", "width");
        assertThat(xs).as("the bars of the lanes of " + key + ", one per lane").hasSameSizeAs(pids);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < pids.size(); i++) {
            bars.add(new Bar(pids.get(i), Double.parseDouble(xs.get(i)), Double.parseDouble(widths.get(i))));
        }
        return bars;
    }

    private static double number(String css, String attribute) {
        List<String> values = browser.attributes(css, attribute);
        assertThat(values).as("the " + attribute + " of " + css).hasSize(1);
        return Double.parseDouble(values.get(0));
    }

    /** The selector of a test's section. */
    private static String test(String key) {
        return "section.test[data-test=\"" + key + "\"]";
    }

    private static String kata(String slug) {
        return "section.kata[data-kata='" + slug + "']";
    }
}
