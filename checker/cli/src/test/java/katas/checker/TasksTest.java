package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import katas.testkit.KataTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check, the board, hint and watch follow a kata's tasks: one(), then two(), then three(). */
@KataTest
class TasksTest {

    private static final String CODE = "katas/01-k/src/main/java/p/Code.java";

    @TempDir
    Path dir;

    private TempWorkspace workspace;

    @BeforeEach
    void aKataOfThreeTasks() throws IOException {
        workspace = new TempWorkspace(dir).manifest("{\"katas\": [{\"slug\": \"01-k\", \"title\": \"Numbers\", "
                + "\"learnerFiles\": [\"p/Code.java\"]}]}").taskedKata("01-k");
    }

    private void learnerWrote(boolean one, boolean two, boolean three) throws IOException {
        workspace.write(CODE, "package p;\n" + TempWorkspace.code(one, two, three) + "\n");
    }

    @Test
    void check_shows_the_tasks_done_the_current_tasks_failures_in_full_and_each_later_task_as_one_line()
            throws IOException {
        learnerWrote(true, false, false);

        int exit = workspace.run("check", "01");

        assertThat(exit).as("the exit code of a check that is not all green").isEqualTo(1);
        assertThat(workspace.out).as("the check's report")
                .contains("01-k: task 2 of 3, 1/4 tests pass")
                .containsPattern("done  1\\. Return one +\\(1 test passes\\)")
                .containsPattern("now   2\\. Return two +\\(0 of 2 tests pass\\)")
                .contains("FAIL  two is two", "FAIL  two is one more than one", "TODO task 2: return 2")
                .containsPattern("next  3\\. Return three +\\(1 test, not started\\)")
                .doesNotContain("three is three", "PASS  one is one")
                .contains("Next: task 2 of 3, \"Return two\", of kata 01-k",
                        "read   katas/01-k/README.md\n           section \"2. Return two\"", "hint   ./kata hint 01");
    }

    @Test
    void a_later_task_that_passes_in_part_shows_how_many_of_its_tests_pass() throws IOException {
        workspace.write(CODE, "package p;\n" + TempWorkspace.code(false, true, false));

        workspace.run("check", "01");

        assertThat(workspace.out).as("the check's report")
                .containsPattern("now   1\\. Return one +\\(0 of 1 test passes\\)")
                .containsPattern("next  2\\. Return two +\\(1 of 2 tests pass\\)");
    }

    @Test
    void check_exits_with_zero_only_when_every_task_is_done() throws IOException {
        learnerWrote(true, true, true);

        int exit = workspace.run("check", "01");

        assertThat(exit).as("the exit code of a check where every test passes; output:%n%s", workspace.out).isZero();
        assertThat(workspace.out).as("the check's report").contains("done  1. Return one", "done  2. Return two",
                "done  3. Return three", "Solved!").doesNotContainPattern("(?m)^  (now|next)  ");
    }

    @Test
    void the_board_shows_which_task_of_how_many_each_kata_is_at() throws IOException {
        learnerWrote(true, false, false);

        workspace.run();

        assertThat(workspace.out).as("the board")
                .containsPattern("01  Numbers +task 2 of 3, 1/4 tests pass")
                .contains("Next: task 2 of 3, \"Return two\", of kata 01-k");
    }

    @Test
    void hint_gives_the_current_tasks_hints_one_at_a_time_and_starts_again_with_the_next_task() throws IOException {
        workspace.run("hint", "01");
        String first = workspace.out;
        workspace.run("hint", "01");
        String noMore = workspace.out;
        learnerWrote(true, false, false);
        workspace.run("hint", "01");
        String nextTask = workspace.out;

        assertThat(first).as("the first hint on the stub").contains("Task 1. Return one of 01-k, hint 1 of 1")
                .contains("One is 1.");
        assertThat(noMore).as("a second hint for a task of one hint").contains("No more hints for task 1. Return one");
        assertThat(nextTask).as("the first hint once task 1 is done").contains("Task 2. Return two of 01-k, hint 1 of 2")
                .contains("Two is 2.");
    }

    @Test
    void hint_stays_with_the_last_task_hinted_while_the_code_does_not_compile() throws IOException {
        learnerWrote(true, false, false);
        workspace.run("hint", "01");
        workspace.write(CODE, "package p;\npublic class Code { this does not compile }\n");

        workspace.run("hint", "01");

        assertThat(workspace.out).as("a hint while the code does not compile").contains("does not compile now")
                .contains("Task 2. Return two of 01-k, hint 2 of 2").contains("return 2;");
    }

    @Test
    void watch_announces_each_task_that_turns_green_and_names_the_next() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        TempWorkspace watching = new TempWorkspace(dir);
        Thread watcher = new Thread(() -> exit.set(watching.run("watch", "--max-checks", "3")));
        watcher.start();
        awaitTheWatcherWaiting(watcher);
        learnerWrote(true, false, false);
        awaitTheWatcherWaiting(watcher);
        learnerWrote(true, true, true);
        watcher.join(Duration.ofSeconds(20).toMillis());

        assertThat(watcher.isAlive()).as("watch still running after the kata was solved").isFalse();
        assertThat(exit.get()).as("watch's exit code once every kata is solved").isZero();
        String out = watching.out;
        assertThat(out).as("what watch printed")
                .contains("Task 1 (Return one) is done: all its tests pass.")
                .contains("On to task 2 (Return two): katas/01-k/README.md, section \"2. Return two\".")
                .contains("Task 2 (Return two) is done", "Task 3 (Return three) is done",
                        "That was the last task of 01-k.");
        assertThat(out.indexOf("Task 1 (Return one) is done")).as("task 1 announced before task 2")
                .isLessThan(out.indexOf("Task 2 (Return two) is done"));
    }

    private static void awaitTheWatcherWaiting(Thread watcher) throws InterruptedException {
        Thread.sleep(300); // the watcher may still be in the previous wait: let it see the change first
        await().atMost(Duration.ofSeconds(20)).until(() -> watcher.isAlive() && java.util.Arrays
                .stream(watcher.getStackTrace()).anyMatch(f -> f.getMethodName().equals("awaitChange")));
    }
}
