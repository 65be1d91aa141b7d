package katas.checker.report;

import static katas.checker.model.BenchmarkResult.PYTHON;
import static katas.checker.model.BenchmarkResult.REFERENCE;
import static katas.checker.model.BenchmarkResult.YOU;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import katas.checker.model.BenchmarkResult;
import katas.checker.model.Workload;

/**
 * A kata's benchmarks as a table: each workload's median figure on each side, the ratios between them (as speed:
 * above 1 is faster, whether the figure is a rate or a time), then one line of reading for the learner's code and
 * a line for each side that was not measured.
 */
public final class BenchmarkTable {

    /** Within this factor either way, two figures are "about as fast": rounds on a busy machine vary that much. */
    private static final double ABOUT_THE_SAME = 1.25;

    private BenchmarkTable() {
    }

    public static String render(BenchmarkResult result) {
        List<Workload> workloads = result.kata().workloads();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"workload", YOU, REFERENCE, PYTHON, "you/ref", "ref/Python"});
        for (Workload workload : workloads) {
            Optional<Double> you = result.median(YOU, workload);
            Optional<Double> reference = result.median(REFERENCE, workload);
            Optional<Double> python = result.median(PYTHON, workload);
            rows.add(new String[] {
                workload.title() + (workload.alternative() ? " (another design)" : ""),
                workload.alternative() ? "" : figure(workload, you),
                figure(workload, reference),
                figure(workload, python),
                ratio(workload, you, reference),
                ratio(workload, reference, python)});
        }
        StringBuilder out = new StringBuilder();
        out.append(result.kata().slug()).append(": medians of ").append(result.rounds())
                .append(result.rounds() == 1 ? " round" : " rounds")
                .append("; a ratio above 1 means faster\n");
        out.append(table(rows));
        for (Workload workload : workloads) {
            reading(workload, result.median(YOU, workload), result.median(REFERENCE, workload))
                    .ifPresent(line -> out.append("  ").append(line).append('\n'));
        }
        for (BenchmarkResult.Side side : result.sides()) {
            if (!side.notMeasured().isEmpty()) {
                out.append("  ").append(side.name()).append(": not measured. ")
                        .append(side.notMeasured().replace("\n", "\n    ")).append('\n');
            }
        }
        return out.toString();
    }

    /** What the learner's figure says against the reference's, with the usual cause when it is much slower. */
    static Optional<String> reading(Workload workload, Optional<Double> you, Optional<Double> reference) {
        if (workload.alternative() || you.isEmpty() || reference.isEmpty()) {
            return Optional.empty();
        }
        double speedup = workload.speedup(you.get(), reference.get());
        String what = "your code (" + workload.title() + ")";
        if (speedup >= ABOUT_THE_SAME) {
            return Optional.of(what + " is " + times(speedup) + " faster than the reference.");
        }
        if (speedup > 1 / ABOUT_THE_SAME) {
            return Optional.of(what + " is about as fast as the reference.");
        }
        return Optional.of(what + " is " + times(1 / speedup) + " slower than the reference."
                + (workload.slowerBecause().isEmpty() ? "" : " The usual cause: " + workload.slowerBecause() + "."));
    }

    private static String figure(Workload workload, Optional<Double> figure) {
        return figure.map(workload::format).orElse("-");
    }

    private static String ratio(Workload workload, Optional<Double> figure, Optional<Double> baseline) {
        if (figure.isEmpty() || baseline.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", workload.speedup(figure.get(), baseline.get()));
    }

    private static String times(double factor) {
        return String.format(Locale.ROOT, factor >= 10 ? "%.0fx" : "%.1fx", factor);
    }

    private static String table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ").append(pad(row[0], widths[0], false));
            for (int i = 1; i < row.length; i++) {
                line.append("  ").append(pad(row[i], widths[i], true));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(width - text.length());
        return right ? spaces + text : text + spaces;
    }
}
