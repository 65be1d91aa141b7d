package katas.checker.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import katas.checker.model.Grade;
import katas.checker.model.Kata;
import katas.checker.model.KataResult;
import katas.checker.model.TaskProgress;
import katas.process.ProcessTimeline;
import katas.process.ProcessTimeline.Lane;
import katas.testjvm.Outcome;
import katas.testjvm.TestResult;

/**
 * The report as one web page that needs nothing but itself (inline CSS and SVG, no script, no network): the board,
 * then each kata with its tasks and every test, each failing test's message, and the processes each test started
 * on a time line, drawn as in {@link TimelineView}: one lane per process, indented under its parent, a bar from its
 * start to its end on an axis all lanes share, a line at the test's end, and how each process ended. Hovering a
 * lane shows all that is known about its process.
 *
 * <p>Failing tests show their timeline; passing and skipped tests keep theirs folded in a {@code <details>}.
 *
 * <p>Test names, messages and commands come from the learner's code: every text is escaped.
 *
 * <p>Hooks for tests and tools: each kata is a {@code <section class="kata" data-kata="slug">}, each test a
 * {@code <section class="test" data-test="TestClass#readable name" data-outcome="FAIL">}, each timeline an
 * {@code <svg class="timeline">} with a {@code <g class="lane" data-pid="...">} per process holding a
 * {@code <rect class="bar">}.
 */
public final class HtmlReport {

    private static final String TITLE = "Process Katas for Java";

    /** The drawing's geometry, in pixels: labels on the left, then the bars' axis, then each process's status. */
    private static final int LABEL_WIDTH = 330;
    private static final int INDENT = 14;
    private static final double CHAR_WIDTH = 7.3;
    private static final int BAR_X = 340;
    private static final int BAR_WIDTH = 440;
    private static final int STATUS_X = BAR_X + BAR_WIDTH + 12;
    private static final int WIDTH = STATUS_X + 128;
    private static final int TOP = 22;
    private static final int ROW = 22;
    private static final int BAR_HEIGHT = 12;
    private static final int AXIS = 22;

    /** One kata on the page; its result and progress are null where it could not be checked. */
    private record Entry(Kata kata, KataResult result, TaskProgress progress, Optional<String> points) {
    }

    private HtmlReport() {
    }

    /**
     * The learner's page: the board and each kata as their code does now.
     *
     * @param katas   every kata of the manifest, in order
     * @param results the result of each kata that could be checked, by slug
     * @param tasks   how far each of those results got through its kata's tasks, by slug
     */
    public static String progress(List<Kata> katas, Map<String, KataResult> results,
            Map<String, TaskProgress> tasks) {
        List<Entry> entries = new ArrayList<>();
        for (Kata kata : katas) {
            entries.add(new Entry(kata, results.get(kata.slug()), tasks.get(kata.slug()), Optional.empty()));
        }
        long solved = entries.stream().filter(e -> e.result() != null && e.result().passed()).count();
        return page(TITLE, solved + " of " + katas.size() + " katas solved", entries);
    }

    /**
     * The instructor's page: whose code was graded, its points, and each kata's grade with its tests.
     *
     * @param whose what was graded, e.g. "the student's repository /home/grader/alice"
     * @param tasks how far each grade's result got through its kata's tasks, by slug
     */
    public static String grades(String whose, List<Grade> grades, Map<String, TaskProgress> tasks) {
        List<Entry> entries = new ArrayList<>();
        for (Grade grade : grades) {
            entries.add(new Entry(grade.kata(), grade.result(), tasks.get(grade.kata().slug()),
                    Optional.of(points(grade.points(), grade.kata().points()))));
        }
        String points = points(GradeReports.total(grades), GradeReports.maxScore(grades));
        return page(TITLE + ": grades", "The code of " + whose + ": " + points + " points", entries);
    }

