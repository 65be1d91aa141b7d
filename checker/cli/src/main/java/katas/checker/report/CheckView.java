package katas.checker.report;

import java.util.List;
import katas.checker.model.KataResult;
import katas.checker.model.TaskProgress;
import katas.testjvm.Outcome;
import katas.testjvm.TestResult;

/**
 * One kata's check, for the terminal. A kata with tasks shows each task done as one line, the current task's
 * tests with each failure's message in full, and each task still to come as one line.
 */
public final class CheckView {

    /** Failing tests' timelines only: the default. */
    public static final Timelines FAILING_TESTS = new Timelines(false, TimelineView.Style.PLAIN);
    /** Where the whole timeline fits: the width of a terminal, less the indent of a test's message. */
    private static final int TIMELINE_WIDTH = 80 - 18;

    /**
     * Which tests show the processes they started, and how they are drawn.
     *
     * @param everyTest every test shows its timeline, and every task its tests; else only failing tests do
     */
    public record Timelines(boolean everyTest, TimelineView.Style style) {
    }

    private CheckView() {
    }

    public static String render(KataResult result, TaskProgress progress) {
        return render(result, progress, FAILING_TESTS);
    }

    public static String render(KataResult result, TaskProgress progress, Timelines timelines) {
        StringBuilder out = new StringBuilder();
        out.append(result.slug()).append(": ").append(BoardView.state(result, progress))
                .append(String.format("  (%.1f s)%n", result.millis() / 1000.0));
        if (!result.detail().isEmpty()) {
            out.append('\n').append(indent(result.detail(), "  ")).append('\n');
        }
        if (result.tests().isEmpty()) {
            return out.toString();
        }
        out.append('\n');
        if (!progress.hasTasks()) {
            tests(result.tests(), "  ", timelines, out);
            return out.toString();
        }
        int current = progress.current().map(s -> s.task().number()).orElse(Integer.MAX_VALUE);
        for (TaskProgress.Step step : progress.steps()) {
            int number = step.task().number();
            String label = number < current ? "done" : number == current ? "now " : "next";
            out.append(String.format("  %s  %-44s %s%n", label, step.task().heading(), count(step, number > current)));
            if (number == current || timelines.everyTest()) {
                tests(step.tests(), "          ", timelines, out);
            }
        }
        if (!progress.untasked().isEmpty()) {
            out.append("  tests in no task of the README:\n");
            tests(progress.untasked(), "          ", timelines, out);
        }
        measurements(result.tests(), out);
        return out.toString();
    }

    /** What passing tests measured for the learner (times, say): shown whatever the task, as nothing asserts it. */
    private static void measurements(List<TestResult> tests, StringBuilder out) {
        List<TestResult> measured = tests.stream().filter(t -> t.passed() && !t.message().isEmpty()).toList();
        if (measured.isEmpty()) {
            return;
        }
        out.append("\n  measured by the tests (for you to read; no test asserts it):\n");
        for (TestResult test : measured) {
            out.append("          ").append(test.name()).append('\n')
                    .append(indent(test.message(), "              ")).append('\n');
        }
    }

    private static String count(TaskProgress.Step step, boolean later) {
        int tests = step.tests().size();
        if (step.done()) {
            return tests == 1 ? "(1 test passes)" : "(" + tests + " tests pass)";
        }
        if (later && step.passed() == 0) {
            return "(" + tests + (tests == 1 ? " test" : " tests") + ", not started)";
        }
        return "(" + step.passed() + " of " + tests + (tests == 1 ? " test passes)" : " tests pass)");
    }

    private static void tests(List<TestResult> tests, String prefix, Timelines timelines, StringBuilder out) {
        for (TestResult test : tests) {
            out.append(prefix).append(label(test.outcome())).append("  ").append(test.name()).append('\n');
            if (test.outcome() == Outcome.FAILED && !test.message().isEmpty()) {
                out.append(indent(test.message(), prefix + "        ")).append('\n');
            }
            if (!test.timeline().isEmpty() && (test.failed() || timelines.everyTest())) {
                String drawing = TimelineView.render(test.timeline(), TIMELINE_WIDTH, timelines.style());
                out.append(indent(drawing, prefix + "        ")).append('\n');
            }
        }
    }

    private static String label(Outcome outcome) {
        switch (outcome) {
            case PASSED:
                return "PASS";
            case SKIPPED:
                return "SKIP";
            default:
                return "FAIL";
        }
    }

    static String indent(String text, String prefix) {
        return prefix + text.strip().replace("\n", "\n" + prefix);
    }
}
