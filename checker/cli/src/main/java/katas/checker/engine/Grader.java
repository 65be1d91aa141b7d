package katas.checker.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import katas.checker.model.Grade;
import katas.checker.model.Kata;
import katas.checker.model.KataResult;
import katas.testjvm.Outcome;

/**
 * Grades code kata by kata. Each kata is checked on its own, in its own test JVM under its own time limit, so a
 * compile error, a hang or a crash costs that kata only.
 *
 * <p>Everything but the graded code comes from this grader's own repository: the manifest, the tests, the
 * checksums and the checker itself. Of the submission (a student's repository) only each kata's
 * {@code src/main/java} is taken, compiled afresh with this repository's tests into a new folder. A kata whose
 * test files in the submission differ from this repository's checksums is reported as tampered and scores zero,
 * without running: the change would not count anyway, and an instructor should see it.
 */
public final class Grader {

    private final Catalogue catalogue;
    private final KataChecker checker;
    private final Checksums checksums;

    public Grader(Catalogue catalogue, KataChecker checker, Checksums checksums) {
        this.catalogue = catalogue;
        this.checker = checker;
        this.checksums = checksums;
    }

    /** Grades the code of the repository at {@code submission} (this repository itself, or a student's). */
    public List<Grade> grade(Path submission, Consumer<Kata> grading) throws InterruptedException {
        List<Grade> grades = new ArrayList<>();
        for (Kata kata : catalogue.all()) {
            grading.accept(kata);
            grades.add(gradeSubmitted(kata, submission.resolve("katas").resolve(kata.slug())));
        }
        return grades;
    }

    /** Grades this repository's reference solutions (a smoke test of grading). */
    public List<Grade> gradeSolutions(Consumer<Kata> grading) throws InterruptedException {
        List<Grade> grades = new ArrayList<>();
        for (Kata kata : catalogue.all()) {
            grading.accept(kata);
            KataResult result = checker.checkAfresh(kata, kata.solutionDir().resolve("src/main/java"));
            grades.add(new Grade(kata, result, points(kata, result)));
        }
        return grades;
    }

    private Grade gradeSubmitted(Kata kata, Path kataDir) throws InterruptedException {
        if (!Files.isDirectory(kataDir)) {
            return new Grade(kata, KataResult.problem(kata.slug(), Outcome.CRASHED,
                    "the kata's folder katas/" + kata.slug() + " is missing", 0), 0);
        }
        List<String> tampered = RepositoryAudit.testsTamperedWith(kata, kataDir, checksums);
        if (!tampered.isEmpty()) {
            return new Grade(kata, KataResult.problem(kata.slug(), Outcome.TAMPERED, "the kata's test files differ "
                    + "from the ones shipped, so it scores zero:\n" + String.join("\n", tampered), 0), 0);
        }
        KataResult result = checker.checkAfresh(kata, kataDir.resolve("src/main/java"));
        return new Grade(kata, result, points(kata, result));
    }

    /**
     * Points in proportion to the tests that pass, rounded down to a whole point, so that every report (and
     * GitHub Classroom's reporter, which counts points as tests) shows the same total; a kata that did not run, or
     * crashed, scores zero.
     */
    static double points(Kata kata, KataResult result) {
        long counted = result.tests().stream().filter(t -> t.outcome() != Outcome.SKIPPED).count();
        if (counted == 0 || result.outcome() != Outcome.PASSED && result.outcome() != Outcome.FAILED) {
            return 0;
        }
        return Math.floor(kata.points() * (double) result.passedCount() / counted);
    }
}
