package katas.checker.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import katas.process.CapturedProcess;
import katas.process.ProcessTree;

/**
 * One program that does a kata's benchmark workloads: the kata's benchmark on some Java code, or the Python peer.
 * Each run is a fresh process that does each named workload once and prints {@code <name> <figure>} lines.
 */
public interface BenchmarkSide {

    /** How long one run may take before it is killed: a learner's very slow queue must not hang the bench. */
    Duration RUN_LIMIT = Duration.ofSeconds(120);

    /** Who this side is, for the table: {@code your code}, {@code reference}, {@code Python}. */
    String name();

    /**
     * Runs the named workloads in order, in one fresh process; a name given twice is done twice.
     *
     * @return each workload's figure, by name: the last one printed for it
     * @throws BenchmarkFailedException if the program failed, printed no figure for a workload, or ran too long
     */
    Map<String, Double> runOnce(List<String> workloads) throws InterruptedException;

    /** Runs {@code command} in {@code folder} and reads its figures; any failure says what the program said. */
    static Map<String, Double> figuresOf(List<String> command, Path folder, List<String> workloads, String who)
            throws InterruptedException {
        CapturedProcess run;
        try {
            run = new CapturedProcess(new ProcessBuilder(command).directory(folder.toFile()).start());
        } catch (IOException e) {
            throw new BenchmarkFailedException(who + " could not be started: " + e.getMessage());
        }
        int exit;
        try {
            exit = run.awaitExit(RUN_LIMIT);
        } catch (AssertionError tooLong) {
            throw new BenchmarkFailedException(who + " was still running after " + RUN_LIMIT.toSeconds()
                    + " s, so it was stopped (with every process it started)");
        } finally {
            ProcessTree.killWithEverythingItOwns(run.process().toHandle());
        }
        if (exit != 0) {
            throw new BenchmarkFailedException(who + " failed with exit code " + exit + ": "
                    + lastLines(run.stderr().text()));
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        for (String line : run.stdout().lines()) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && workloads.contains(parts[0])) {
                try {
                    figures.put(parts[0], Double.parseDouble(parts[1]));
                } catch (NumberFormatException e) {
                    throw new BenchmarkFailedException(who + " printed '" + line + "', which is not a figure");
                }
            }
        }
        for (String workload : workloads) {
            if (!figures.containsKey(workload) || !(figures.get(workload) > 0)) {
                throw new BenchmarkFailedException(who + " printed no figure for " + workload
                        + " (a line '" + workload + " <number>' on stdout); stderr: " + lastLines(run.stderr().text()));
            }
        }
        return figures;
    }

    private static String lastLines(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "(nothing on stderr)"
                : String.join("\n    ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
    }
}
