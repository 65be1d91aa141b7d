package katas.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import katas.process.CapturedProcess;
import katas.process.Classpath;
import katas.process.JavaProcess;
import katas.process.ProcessTree;
import katas.testkit.KataTest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A solution's tests pass under the JUnit console launcher's {@code --class-path} as they do under Surefire.
 *
 * <p>There {@code java.class.path} names only the launcher's jar: the tests, the kit and their libraries are loaded
 * by a class loader the launcher makes for {@code --class-path}. A child JVM given {@code java.class.path} as its
 * {@code -cp} then finds neither its main class nor the kit, so {@link Classpath#including} must also read the
 * class loaders. The katas chosen are those whose children load the most: 01's learner builds the class path itself,
 * 04's and 07's children go through the kit.
 */
class UnderTheConsoleLauncherTest {

    /** Where Maven resolved junit-platform-console-standalone (the architecture pom passes it on). */
    static final String CONSOLE_JAR_PROPERTY = "katas.architecture.consoleLauncher";

    private static final Duration RUN_LIMIT = Duration.ofSeconds(90);
    private static final Pattern COUNT = Pattern.compile("\\[\\s*(\\d+) tests (\\w+)\\s*]");

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "solutions/{0}")
    @ValueSource(strings = {"01-create-process", "04-queue-producer-consumer", "07-manager-list"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void every_test_of_the_solution_passes_under_the_console_launchers_class_path(String slug) throws Exception {
        Path solution = Modules.ROOT.resolve("solutions").resolve(slug);
        assumeTrue(Files.isDirectory(solution), "a repository without solutions/ (a student's) has none to run");
        String consoleJar = System.getProperty(CONSOLE_JAR_PROPERTY);
        assertThat(consoleJar)
                .as("system property %s, the path of junit-platform-console-standalone: run this test through "
                        + "Maven (./mvnw verify), whose architecture pom resolves the jar and passes it on",
                        CONSOLE_JAR_PROPERTY)
                .isNotNull();
        for (String compiled : List.of("target/classes", "target/test-classes")) {
            assertThat(solution.resolve(compiled)).as("the compiled solution (the build compiles it before this)")
                    .isDirectory();
        }

        List<String> command = List.of(JavaProcess.javaBinary().toString(), "-jar", consoleJar, "execute",
                "--disable-banner", "--disable-ansi-colors", "--details=summary", "--fail-if-no-tests",
                // Each test bounded inside the launcher too, so that it ends even if this JVM is killed.
                "--config=junit.jupiter.execution.timeout.default=60s",
                "--class-path", classPathFor(solution), "--select-package", "katas");
        CapturedProcess launcher = new CapturedProcess(new ProcessBuilder(command)
                .directory(workDir.toFile()).redirectErrorStream(true).start());
        ProcessHandle handle = launcher.process().toHandle();
        String what = "the JVM of the JUnit console launcher (pid " + launcher.pid() + ", java -jar "
                + Path.of(consoleJar).getFileName() + " execute --class-path <solutions/" + slug
                + "'s classes and its kata's tests, the kit, AssertJ, Awaitility, Hamcrest, Byte Buddy> "
                + "--select-package katas)";
        int exitCode;
        try {
            if (!launcher.process().waitFor(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                String tree = handle.descendants().map(ProcessTree::describe).collect(Collectors.joining("\n  "));
                ProcessTree.killWithEverythingItOwns(handle);
                fail(what + " was still running after " + RUN_LIMIT.toSeconds() + " s, so it was killed with "
                        + "the processes it had started:\n  " + tree + "\nIts output so far:\n"
                        + launcher.stdout().text());
            }
            exitCode = launcher.awaitExit(Duration.ofSeconds(10));
        } finally {
            if (handle.isAlive()) {
                ProcessTree.killWithEverythingItOwns(handle);
            }
        }
        List<ProcessHandle> leftBehind = ProcessTree.ownedBy(handle).collect(Collectors.toList());
        String leftNames = leftBehind.stream().map(ProcessTree::describe).collect(Collectors.joining("\n  "));
        leftBehind.forEach(ProcessTree::kill);
        String report = launcher.stdout().text();
        assertThat(leftBehind)
                .as("processes that the tests' children left running after %s had exited (now killed):\n  %s",
                        what, leftNames)
                .isEmpty();

        Map<String, Integer> counts = counts(report);
        int found = counts.getOrDefault("found", 0);
        int passed = counts.getOrDefault("successful", 0);
        int skipped = counts.getOrDefault("skipped", 0);
        if (exitCode != 0 || found == 0 || passed + skipped != found) {
            fail(what + " exited with " + exitCode + ": " + passed + " of " + found + " tests passed ("
                    + counts.getOrDefault("failed", 0) + " failed, " + counts.getOrDefault("aborted", 0)
                    + " aborted, " + skipped + " skipped). There java.class.path names only the launcher's jar, so "
                    + "a child JVM whose -cp is built from it alone finds neither its main class nor the kit: it "
                    + "ends at once with a NoClassDefFoundError or 'Could not find or load main class' on its "
                    + "stderr, and the test that started it sees no output, or an exit code of 1. A child's class "
                    + "path must include what the class loaders of this JVM load from (Classpath.including), and "
                    + "a fixture that the learner's code starts may need nothing beyond its own folder. The "
                    + "launcher's report:\n" + report);
        }
    }

    /** What the launcher's --class-path must hold besides itself: the solution, its tests, the kit and its libraries. */
    private static String classPathFor(Path solution) {
        List<String> entries = new ArrayList<>();
        entries.add(solution.resolve("target/classes").toString());
        entries.add(solution.resolve("target/test-classes").toString());
        for (Class<?> anchor : List.of(KataTest.class, Classpath.class, org.assertj.core.api.Assertions.class,
                org.awaitility.Awaitility.class, org.hamcrest.Matcher.class, net.bytebuddy.ByteBuddy.class)) {
            entries.add(Classpath.locationOf(anchor).toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The test counts of the launcher's summary, e.g. {@code [ 26 tests successful ]}. */
    private static Map<String, Integer> counts(String report) {
        Map<String, Integer> counts = new TreeMap<>();
        Matcher m = COUNT.matcher(report);
        while (m.find()) {
            counts.put(m.group(2), Integer.parseInt(m.group(1)));
        }
        return counts;
    }
}