    private static String page(String title, String summary, List<Entry> entries) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title + ": " + summary)).append("</title>\n")
                // An empty icon: else the browser asks for /favicon.ico, which a file beside nothing lacks.
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append(PATTERNS)
                .append("<header>\n<h1>").append(escape(title)).append("</h1>\n<p class=\"summary\">")
                .append(escape(summary)).append("</p>\n</header>\n");
        board(entries, html);
        html.append("<main>\n");
        for (Entry entry : entries) {
            if (entry.result() != null) {
                kata(entry, html);
            }
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void board(List<Entry> entries, StringBuilder html) {
        boolean graded = entries.stream().anyMatch(e -> e.points().isPresent());
        html.append("<table class=\"board\">\n<thead><tr><th></th><th>#</th><th>kata</th><th>state</th>")
                .append(graded ? "<th>points</th>" : "").append("</tr></thead>\n<tbody>\n");
        for (Entry entry : entries) {
            Kata kata = entry.kata();
            boolean solved = entry.result() != null && entry.result().passed();
            html.append("<tr class=\"").append(solved ? "solved" : "unsolved").append("\" data-kata=\"")
                    .append(escape(kata.slug())).append("\"><td class=\"mark\">").append(solved ? "&#x2714;" : "")
                    .append("</td><td>").append(String.format("%02d", kata.number())).append("</td><td>");
            if (entry.result() != null) {
                html.append("<a href=\"#").append(anchor(kata)).append("\">").append(escape(kata.title()))
                        .append("</a>");
            } else {
                html.append(escape(kata.title()));
            }
            html.append(" <code>").append(escape(kata.slug())).append("</code></td><td class=\"state\">")
                    .append(escape(BoardView.state(entry.result(), entry.progress()))).append("</td>");
            entry.points().ifPresent(p -> html.append("<td class=\"points\">").append(escape(p)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void kata(Entry entry, StringBuilder html) {
        Kata kata = entry.kata();
        KataResult result = entry.result();
        html.append("<section class=\"kata ").append(result.passed() ? "solved" : "unsolved").append("\" id=\"")
                .append(anchor(kata)).append("\" data-kata=\"").append(escape(kata.slug())).append("\">\n<h2>")
                .append(String.format("%02d", kata.number())).append(' ').append(escape(kata.title()))
                .append(" <span class=\"state\">").append(escape(BoardView.state(result, entry.progress())))
                .append("</span></h2>\n<p class=\"meta\"><code>").append(escape(kata.slug()))
                .append("</code>, checked in ").append(escape(TimelineView.seconds(result.millis())));
        entry.points().ifPresent(p -> html.append(", ").append(escape(p)).append(" points"));
        html.append("</p>\n");
        if (!result.detail().isEmpty()) {
            html.append("<pre class=\"detail\">").append(escape(result.detail().strip())).append("</pre>\n");
        }
        TaskProgress progress = entry.progress();
        if (result.tests().isEmpty()) {
            html.append("</section>\n");
            return;
        }
        if (progress == null || !progress.hasTasks()) {
            tests(result.tests(), html);
            html.append("</section>\n");
            return;
        }
        int current = progress.current().map(s -> s.task().number()).orElse(Integer.MAX_VALUE);
        for (TaskProgress.Step step : progress.steps()) {
            int number = step.task().number();
            String label = number < current ? "done" : number == current ? "now" : "next";
            html.append("<section class=\"task ").append(label).append("\" data-task=\"").append(number)
                    .append("\">\n<h3><span class=\"label\">").append(label).append("</span> ")
                    .append(escape(step.task().heading())).append(" <span class=\"count\">")
                    .append(escape(count(step))).append("</span></h3>\n");
            tests(step.tests(), html);
            html.append("</section>\n");
        }
        if (!progress.untasked().isEmpty()) {
            html.append("<section class=\"task untasked\">\n<h3>tests in no task of the README</h3>\n");
            tests(progress.untasked(), html);
            html.append("</section>\n");
        }
        html.append("</section>\n");
    }

    private static String count(TaskProgress.Step step) {
        int tests = step.tests().size();
        long skipped = step.tests().stream().filter(t -> t.outcome() == Outcome.SKIPPED).count();
        String passing = step.passed() == tests ? (tests == 1 ? "1 test passes" : tests + " tests pass")
                : step.passed() + " of " + tests + (tests == 1 ? " test passes" : " tests pass");
        return "(" + passing + (skipped > 0 ? ", " + skipped + " skipped here" : "") + ")";
    }

    private static void tests(List<TestResult> tests, StringBuilder html) {
        for (TestResult test : tests) {
            String outcome = outcome(test.outcome());
            html.append("<section class=\"test ").append(outcome.toLowerCase(Locale.ROOT)).append("\" data-test=\"")
                    .append(escape(test.key())).append("\" data-outcome=\"").append(outcome).append("\">\n<h4>")
                    .append("<span class=\"outcome\">").append(outcome).append("</span> ")
                    .append("<span class=\"name\">").append(escape(test.name())).append("</span> ")
                    .append("<span class=\"where\">").append(escape(test.testClass())).append(", ")
                    .append(escape(TimelineView.seconds(test.millis()))).append("</span></h4>\n");
            if (test.failed() && !test.message().isEmpty()) {
                html.append("<pre class=\"message\">").append(escape(test.message().strip())).append("</pre>\n");
            }
            if (!test.timeline().isEmpty()) {
                String caption = caption(test.timeline());
                if (test.failed()) {
                    html.append("<div class=\"processes\">\n<p class=\"caption\">").append(escape(caption))
                            .append("</p>\n");
                    timeline(test, html);
                    html.append("</div>\n");
                } else {
                    html.append("<details class=\"processes\">\n<summary>").append(escape(caption))
                            .append("</summary>\n");
                    timeline(test, html);
                    html.append("</details>\n");
                }
            }
            html.append("</section>\n");
        }
    }

    private static String caption(ProcessTimeline timeline) {
        int lanes = timeline.lanes().size();
        return lanes + (lanes == 1 ? " process" : " processes") + " (the test ran "
                + TimelineView.seconds(timeline.testEndMillis()) + "; the dashed line is its end)";
    }

    private static void timeline(TestResult test, StringBuilder html) {
        ProcessTimeline timeline = test.timeline();
        List<ProcessTimeline.Placed> lanes = timeline.tree();
        long span = timeline.spanMillis();
        int height = TOP + lanes.size() * ROW + AXIS;
        double endX = x(timeline.testEndMillis(), span);
        html.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(escape("the processes of "
                        + test.name())).append("\">\n");
        for (int i = 0; i < lanes.size(); i++) {
            lane(lanes.get(i), TOP + i * ROW, span, timeline.testEndMillis(), html);
        }
        int bottom = TOP + lanes.size() * ROW;
        html.append("<line class=\"test-end\" x1=\"").append(number(endX)).append("\" y1=\"").append(TOP - 6)
                .append("\" x2=\"").append(number(endX)).append("\" y2=\"").append(bottom).append("\"/>\n")
                .append("<text class=\"test-end-label\" x=\"").append(number(endX)).append("\" y=\"")
                .append(TOP - 9).append("\" text-anchor=\"middle\">test end ")
                .append(escape(TimelineView.seconds(timeline.testEndMillis()))).append("</text>\n")
                .append("<line class=\"axis\" x1=\"").append(BAR_X).append("\" y1=\"").append(bottom + 2)
                .append("\" x2=\"").append(BAR_X + BAR_WIDTH).append("\" y2=\"").append(bottom + 2).append("\"/>\n")
                .append("<text class=\"scale\" x=\"").append(BAR_X).append("\" y=\"").append(bottom + 16)
                .append("\">0 s</text>\n")
                .append("<text class=\"scale\" x=\"").append(BAR_X + BAR_WIDTH).append("\" y=\"").append(bottom + 16)
                .append("\" text-anchor=\"end\">").append(escape(TimelineView.seconds(span))).append("</text>\n")
                .append("</svg>\n");
    }

    private static void lane(ProcessTimeline.Placed placed, int top, long span, long testEnd, StringBuilder html) {
        Lane lane = placed.lane();
        double from = x(lane.startMillis(), span);
        double to = Math.max(from + 1, x(lane.endOr(span), span));
        int barTop = top + (ROW - BAR_HEIGHT) / 2;
        int baseline = top + ROW / 2 + 4;
        int indent = placed.depth() * INDENT;
        html.append("<g class=\"lane ").append(kind(lane)).append("\" data-pid=\"").append(lane.pid())
                .append("\" data-parent-pid=\"").append(lane.parentPid()).append("\" data-depth=\"")
                .append(placed.depth()).append("\" data-status=\"").append(escape(lane.status())).append("\">\n")
                .append("<title>").append(escape(details(lane))).append("</title>\n")
                // The whole row takes the hover, not just the thin bar.
                .append("<rect class=\"row\" x=\"0\" y=\"").append(top).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(ROW).append("\"/>\n")
                .append("<text class=\"label\" x=\"").append(indent).append("\" y=\"").append(baseline).append("\">")
                .append(escape(fit("pid " + lane.pid() + " " + lane.command(), LABEL_WIDTH - indent)))
                .append("</text>\n")
                .append("<rect class=\"bar\" x=\"").append(number(from)).append("\" y=\"").append(barTop)
                .append("\" width=\"").append(number(to - from)).append("\" height=\"").append(BAR_HEIGHT)
                .append("\"/>\n");
        double endX = x(testEnd, span);
        if (lane.leaked() && to > endX) {
            double pastFrom = Math.max(from, endX);
            html.append("<rect class=\"past-end\" x=\"").append(number(pastFrom)).append("\" y=\"").append(barTop)
                    .append("\" width=\"").append(number(to - pastFrom)).append("\" height=\"").append(BAR_HEIGHT)
                    .append("\"/>\n");
        }
        if (!lane.ended()) {
            // An arrow head past the axis's end: the process outlived the recording.
            html.append("<polygon class=\"still-running\" points=\"").append(number(to)).append(',')
                    .append(barTop - 2).append(' ').append(number(to + 8)).append(',').append(barTop + BAR_HEIGHT / 2)
                    .append(' ').append(number(to)).append(',').append(barTop + BAR_HEIGHT + 2).append("\"/>\n");
        }
        html.append("<text class=\"status\" x=\"").append(STATUS_X).append("\" y=\"").append(baseline).append("\">")
                .append(escape(lane.status())).append("</text>\n</g>\n");
    }

    /** What a lane's hover says: everything known about its process. */
    private static String details(Lane lane) {
        return "pid " + lane.pid() + ", parent pid " + lane.parentPid() + "\n" + lane.command() + "\nstarted at "
                + lane.startMillis() + " ms, " + (lane.ended() ? "ended at " + lane.endMillis() + " ms"
                : "still running when the recording stopped") + "\n" + lane.status();
    }

    /** The class that colours a lane: as {@link TimelineView} does, and leaked lanes apart. */
    private static String kind(Lane lane) {
        if (lane.leaked()) {
            return "leaked";
        }
        if (!lane.ended()) {
            return "running";
        }
        return lane.exitCode() == 0 || lane.exitCode() == Lane.EXIT_UNKNOWN ? "clean" : "failed";
    }

    private static double x(long millis, long span) {
        return BAR_X + (double) Math.min(millis, span) * BAR_WIDTH / span;
    }

    private static String fit(String label, int pixels) {
        int chars = (int) (pixels / CHAR_WIDTH);
        return label.length() <= chars ? label : label.substring(0, Math.max(1, chars - 1)) + "\u2026";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String points(double earned, int of) {
        return String.format(Locale.ROOT, "%.0f / %d", earned, of);
    }

    private static String anchor(Kata kata) {
        return "kata-" + kata.slug().replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static String outcome(Outcome outcome) {
        switch (outcome) {
            case PASSED:
                return "PASS";
            case SKIPPED:
                return "SKIP";
            default:
                return "FAIL";
        }
    }

    /**
     * Text made safe for an element's content and a quoted attribute: markup characters as references; control
     * characters (but tab and line breaks) and halves of surrogate pairs, which a page may not hold, as U+FFFD.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    boolean control = c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c >= 0x7f && c < 0xa0;
                    boolean loneHalf = c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE;
                    out.appendCodePoint(control || loneHalf ? 0xfffd : c);
            }
        });
        return out.toString();
    }

    /** Stripes for the part of a leaked process's bar after the test's end; lanes of every drawing refer to them. */
    private static final String PATTERNS = "<svg class=\"patterns\" width=\"0\" height=\"0\" aria-hidden=\"true\">"
            + "<defs><pattern id=\"past-end-stripes\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
            + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#8b0000\"/>"
            + "<rect width=\"3\" height=\"6\" fill=\"#ff6b6b\"/></pattern></defs></svg>\n";

    private static final String STYLE = "\n"
            + ":root { --pass: #1a7f37; --fail: #cf222e; --skip: #6e7781; --run: #bf8700; --line: #d0d7de; }\n"
            + "body { font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1f2328; "
            + "margin: 0 auto; padding: 1.5rem; max-width: 1000px; }\n"
            + "h1 { margin: 0; font-size: 1.7rem; } .summary { margin: .2rem 0 1.2rem; color: #59636e; }\n"
            + "code, pre, svg text { font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; }\n"
            + ".patterns { position: absolute; }\n"
            + "table.board { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }\n"
            + ".board th, .board td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid var(--line); }\n"
            + ".board tr.solved .mark { color: var(--pass); } .board a { color: inherit; }\n"
            + ".board code { color: #59636e; font-size: .85em; }\n"
            + "section.kata { border-top: 3px solid var(--line); margin-top: 2rem; }\n"
            + "section.kata.solved { border-top-color: var(--pass); }\n"
            + "section.kata.unsolved { border-top-color: var(--fail); }\n"
            + "h2 { font-size: 1.3rem; margin: .6rem 0 0; } h2 .state { font-size: .9rem; font-weight: normal; "
            + "color: #59636e; margin-left: .5rem; }\n"
            + ".meta { margin: 0 0 .6rem; color: #59636e; font-size: .9rem; }\n"
            + "h3 { font-size: 1rem; margin: 1rem 0 .3rem; } h3 .count { font-weight: normal; color: #59636e; }\n"
            + "h3 .label { display: inline-block; min-width: 3em; font-variant: small-caps; }\n"
            + ".task.done h3 .label { color: var(--pass); } .task.now h3 .label { color: var(--fail); }\n"
            + ".task.next h3 .label { color: var(--skip); }\n"
            + "section.test { margin: .3rem 0 .3rem 1.2rem; padding: .15rem .7rem; border-left: 4px solid var(--line); }\n"
            + "section.test.pass { border-left-color: var(--pass); } section.test.fail { border-left-color: var(--fail); }\n"
            + "section.test.skip { border-left-color: var(--skip); }\n"
            + "h4 { font-size: .95rem; font-weight: normal; margin: .2rem 0; }\n"
            + "h4 .outcome { font-weight: bold; font-family: ui-monospace, monospace; margin-right: .3rem; }\n"
            + ".pass h4 .outcome { color: var(--pass); } .fail h4 .outcome { color: var(--fail); }\n"
            + ".skip h4 .outcome { color: var(--skip); } h4 .where { color: #59636e; font-size: .85em; }\n"
            + "pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa; padding: .5rem .7rem; "
            + "border-radius: 4px; font-size: .85rem; margin: .3rem 0; }\n"
            + "pre.message { background: #ffebe9; }\n"
            + ".processes { margin: .3rem 0 .5rem; } .caption, summary { font-size: .85rem; color: #59636e; margin: 0; }\n"
            + "summary { cursor: pointer; }\n"
            + "svg.timeline { display: block; max-width: 100%; height: auto; }\n"
            + "svg.timeline text { font-size: 12px; fill: #1f2328; }\n"
            + ".lane .row { fill: transparent; } .lane:hover .row { fill: #eaeef2; }\n"
            + ".lane .bar { fill: var(--pass); } .lane.failed .bar { fill: var(--fail); }\n"
            + ".lane.running .bar { fill: var(--run); } .lane .still-running { fill: var(--run); }\n"
            + ".lane.leaked .bar { fill: var(--fail); stroke: #8b0000; stroke-width: 1; }\n"
            + ".lane.leaked .past-end { fill: url(#past-end-stripes); stroke: #8b0000; stroke-width: 1; }\n"
            + ".lane.leaked .label, .lane.leaked .status { fill: var(--fail); font-weight: bold; }\n"
            + ".lane.running .status { fill: var(--run); font-weight: bold; }\n"
            + ".lane.failed .status { fill: var(--fail); }\n"
            + ".test-end { stroke: #1f2328; stroke-width: 1.5; stroke-dasharray: 4 3; }\n"
            + "svg.timeline .test-end-label, svg.timeline .scale { font-size: 11px; fill: #59636e; }\n"
            + ".axis { stroke: var(--line); }\n";
}
