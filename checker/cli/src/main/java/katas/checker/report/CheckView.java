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

    private CheckView() {
    }

    public static String render(KataResult result, TaskProgress progress) {
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
            tests(result.tests(), "  ", out);
            return out.toString();
        }
        int current = progress.current().map(s -> s.task().number()).orElse(Integer.MAX_VALUE);
        for (TaskProgress.Step step : progress.steps()) {
            int number = step.task().number();
            String label = number < current ? "done" : number == current ? "now " : "next";
            out.append(String.format("  %s  %-44s %s%n", label, step.task().heading(), count(step, number > current)));
            if (number == current) {
                tests(step.tests(), "          ", out);
            }
        }
        if (!progress.untasked().isEmpty()) {
            out.append("  tests in no task of the README:\n");
            tests(progress.untasked(), "          ", out);
        }
        return out.toString();
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

    private static void tests(List<TestResult> tests, String prefix, StringBuilder out) {
        for (TestResult test : tests) {
            out.append(prefix).append(label(test.outcome())).append("  ").append(test.name()).append('\n');
            if (test.outcome() == Outcome.FAILED && !test.message().isEmpty()) {
                out.append(indent(test.message(), prefix + "        ")).append('\n');
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
