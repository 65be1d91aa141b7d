package katas.checker.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import katas.checker.model.BenchmarkResult;
import katas.checker.model.Kata;

/**
 * Runs a kata's benchmarks on every side, round after round, the sides taking turns within each round so that a
 * change in the machine's load reaches them all alike; each figure is the median of its rounds.
 *
 * <p>Each run does every workload twice and keeps the second figure: the first warms up the parent (a JVM compiles
 * the code it runs often, as in a program that has been running; Python's interpreter gets the same turn). The
 * children are fresh processes both times.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    /**
     * A side that takes part, with the figures it is asked for, or one that does not and why.
     *
     * @param side        the program, or null when the side is not measured
     * @param workloads   the names of the figures it is asked for
     * @param notMeasured empty, or why it is not measured
     */
    public record Contender(String name, BenchmarkSide side, List<String> workloads, String notMeasured) {

        public static Contender of(String name, BenchmarkSide side, List<String> workloads) {
            return new Contender(name, side, List.copyOf(workloads), "");
        }

        public static Contender notMeasured(String name, String why) {
            return new Contender(name, null, List.of(), why);
        }
    }

    public static BenchmarkResult run(Kata kata, List<Contender> contenders, int rounds, Consumer<String> progress)
            throws InterruptedException {
        Map<String, Map<String, List<Double>>> figures = new LinkedHashMap<>();
        Map<String, String> failed = new HashMap<>();
        for (int round = 1; round <= rounds; round++) {
            progress.accept(kata.slug() + ": round " + round + " of " + rounds);
            for (Contender contender : contenders) {
                if (contender.side() == null || failed.containsKey(contender.name())) {
                    continue;
                }
                try {
                    contender.side().runOnce(warmUpFirst(contender.workloads())).forEach((workload, figure) -> figures
                            .computeIfAbsent(contender.name(), n -> new LinkedHashMap<>())
                            .computeIfAbsent(workload, w -> new ArrayList<>()).add(figure));
                } catch (BenchmarkFailedException e) {
                    failed.put(contender.name(), e.getMessage());
                }
            }
        }
        List<BenchmarkResult.Side> sides = new ArrayList<>();
        for (Contender contender : contenders) {
            String why = contender.side() == null ? contender.notMeasured() : failed.getOrDefault(contender.name(), "");
            Map<String, Double> medians = new LinkedHashMap<>();
            if (why.isEmpty()) {
                figures.getOrDefault(contender.name(), Map.of()).forEach((w, all) -> medians.put(w, median(all)));
            }
            sides.add(new BenchmarkResult.Side(contender.name(), medians, why));
        }
        return new BenchmarkResult(kata, rounds, sides);
    }

    /** Each workload twice in a row: the program prints two figures for it, and the second is kept. */
    static List<String> warmUpFirst(List<String> workloads) {
        List<String> twice = new ArrayList<>();
        workloads.forEach(workload -> twice.addAll(List.of(workload, workload)));
        return twice;
    }

    static double median(List<Double> figures) {
        List<Double> sorted = figures.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
