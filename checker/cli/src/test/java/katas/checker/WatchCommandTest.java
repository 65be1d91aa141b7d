package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import katas.testkit.KataTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KataTest
class WatchCommandTest {

    @TempDir
    Path dir;

    @Test
    void watch_checks_again_when_a_file_changes_and_stops_when_every_kata_is_solved() throws Exception {
        TempWorkspace workspace = new TempWorkspace(dir).manifest("{\"katas\": [{\"slug\": \"01-k\", \"title\": \"K\"}]}")
                .kata("01-k", "public class Code { public static int one() { return 0; } }",
                        "class CodeTest { @Test void one_is_one() { assertEquals(1, Code.one()); } }");
        AtomicInteger exit = new AtomicInteger(-1);
        TempWorkspace watching = new TempWorkspace(dir);
        Thread watcher = new Thread(() -> exit.set(watching.run("watch", "--max-checks", "2")));
        watcher.start();
        // The first check fails; the command then waits for a change.
        await().atMost(Duration.ofSeconds(15)).until(() -> watcher.isAlive() && isWaitingForAChange(watcher));

        workspace.write("katas/01-k/src/main/java/p/Code.java",
                "package p;\npublic class Code { public static int one() { return 1; } }\n");
        watcher.join(Duration.ofSeconds(15).toMillis());

        assertThat(watcher.isAlive()).as("watch still running after the kata was solved").isFalse();
        assertThat(exit.get()).isZero();
        assertThat(watching.out).contains("failing: 0 of 1 tests pass").contains("Watching katas/01-k")
                .contains("Solved! That was the last kata");
    }

    /** The first check is done and the watcher is waiting for a change (a change before then is checked at once). */
    private static boolean isWaitingForAChange(Thread watcher) {
        return java.util.Arrays.stream(watcher.getStackTrace()).anyMatch(f -> f.getMethodName().equals("awaitChange"));
    }

    @Test
    void timed_watch_shows_the_time_used_and_stops_when_the_time_is_up() throws Exception {
        TempWorkspace workspace = new TempWorkspace(dir).manifest("{\"katas\": [{\"slug\": \"01-k\", \"title\": \"K\"}]}")
                .kata("01-k", "public class Code { public static int one() { return 0; } }",
                        "class CodeTest { @Test void one_is_one() { assertEquals(1, Code.one()); } }");

        int exit = workspace.run("watch", "--minutes", "0");

        assertThat(exit).isEqualTo(1);
        assertThat(workspace.out).contains("Time used: 0 min").contains("Time is up: 0 min");
    }
}
