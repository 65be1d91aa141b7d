package katas.checker;

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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, with a fresh profile, driven through Debian's chromedriver, both named explicitly so
 * that Selenium Manager never downloads a browser or a driver; a page's elements found by CSS selector.
 *
 * <p>The only class that uses Selenium: the browser test's own class names none of its types, so that it loads
 * in the test JVM that has no Selenium on its class path (see the module's pom) and is left out there by its tag.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    /** What the console said on every load, at level SEVERE or worse. */
    private final List<String> severe = new ArrayList<>();

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static HeadlessChromium start() throws IOException {
        Path profile = Files.createTempDirectory("katas-chromium-");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1100,900",
                "--user-data-dir=" + profile);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        try {
            return new HeadlessChromium(service, new ChromeDriver(service, options), profile);
        } catch (RuntimeException failed) {
            service.stop();
            deleteTree(profile);
            throw failed;
        }
    }

    /** Loads the page, and keeps what the console said meanwhile. */
    void load(String url) {
        driver.get(url);
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER).getAll()) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(entry.getMessage());
            }
        }
    }

    /** Every SEVERE message of the console, of every load so far. */
    List<String> severeConsoleMessages() {
        return List.copyOf(severe);
    }

    String title() {
        return driver.getTitle();
    }

    /** An attribute as the page's markup has it, of each element that matches, in document order. */
    List<String> attributes(String css, String attribute) {
        return all(css).stream().map(e -> e.getDomAttribute(attribute)).collect(Collectors.toList());
    }

    /** The text each element that matches holds (its {@code textContent}), in document order. */
    List<String> texts(String css) {
        return all(css).stream().map(e -> e.getDomProperty("textContent")).collect(Collectors.toList());
    }

    /** Whether the first element that matches is shown. */
    boolean displayed(String css) {
        return driver.findElement(By.cssSelector(css)).isDisplayed();
    }

    /** A CSS property's computed value for the first element that matches, e.g. {@code rgb(207, 34, 46)}. */
    String computed(String css, String property) {
        return driver.findElement(By.cssSelector(css)).getCssValue(property);
    }

    /** Clicks each element that matches. */
    void click(String css) {
        all(css).forEach(WebElement::click);
    }

    /**
     * A PNG of the first element that matches, whole, however far it reaches below the window: Chromium's own
     * screenshot, clipped to where the element is on the page.
     */
    Path screenshot(String css, Path file) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) driver.executeScript("const r = arguments[0]"
                + ".getBoundingClientRect(); return {x: r.left + window.scrollX, y: r.top + window.scrollY, "
                + "width: r.width, height: r.height};", driver.findElement(By.cssSelector(css)));
        Map<String, Object> clip = Map.of("x", box.get("x"), "y", box.get("y"), "width", box.get("width"),
                "height", box.get("height"), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    private List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Quits the browser and its driver; what of them outlives that (a renderer on its way out) is ended. */
    @Override
    public void close() throws IOException {
        List<ProcessHandle> browser = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false))
                .collect(Collectors.toList());
        try {
            driver.quit();
        } finally {
            service.stop();
            for (ProcessHandle process : browser) {
                if (process.onExit().completeOnTimeout(process, 5, TimeUnit.SECONDS).join().isAlive()) {
                    process.destroyForcibly();
                }
            }
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
