package katas.checker.cli;

import katas.checker.report.TimelineView;

/** What the output goes to: a terminal that takes colour, or a file, a pipe or a reader who set NO_COLOR. */
final class Terminal {

    private Terminal() {
    }

    static TimelineView.Style style() {
        boolean terminal = isTerminal(System.console()) && !"dumb".equals(System.getenv("TERM"));
        return terminal && System.getenv("NO_COLOR") == null ? TimelineView.Style.TERMINAL : TimelineView.Style.PLAIN;
    }

    /**
     * Up to JDK 21 there is a console only when input and output are a terminal; from JDK 22 there always is one,
     * and {@code Console.isTerminal()} (absent in 17) tells.
     */
    private static boolean isTerminal(java.io.Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException beforeJdk22) {
            return true;
        }
    }
}
