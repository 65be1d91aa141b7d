package katas.checker.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import katas.checker.model.Kata;
import katas.checker.model.KataResult;
import katas.checker.model.TaskProgress;

/**
 * The learner's progress, worked out from their code: each available kata's result for its current sources,
 * checked again only where the code changed since the last check.
 */
public final class Progress {

    private final Map<String, KataResult> results;
    private final Catalogue catalogue;

    private Progress(Catalogue catalogue, Map<String, KataResult> results) {
        this.catalogue = catalogue;
        this.results = results;
    }

    /**
     * @param checking told the kata about to be checked (not remembered), so the user sees why it takes a moment
     */
    public static Progress of(Catalogue catalogue, KataChecker checker, Consumer<Kata> checking)
            throws InterruptedException {
        Map<String, KataResult> results = new LinkedHashMap<>();
        for (Kata kata : catalogue.available()) {
            Optional<KataResult> remembered = checker.remembered(kata, KataChecker.Code.LEARNER);
            if (remembered.isEmpty()) {
                checking.accept(kata);
            }
            results.put(kata.slug(), remembered.isPresent() ? remembered.get()
                    : checker.check(kata, KataChecker.Code.LEARNER));
        }
        return new Progress(catalogue, results);
    }

    public Map<String, KataResult> results() {
        return results;
    }

    /** How far each result got through its kata's tasks, by slug. */
    public Map<String, TaskProgress> tasks() {
        Map<String, TaskProgress> tasks = new LinkedHashMap<>();
        for (Kata kata : catalogue.available()) {
            tasks.put(kata.slug(), tasksOf(kata, results.get(kata.slug())));
        }
        return tasks;
    }

    /** How far a result of the kata got through the tasks of its README. */
    public static TaskProgress tasksOf(Kata kata, KataResult result) {
        return TaskProgress.of(Readme.of(kata.readme()).tasks(), result);
    }

    /** The first available kata that is not solved yet. */
    public Optional<Kata> next() {
        return catalogue.available().stream().filter(k -> !results.get(k.slug()).passed()).findFirst();
    }
}
