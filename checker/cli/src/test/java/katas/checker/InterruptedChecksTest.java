package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import katas.process.CapturedProcess;
import katas.testkit.KataTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check that is interrupted (Ctrl-C, or killed outright by a time limit) leaves nothing behind: no test JVM, no
 * process the tests started, no temporary folder.
 */
@KataTest
@EnabledOnOs(value = {OS.LINUX, OS.MAC}, disabledReason = "sends POSIX signals")
class InterruptedChecksTest {

    private static final String SLEEP = "47.4747";
    private static final Duration GONE_WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private TempWorkspace workspace;

    @BeforeEach
    void aKataWhoseTestStartsAProcessAndMakesATemporaryFolder() throws IOException {
        workspace = new TempWorkspace(dir).manifest("{\"katas\": [{\"slug\": \"01-long\", \"title\": \"Long\", "
                + "\"timeLimitSeconds\": 120, \"testJvms\": 1}]}")
                .kata("01-long", "public class Code {\n  public static void work() throws Exception {\n"
                        + "    new ProcessBuilder(\"sleep\", \"" + SLEEP + "\").start();\n"
                        + "    java.nio.file.Path made = java.nio.file.Files.createTempDirectory(\"pq\");\n"
                        + "    java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + dir.resolve("made.txt")
                        + "\"), made.toString());\n"
                        + "    Thread.sleep(100_000);\n  }\n}",
                        "class CodeTest {\n  @Test void works() throws Exception { Code.work(); } }");
    }

    @Test
    void a_checker_killed_outright_takes_its_test_jvm_the_tests_processes_and_temporary_files_along()
            throws Exception {
        CapturedProcess checker = checkUntilTheTestIsRunning();

        checker.process().destroyForcibly();

        assertNothingIsLeftWithin(GONE_WITHIN);
    }

    @Test
    void a_checker_stopped_with_ctrl_c_takes_its_test_jvm_the_tests_processes_and_temporary_files_along()
            throws Exception {
        assumeFalse(interruptIsIgnoredHere(), "this JVM was started with SIGINT ignored (as a shell without job "
                + "control starts a background command), and the checker it starts inherits that: no JVM that "
                + "ignores SIGINT runs its shutdown hooks on Ctrl-C");
        CapturedProcess checker = checkUntilTheTestIsRunning();

        new ProcessBuilder("kill", "-INT", String.valueOf(checker.pid())).start().waitFor();

        assertNothingIsLeftWithin(GONE_WITHIN);
    }

    private CapturedProcess checkUntilTheTestIsRunning() throws IOException {
        CapturedProcess checker = workspace.startChecker("check", "01");
        await("the kata's test, started by the checker, running its sleeping child and holding a temporary folder")
                .atMost(Duration.ofSeconds(20)).until(() -> !ours().isEmpty() && !temporaryFolders().isEmpty());
        return checker;
    }

    private void assertNothingIsLeftWithin(Duration limit) throws IOException {
        Path made = Path.of(Files.readString(dir.resolve("made.txt")));
        await().atMost(limit)
                .untilAsserted(() -> assertThat(leftovers())
                        .as("what the interrupted check left %s after it was stopped: the kata test's JVM and its "
                                + "'sleep %s' child are killed by the checker's shutdown hook, which then deletes "
                                + "the run's temporary folder with the folder the test made (%s)", limit, SLEEP, made)
                        .isEmpty());
    }

    private List<String> leftovers() throws IOException {
        List<String> left = new ArrayList<>(ours());
        temporaryFolders().forEach(folder -> left.add("the folder " + folder));
        return left;
    }

    /** Whether SIGINT (signal 2) is in this process's ignored set, which its children inherit; Linux tells. */
    private static boolean interruptIsIgnoredHere() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                .map(line -> new BigInteger(line.substring("SigIgn:".length()).trim(), 16))
                .anyMatch(ignored -> ignored.testBit(2 - 1));
    }

    /** The test's child, and any JVM that runs this workspace's tests. */
    private List<String> ours() {
        return ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("sleep " + SLEEP) || c.contains(dir.toString()) && c.contains("KataTestRunner"))
                .collect(Collectors.toList());
    }

    /** The temporary folder the kata's code made, wherever the JVM put it, while it exists. */
    private List<Path> temporaryFolders() throws IOException {
        Path made = dir.resolve("made.txt");
        if (!Files.isRegularFile(made) || Files.readString(made).isBlank()) {
            return List.of();
        }
        Path folder = Path.of(Files.readString(made));
        return Files.exists(folder) ? List.of(folder) : List.of();
    }
}
