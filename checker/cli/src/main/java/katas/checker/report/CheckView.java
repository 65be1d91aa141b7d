package katas.checker.report;

import katas.checker.model.KataResult;
import katas.testjvm.Outcome;
import katas.testjvm.TestResult;

/** One kata's check, for the terminal: every test, and each failure's message in full. */
public final class CheckView {

    private CheckView() {
    }

    public static String render(KataResult result) {
        StringBuilder out = new StringBuilder();
        out.append(result.slug()).append(": ").append(BoardView.state(result))
                .append(String.format("  (%.1f s)%n", result.millis() / 1000.0));
        if (!result.detail().isEmpty()) {
            out.append('\n').append(indent(result.detail(), "  ")).append('\n');
        }
        if (!result.tests().isEmpty()) {
            out.append('\n');
        }
        for (TestResult test : result.tests()) {
            out.append("  ").append(label(test.outcome())).append("  ").append(test.name()).append('\n');
            if (test.outcome() == Outcome.FAILED && !test.message().isEmpty()) {
                out.append(indent(test.message(), "          ")).append('\n');
            }
        }
        return out.toString();
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
