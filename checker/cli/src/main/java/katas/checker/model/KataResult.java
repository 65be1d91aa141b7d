package katas.checker.model;

import java.util.List;
import katas.testjvm.Outcome;
import katas.testjvm.TestResult;

/**
 * The result of checking one kata.
 *
 * @param slug    the kata, e.g. {@code 01-create-process}
 * @param outcome the kata's overall outcome
 * @param detail  what went wrong as a whole (compiler errors, the time limit, a crash), or empty
 * @param tests   the individual tests' results (empty when nothing ran)
 * @param millis  how long the check took
 */
public record KataResult(String slug, Outcome outcome, String detail, List<TestResult> tests, long millis) {

    public KataResult {
        tests = List.copyOf(tests);
    }

    public long passedCount() {
        return tests.stream().filter(TestResult::passed).count();
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    public static KataResult of(String slug, List<TestResult> tests, long millis) {
        boolean allPass = !tests.isEmpty() && tests.stream()
                .allMatch(t -> t.passed() || t.outcome() == Outcome.SKIPPED);
        return new KataResult(slug, allPass ? Outcome.PASSED : Outcome.FAILED, "", tests, millis);
    }

    public static KataResult problem(String slug, Outcome outcome, String detail, long millis) {
        return new KataResult(slug, outcome, detail, List.of(), millis);
    }
}
