package katas.checker.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kata's benchmarks as {@code ./kata bench} ran them: for each side (the learner's code, the reference solution,
 * Python), the median of each workload's figures over the rounds, or why that side was not measured.
 */
public record BenchmarkResult(Kata kata, int rounds, List<Side> sides) {

    /** What the table calls the learner's code. */
    public static final String YOU = "your code";
    /** What the table calls the reference solution. */
    public static final String REFERENCE = "reference";
    /** What the table calls Python's multiprocessing. */
    public static final String PYTHON = "Python";

    public BenchmarkResult {
        sides = List.copyOf(sides);
    }

    /** The median figure of {@code side} for the workload's work, if that side measured it. */
    public Optional<Double> median(String side, Workload workload) {
        String figure = PYTHON.equals(side) ? workload.pythonName() : workload.name();
        return sideNamed(side).map(s -> s.medians().get(figure));
    }

    public Optional<Side> sideNamed(String name) {
        return sides.stream().filter(side -> side.name().equals(name)).findFirst();
    }

    /**
     * One side's figures.
     *
     * @param name        {@link #YOU}, {@link #REFERENCE} or {@link #PYTHON}
     * @param medians     each figure's median over the rounds, by the figure's name
     * @param notMeasured empty, or why the side has no figures (its code fails its tests, it would not compile, ...)
     */
    public record Side(String name, Map<String, Double> medians, String notMeasured) {

        public Side {
            medians = Map.copyOf(medians);
        }
    }
}
