package katas.checker.model;

import java.util.Locale;

/**
 * One benchmark workload of a kata, as the manifest's {@code "benchmarks"} lists it: the same work done by the kata's
 * benchmark program (on the learner's code and on the reference solution) and by the Python peer.
 *
 * @param name          the figure's name, as the programs print it: {@code queue_msgs_per_s}
 * @param title         what is measured, for the table: {@code queue: 200,000 small items, producer to consumer}
 * @param unit          the figure's unit: a rate ({@code items/s}) is better higher, a time ({@code ms}, {@code us})
 *                      better lower
 * @param slowerBecause the usual cause when a solution is much slower than the reference, for the one-line reading
 * @param alternativeTo empty, or the workload whose work this one does with a design other than the kata's (the fast
 *                      design beside one the kata's lesson caps): it is run on the reference side only, and set
 *                      beside Python's figure for that workload
 */
public record Workload(String name, String title, String unit, String slowerBecause, String alternativeTo) {

    /** Whether this measures another design than the kata's, so that only the reference side runs it. */
    public boolean alternative() {
        return !alternativeTo.isEmpty();
    }

    /** The name of Python's figure for the same work. */
    public String pythonName() {
        return alternative() ? alternativeTo : name;
    }

    /** Whether a smaller figure is the better one: true for times, false for rates. */
    public boolean lowerIsBetter() {
        return !unit.contains("/");
    }

    /**
     * How many times faster {@code figure} is than {@code baseline}: above 1 faster, below 1 slower, whether the unit
     * is a rate or a time.
     */
    public double speedup(double figure, double baseline) {
        return lowerIsBetter() ? baseline / figure : figure / baseline;
    }

    /** The figure as the table shows it: three significant digits, thousands as k and millions as M. */
    public String format(double figure) {
        String number;
        if (figure >= 1_000_000) {
            number = significant(figure / 1_000_000) + "M";
        } else if (figure >= 10_000) {
            number = significant(figure / 1_000) + "k";
        } else {
            number = significant(figure);
        }
        return number + " " + unit;
    }

    private static String significant(double value) {
        String pattern = value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
