package katas.checker.model;

import java.nio.file.Path;
import java.util.List;

/**
 * One kata as the manifest ({@code katas/katas.json}) describes it, with where its files are.
 *
 * @param number           its number: the digits its slug starts with (its place in the manifest, 1-based, if none)
 * @param slug             e.g. {@code 01-create-process}
 * @param title            a short title
 * @param points           what it is worth when graded
 * @param timeLimitSeconds how long its whole test run may take before it is killed
 * @param testJvms         how many JVMs split its tests and run side by side (2 unless the manifest says): 3 where
 *                         the tests often wait (for children that sleep), 1 where they keep the cores busy
 *                         by themselves
 * @param interviewMinutes how long {@code ./kata interview} gives for the kata (30 unless the manifest says)
 * @param mainCodeMayUse   what the kata's main code compiles against besides itself
 * @param learnerFiles     the files the learner edits, relative to {@code src/main/java}, in the order to edit them
 * @param givenFiles       the kata's other main files: shipped complete, the same in the solution
 * @param workloads        what its benchmark program measures ({@code ./kata bench}); none for most katas
 * @param dir              the learner's module, {@code katas/<slug>}
 * @param solutionDir      the reference solution, {@code solutions/<slug>} (absent in a student's repository)
 */
public record Kata(int number, String slug, String title, int points, int timeLimitSeconds, int testJvms,
                   int interviewMinutes, MainCodeAccess mainCodeMayUse, List<String> learnerFiles,
                   List<String> givenFiles, List<Workload> workloads, Path dir, Path solutionDir) {

    public Kata {
        learnerFiles = List.copyOf(learnerFiles);
        givenFiles = List.copyOf(givenFiles);
        workloads = List.copyOf(workloads);
    }

    public Path mainSources() {
        return dir.resolve("src/main/java");
    }

    public Path testSources() {
        return dir.resolve("src/test/java");
    }

    /** The benchmark program's sources: outside the tests, so that no test runs it and no grade depends on it. */
    public Path benchmarkSources() {
        return dir.resolve("src/bench/java");
    }

    public Path readme() {
        return dir.resolve("README.md");
    }

    /** The slug without its number: {@code create-process}. */
    public String shortName() {
        return slug.substring(slug.indexOf('-') + 1);
    }
}
