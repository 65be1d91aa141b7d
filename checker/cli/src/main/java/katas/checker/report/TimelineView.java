package katas.checker.report;

import java.util.List;
import katas.process.ProcessTimeline;
import katas.process.ProcessTimeline.Lane;

/**
 * A test's process timeline as text: one lane per process, indented under its parent, a bar from its start to its
 * end on a time axis all lanes share, the test's end marked, and how each process ended.
 *
 * <pre>
 * processes (the test ran 0.84 s; | is its end)
 * pid 4102 Printer 1    =========                    |  exit 0
 * pid 4103 Printer 2              =========          |  exit 0
 *   pid 4110 sleep 60     ==========================|====  leaked
 *                       0 s                        0.84 s
 * </pre>
 */
public final class TimelineView {

    /** How to draw: plain characters for a file, a pipe or NO_COLOR; block characters and colour for a terminal. */
    public enum Style { PLAIN, TERMINAL }

    private static final int MIN_BAR = 16;
    private static final int MAX_LABEL = 28;
    private static final String RESET = "\u001b[0m";

    private TimelineView() {
    }

    /** The timeline in at most {@code width} columns, one line per lane plus a heading and a scale. */
    public static String render(ProcessTimeline timeline, int width, Style style) {
        List<ProcessTimeline.Placed> lanes = timeline.tree();
        int labelWidth = Math.min(MAX_LABEL, lanes.stream().mapToInt(p -> label(p).length()).max().orElse(0));
        int statusWidth = lanes.stream().mapToInt(p -> p.lane().status().length()).max().orElse(0);
        int barWidth = Math.max(MIN_BAR, width - labelWidth - statusWidth - 4);
        long span = timeline.spanMillis();
        int endColumn = column(timeline.testEndMillis(), span, barWidth);

        StringBuilder out = new StringBuilder();
        out.append(String.format("processes (the test ran %s; | is its end)%n", seconds(timeline.testEndMillis())));
        for (ProcessTimeline.Placed placed : lanes) {
            Lane lane = placed.lane();
            out.append(fit(label(placed), labelWidth)).append("  ")
                    .append(bar(lane, span, barWidth, endColumn, style)).append("  ")
                    .append(colour(lane.status(), lane, style)).append('\n');
        }
        String from = "0 s";
        String to = seconds(span);
        out.append(" ".repeat(labelWidth + 2)).append(from)
                .append(" ".repeat(Math.max(1, barWidth - from.length() - to.length()))).append(to).append('\n');
        return out.toString();
    }

    private static String label(ProcessTimeline.Placed placed) {
        return "  ".repeat(placed.depth()) + "pid " + placed.lane().pid() + " " + placed.lane().command();
    }

    private static String bar(Lane lane, long span, int width, int endColumn, Style style) {
        int from = column(lane.startMillis(), span, width);
        // Half-open columns: a process that ended before the next began never shares a column with it.
        int to = Math.max(from + 1, (int) Math.min(width, lane.endOr(span) * width / span));
        StringBuilder bar = new StringBuilder();
        for (int i = 0; i < width; i++) {
            if (i == endColumn) {
                bar.append(style == Style.TERMINAL ? '\u2502' : '|');
            } else if (i >= from && i < to) {
                bar.append(style == Style.TERMINAL ? '\u2588' : '=');
            } else {
                bar.append(' ');
            }
        }
        return style == Style.TERMINAL ? colourCode(lane) + bar + RESET : bar.toString();
    }

    /** The column a moment falls in. */
    private static int column(long millis, long span, int width) {
        return (int) Math.min(width - 1, millis * width / span);
    }

    private static String colour(String text, Lane lane, Style style) {
        return style == Style.TERMINAL ? colourCode(lane) + text + RESET : text;
    }

    /** Green for a clean exit, red for a failure, a signal or a leak, yellow for a process still running. */
    private static String colourCode(Lane lane) {
        if (lane.leaked() || lane.ended() && lane.exitCode() != 0 && lane.exitCode() != Lane.EXIT_UNKNOWN) {
            return "\u001b[31m";
        }
        return lane.ended() ? "\u001b[32m" : "\u001b[33m";
    }

    private static String fit(String text, int width) {
        if (text.length() > width) {
            return text.substring(0, width - 1) + "~";
        }
        return text + " ".repeat(width - text.length());
    }

    static String seconds(long millis) {
        return String.format("%.2f s", millis / 1000.0);
    }
}
