package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import katas.process.CapturedProcess;
import katas.testkit.KataTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two checks of the same kata at once, as {@code ./kata watch} and {@code ./kata check} in two terminals. */
@KataTest
class ConcurrentChecksTest {

    private static final String TESTS = "class CodeTest {\n"
            + "  @Test void answers_two() throws Exception { Thread.sleep(1500); assertEquals(2, Code.answer()); } }";

    @TempDir
    Path dir;

    @Test
    void a_second_check_waits_for_the_first_and_both_report_the_code_as_it_is_now() throws Exception {
        TempWorkspace workspace = new TempWorkspace(dir).manifest("{\"katas\": [{\"slug\": \"01-two\", "
                + "\"title\": \"Two\", \"testJvms\": 1}]}")
                .kata("01-two", "public class Code { public static int answer() { return 1; } }", TESTS);
        CapturedProcess first = workspace.startChecker("check", "01");
        Path work = dir.resolve("katas/01-two/target/kata-check");
        // Compiled and holding the lock: the first check has read the code it checks and is running its tests.
        await("the first check holding the kata's lock, its code compiled").atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(work.resolve("compiled-from.txt")) && isHeld(work.resolve("check.lock")));

        workspace.write("katas/01-two/src/main/java/p/Code.java",
                "package p;\npublic class Code { public static int answer() { return 2; } }\n");
        CapturedProcess second = workspace.startChecker("check", "01");

        assertThat(second.awaitExit(Duration.ofSeconds(60))).as("exit code of the second check:%n%s%n%s",
                second.stdout().text(), second.stderr().text()).isZero();
        assertThat(first.awaitExit(Duration.ofSeconds(60))).as("exit code of the first check, whose code changed "
                + "while it ran:%n%s%n%s", first.stdout().text(), first.stderr().text()).isZero();
        assertThat(second.stderr().text()).as("what the second check said while it waited")
                .contains("Another check of this kata is running");
        assertThat(first.stderr().text()).as("what the first check said when the code changed under it")
                .contains("The code changed while it was being checked");
    }

    /** True if another process holds the lock file (this one could not take it). */
    private static boolean isHeld(Path lock) throws IOException {
        if (!Files.exists(lock)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock ours = channel.tryLock();
            if (ours != null) {
                ours.release();
                return false;
            }
            return true;
        }
    }
}
