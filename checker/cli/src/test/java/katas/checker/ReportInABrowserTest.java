package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import katas.checker.report.HtmlReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The HTML report as a browser shows it: Debian's headless Chromium, driven through Debian's chromedriver (named
 * explicitly, so that Selenium Manager never downloads a browser or a driver), one browser for the whole class.
 * Screenshots of a failing and a solved kata go to {@code checker/cli/target/report-screenshots/}.
 *
 * <p>Not a {@code @KataTest}: its leak guard would take the browser's processes, started once for all tests, for
 * processes a test left behind.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReportInABrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = TempWorkspace.REPO.resolve("checker/cli/target/report-screenshots");

    private static ChromeDriverService service;
    private static ChromeDriver browser;
    private static Path profile;
    private static String page;
    /** What the browser's console said on every load of the page. */
    private static final List<LogEntry> CONSOLE = new ArrayList<>();

    @BeforeAll
    static void headless_chromium_with_a_fresh_profile() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "the browser test needs "
                + CHROMIUM + " and " + CHROMEDRIVER + " (Debian's): apt-get install chromium chromium-driver, "
                + "or run .ci/run, which installs them");
        Files.createDirectories(SCREENSHOTS);
        Path file = Files.writeString(SCREENSHOTS.resolve("kata-report.html"),
                HtmlReport.progress(ReportSamples.katas(), ReportSamples.results(), ReportSamples.tasks()));
        page = file.toUri().toString();
        profile = Files.createTempDirectory("katas-chromium-");

        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1100,900",
                "--user-data-dir=" + profile);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        try {
            browser = new ChromeDriver(service, options);
        } catch (RuntimeException failed) {
            closeTheBrowser();
            throw failed;
        }
    }

    @BeforeEach
    void the_report_freshly_loaded() {
        browser.get(page);
        CONSOLE.addAll(browser.manage().logs().get(LogType.BROWSER).getAll());
    }

    @AfterAll
    static void closeTheBrowser() throws IOException {
        List<ProcessHandle> started = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false))
                .collect(Collectors.toList());
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            // Whatever of the browser outlived quit() (a renderer on its way out, say) is ours to end.
            for (ProcessHandle process : started) {
                if (!process.onExit().completeOnTimeout(process, 5, TimeUnit.SECONDS).join().isAlive()) {
                    continue;
                }
                process.destroyForcibly();
            }
            if (profile != null) {
                deleteTree(profile);
            }
        }
    }

    @Test
    void the_page_loads_without_an_error_in_the_browsers_console() {
        assertThat(browser.getTitle()).as("the page's title, once loaded").startsWith("Process Katas for Java");
        assertThat(CONSOLE).as("what the browser's console said while the page loaded: nothing SEVERE")
                .noneMatch(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue());
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
        WebElement timeline = test(ReportSamples.LEFT_RUNNING).findElement(By.cssSelector("svg.timeline"));
        WebElement lane = timeline.findElement(By.cssSelector("g.lane[data-pid='" + ReportSamples.LEAKED_PID + "']"));
        double testEnd = number(timeline.findElement(By.cssSelector("line.test-end")), "x1");
        WebElement pastEnd = lane.findElement(By.cssSelector("rect.past-end"));

        assertThat(lane.getDomAttribute("class")).as("the leaked lane's classes").contains("leaked");
        assertThat(lane.getDomAttribute("data-parent-pid")).as("the leaked lane's parent")
                .isEqualTo(String.valueOf(ReportSamples.LEAKED_PARENT_PID));
        assertThat(lane.getDomAttribute("data-depth")).as("the leaked lane's depth: a grandchild of the test JVM")
                .isEqualTo("1");
        assertThat(lane.findElement(By.cssSelector("rect.bar")).getCssValue("fill"))
                .as("the colour of the leaked lane's bar").isEqualTo("rgb(207, 34, 46)");
        assertThat(lane.findElement(By.cssSelector("text.status")).getText()).as("the leaked lane's status")
                .isEqualTo("leaked, killed");
        assertThat(number(pastEnd, "x") + number(pastEnd, "width"))
                .as("where the leaked bar's part past the test's end ends, against the test's end at " + testEnd)
                .isGreaterThan(testEnd + 100);
        assertThat(pastEnd.isDisplayed()).as("the leaked bar's part past the test's end is shown").isTrue();
    }

    @Test
    void every_lane_tells_its_processs_details_on_hover() {
        List<WebElement> lanes = browser.findElements(By.cssSelector("g.lane"));

        assertThat(lanes).as("the lanes of every timeline on the page").hasSize(1 + 1 + 4 + 4 + 3);
        for (WebElement lane : lanes) {
            String title = lane.findElement(By.tagName("title")).getDomProperty("textContent");
            assertThat(title).as("the hover text of the lane of pid " + lane.getDomAttribute("data-pid"))
                    .startsWith("pid " + lane.getDomAttribute("data-pid") + ", parent pid "
                            + lane.getDomAttribute("data-parent-pid") + "\n")
                    .contains("started at ").endsWith("\n" + lane.getDomAttribute("data-status"));
        }
    }

    @Test
    void a_failing_tests_message_reads_as_it_was_written() {
        WebElement message = test(ReportSamples.ONE_AFTER_ANOTHER).findElement(By.cssSelector("pre.message"));

        assertThat(message.getDomProperty("textContent"))
                .as("the failing test's message as the page holds it, angle brackets and all")
                .isEqualTo(ReportSamples.ONE_AFTER_ANOTHER_MESSAGE.strip());
        assertThat(message.isDisplayed()).as("the failing test's message is shown").isTrue();
    }

    @Test
    void a_failing_tests_timeline_is_shown_and_a_passing_tests_opens_when_its_summary_is_clicked() {
        WebElement passing = test(ReportSamples.AT_ONCE);

        assertThat(test(ReportSamples.ONE_AFTER_ANOTHER).findElement(By.cssSelector("svg.timeline")).isDisplayed())
                .as("the failing test's timeline, before any click").isTrue();
        assertThat(passing.findElement(By.cssSelector("svg.timeline")).isDisplayed())
                .as("the passing test's timeline, before its summary is clicked").isFalse();
        passing.findElement(By.tagName("summary")).click();
        assertThat(passing.findElement(By.cssSelector("svg.timeline")).isDisplayed())
                .as("the passing test's timeline, after its summary was clicked").isTrue();
    }

    @Test
    void a_failing_and_a_solved_kata_are_saved_as_screenshots() throws IOException {
        browser.findElements(By.cssSelector("details > summary")).forEach(WebElement::click);

        Path failing = screenshot(kata(ReportSamples.FOUR_PRINTERS.slug()), "failing-kata.png");
        Path solved = screenshot(kata(ReportSamples.CREATE_PROCESS.slug()), "solved-kata.png");
        Path whole = screenshot(browser.findElement(By.tagName("body")), "report.png");

        for (Path png : List.of(failing, solved, whole)) {
            byte[] bytes = Files.readAllBytes(png);
            assertThat(bytes.length).as("the size of " + png).isGreaterThan(10_000);
            assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
                    .as("the signature of " + png).isEqualTo("PNG");
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

    private static List<Bar> bars(String test) {
        List<Bar> bars = new ArrayList<>();
        for (WebElement lane : test(test).findElements(By.cssSelector("svg.timeline g.lane"))) {
            WebElement bar = lane.findElement(By.cssSelector("rect.bar"));
            bars.add(new Bar(lane.getDomAttribute("data-pid"), number(bar, "x"), number(bar, "width")));
        }
        return bars;
    }

    private static WebElement test(String key) {
        return browser.findElement(By.cssSelector("section.test[data-test=\"" + key + "\"]"));
    }

    private static WebElement kata(String slug) {
        return browser.findElement(By.cssSelector("section.kata[data-kata='" + slug + "']"));
    }

    private static double number(WebElement element, String attribute) {
        return Double.parseDouble(element.getDomAttribute(attribute));
    }

    /**
     * The element whole, however far it reaches below the window: Chromium's own screenshot, clipped to where the
     * element is on the page.
     */
    private static Path screenshot(WebElement element, String name) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) browser.executeScript("const r = arguments[0]"
                + ".getBoundingClientRect(); return {x: r.left + window.scrollX, y: r.top + window.scrollY, "
                + "width: r.width, height: r.height};", element);
        Map<String, Object> clip = Map.of("x", box.get("x"), "y", box.get("y"), "width", box.get("width"),
                "height", box.get("height"), "scale", 1);
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

}
