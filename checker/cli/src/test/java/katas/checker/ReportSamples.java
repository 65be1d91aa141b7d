package katas.checker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import katas.checker.model.Kata;
import katas.checker.model.KataResult;
import katas.checker.model.MainCodeAccess;
import katas.checker.model.Task;
import katas.checker.model.TaskProgress;
import katas.process.ProcessTimeline;
import katas.process.ProcessTimeline.Lane;
import katas.testjvm.Outcome;
import katas.testjvm.TestResult;

/**
 * Two katas' results as a check would give them, with the timelines the test kit records, for the tests of the
 * HTML report: 01 solved; 03 at its task 2, with four printers that ran at once, four that ran one after another
 * (a failure), and a test that left a grandchild running.
 */
final class ReportSamples {

    /** The test JVM: the parent of every test's children. */
    static final long TEST_JVM = 4000;

    static final String AT_ONCE = "FourPrintersTest#the four children are alive at the same time";
    static final String ONE_AFTER_ANOTHER = "FourPrintersTest#each line reaches out as it arrives whichever child "
            + "prints first";
    static final String LEFT_RUNNING = "FourPrintersTest#every child has exited when run returns";
    static final String SOLVED_WITH_A_CHILD = "LauncherTest#the child runs in a process of its own";

    /** The leaked grandchild: a child of the first printer, still running when the test ended. */
    static final long LEAKED_PID = 4210;
    static final long LEAKED_PARENT_PID = 4201;

    /** The leaked grandchild's lane, which the kit killed after the test. */
    static final Lane LEAKED = new Lane(LEAKED_PID, LEAKED_PARENT_PID, "sleep 60", 50, 620, 137, true);

    /** What {@link #ONE_AFTER_ANOTHER} failed with: an assertion message, with the angle brackets they have. */
    static final String ONE_AFTER_ANOTHER_MESSAGE = "[the lines as they reached out] \n"
            + "expected: <[\"40\", \"30\", \"20\", \"10\"]>\n but was: <[\"10\", \"20\", \"30\", \"40\"]>\n"
            + "Each child started after the one before it had ended: start all four, then wait for them.";

    static final Kata CREATE_PROCESS = kata(1, "01-create-process", "A launcher for a child JVM");
    static final Kata FOUR_PRINTERS = kata(3, "03-four-printers", "Four processes running at once");
    static final Kata POOL_MAP = kata(2, "02-pool-map", "A pool of worker processes");

    private ReportSamples() {
    }

    static List<Kata> katas() {
        return List.of(CREATE_PROCESS, POOL_MAP, FOUR_PRINTERS);
    }

    /** The results by slug: 02 could not be checked (it has none). */
    static Map<String, KataResult> results() {
        Map<String, KataResult> results = new LinkedHashMap<>();
        results.put(CREATE_PROCESS.slug(), solved());
        results.put(FOUR_PRINTERS.slug(), atTaskTwo());
        return results;
    }

    static Map<String, TaskProgress> tasks() {
        Map<String, TaskProgress> tasks = new LinkedHashMap<>();
        tasks.put(CREATE_PROCESS.slug(), TaskProgress.of(List.of(task(1, "Start the child and wait for it"),
                task(2, "Read its output")), solved()));
        tasks.put(FOUR_PRINTERS.slug(), TaskProgress.of(List.of(task(1, "Start four printers"),
                task(2, "Pass each line on as it arrives"), task(3, "Join every child")), atTaskTwo()));
        return tasks;
    }

    static KataResult solved() {
        return KataResult.of(CREATE_PROCESS.slug(), List.of(
                test("LauncherTest", "the child runs in a process of its own", Outcome.PASSED, "", 1,
                        new ProcessTimeline(330, 340, List.of(
                                new Lane(5101, TEST_JVM, "katas.createprocess.Hello", 12, 310, 0, false)))),
                test("LauncherTest", "its output is read whole", Outcome.PASSED, "", 2,
                        new ProcessTimeline(280, 290, List.of(
                                new Lane(5102, TEST_JVM, "katas.createprocess.Chatty 1000", 8, 260, 0, false)))),
                test("LauncherTest", "a path with spaces works on windows", Outcome.SKIPPED, "", 2,
                        ProcessTimeline.NONE)), 1900);
    }

    static KataResult atTaskTwo() {
        return KataResult.of(FOUR_PRINTERS.slug(), List.of(
                test("FourPrintersTest", "the four children are alive at the same time", Outcome.PASSED, "", 1,
                        new ProcessTimeline(450, 470, List.of(
                                printer(4101, 10, 10, 410), printer(4102, 20, 14, 420),
                                printer(4103, 30, 18, 415), printer(4104, 40, 22, 430)))),
                test("FourPrintersTest", "each line reaches out as it arrives whichever child prints first",
                        Outcome.FAILED, ONE_AFTER_ANOTHER_MESSAGE, 2,
                        new ProcessTimeline(460, 470, List.of(
                                printer(4111, 10, 10, 110), printer(4112, 20, 120, 220),
                                printer(4113, 30, 230, 330), printer(4114, 40, 340, 440)))),
                test("FourPrintersTest", "every child has exited when run returns", Outcome.FAILED,
                        "This test left 1 process(es) running; the kit killed them:\n  pid 4210: sleep 60", 3,
                        new ProcessTimeline(400, 640, List.of(
                                printer(LEAKED_PARENT_PID, 10, 5, 200),
                                LEAKED,
                                printer(4202, 20, 10, 210))))), 3400);
    }

    private static Lane printer(long pid, int number, long start, long end) {
        return new Lane(pid, TEST_JVM, "katas.fourprinters.NumberPrinter " + number, start, end, 0, false);
    }

    static TestResult test(String testClass, String name, Outcome outcome, String message, int task,
            ProcessTimeline timeline) {
        return new TestResult(name, testClass, outcome, message, 480, task, timeline);
    }

    static Task task(int number, String title) {
        return new Task(number, title, List.of("a hint"));
    }

    static Kata kata(int number, String slug, String title) {
        Path dir = Path.of("katas", slug);
        return new Kata(number, slug, title, 10, 60, 2, 30, MainCodeAccess.PROCESS_LIBRARY, List.of(), List.of(),
                List.of(), dir, Path.of("solutions", slug));
    }
}
