package katas.checker.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import katas.checker.model.Grade;
import katas.checker.model.Kata;
import katas.checker.model.KataResult;
import katas.checker.model.Outcome;

/**
 * Grades code kata by kata. Each kata is checked on its own, in its own test JVM under its own time limit, so a
 * compile error, a hang or a crash costs that kata only. A kata whose test files differ from the checked-in
 * checksums is reported as tampered and scores zero, without running.
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

    public List<Grade> grade(KataChecker.Code code, Consumer<Kata> grading) throws InterruptedException {
        List<Grade> grades = new ArrayList<>();
        for (Kata kata : catalogue.all()) {
            grading.accept(kata);
            grades.add(grade(kata, code));
        }
        return grades;
    }

    private Grade grade(Kata kata, KataChecker.Code code) throws InterruptedException {
        if (!java.nio.file.Files.isDirectory(kata.dir())) {
            return new Grade(kata, KataResult.problem(kata.slug(), Outcome.CRASHED,
                    "the kata's folder " + kata.slug() + " is missing", 0), 0);
        }
        List<String> tampered = Checksums.differences(kata.dir(), kata.testSources(), checksums.of(kata).tests());
        if (!tampered.isEmpty()) {
            return new Grade(kata, KataResult.problem(kata.slug(), Outcome.TAMPERED, "the kata's test files differ "
                    + "from the ones shipped, so it scores zero:\n" + String.join("\n", tampered), 0), 0);
        }
        KataResult result = checker.check(kata, code);
        return new Grade(kata, result, points(kata, result));
    }

    /** Points in proportion to the tests that pass; a kata that did not run scores zero. */
    static double points(Kata kata, KataResult result) {
        long counted = result.tests().stream().filter(t -> t.outcome() != Outcome.SKIPPED).count();
        if (counted == 0 || result.outcome() != Outcome.PASSED && result.outcome() != Outcome.FAILED) {
            return 0;
        }
        return Math.floor(kata.points() * result.passedCount() * 10.0 / counted) / 10.0;
    }
}
