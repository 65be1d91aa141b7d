package katas.checker.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import katas.checker.model.Kata;
import katas.checker.model.Task;

/**
 * Hands out a task's hints one at a time, remembering the task and how many of its hints were shown: a new task
 * starts its own ladder.
 */
public final class HintLadder {

    private final Path counter;

    public HintLadder(Kata kata) {
        this.counter = kata.dir().resolve("target/kata-check/hints-shown");
    }

    /** A hint and its place, e.g. 2 of 4 of task 3. */
    public record Hint(Task task, int number, int of, String text) {
    }

    /** The task whose hints were shown last, if any: where a learner whose code does not compile was. */
    public Optional<Integer> lastTask() {
        return Optional.of(stored()[0]).filter(task -> task > 0);
    }

    /** The task's next hint not shown yet, or empty when every one of them has been shown. */
    public Optional<Hint> next(Task task) {
        int[] stored = stored();
        int shown = stored[0] == task.number() ? stored[1] : 0;
        if (shown >= task.hints().size()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(counter.getParent());
            Files.writeString(counter, task.number() + " " + (shown + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + counter, e);
        }
        return Optional.of(new Hint(task, shown + 1, task.hints().size(), task.hints().get(shown)));
    }

    /** The task and the number of its hints shown; {0, 0} for none, or for a damaged counter. */
    private int[] stored() {
        try {
            String[] parts = Files.isRegularFile(counter) ? Files.readString(counter).strip().split(" ") : new String[0];
            return parts.length == 2 ? new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])}
                    : new int[] {0, 0};
        } catch (IOException | NumberFormatException e) {
            return new int[] {0, 0}; // a damaged counter starts the ladder again
        }
    }
}
