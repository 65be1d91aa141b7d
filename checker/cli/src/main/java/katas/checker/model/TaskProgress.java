package katas.checker.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import katas.testjvm.TestResult;

/** How far one result of a kata got through its tasks: each task done, the current one, or one still to come. */
public final class TaskProgress {

    /**
     * One task and its tests' results.
     *
     * @param task  the task
     * @param tests the results of its tests, in the order of the test file
     */
    public record Step(Task task, List<TestResult> tests) {

        public Step {
            tests = List.copyOf(tests);
        }

        public long passed() {
            return tests.stream().filter(TestResult::passed).count();
        }

        /** Every test of the task passed (or was skipped on this platform). */
        public boolean done() {
            return !tests.isEmpty() && tests.stream().noneMatch(TestResult::failed);
        }
    }

    private final List<Step> steps;
    private final List<TestResult> untasked;
    private final boolean ran;

    private TaskProgress(List<Step> steps, List<TestResult> untasked, boolean ran) {
        this.steps = steps;
        this.untasked = untasked;
        this.ran = ran;
    }

    /**
     * The result's tests, grouped by the tasks of the kata (those in no task as {@link #untasked()}). Where tests ran
     * but none belongs to a task (a kata being written), the kata has no tasks here.
     */
    public static TaskProgress of(List<Task> tasks, KataResult result) {
        boolean ran = !result.tests().isEmpty();
        if (ran && result.tests().stream().noneMatch(t -> tasks.stream().anyMatch(k -> k.number() == t.task()))) {
            return new TaskProgress(List.of(), result.tests(), true);
        }
        List<Step> steps = new ArrayList<>();
        for (Task task : tasks) {
            steps.add(new Step(task, result.tests().stream().filter(t -> t.task() == task.number())
                    .collect(Collectors.toList())));
        }
        List<TestResult> untasked = result.tests().stream()
                .filter(t -> tasks.stream().noneMatch(task -> task.number() == t.task()))
                .collect(Collectors.toList());
        return new TaskProgress(steps, untasked, ran);
    }

    public List<Step> steps() {
        return steps;
    }

    /** Tests that belong to no task of the README (a kata without tasks has only these). */
    public List<TestResult> untasked() {
        return untasked;
    }

    public boolean hasTasks() {
        return !steps.isEmpty();
    }

    /**
     * The task to work on: the first that is not done. Empty when every task is done, when the kata has no tasks,
     * and when no test ran (the code does not compile, say): then nothing tells which task the learner is at.
     */
    public Optional<Step> current() {
        return ran ? steps.stream().filter(s -> !s.done()).findFirst() : Optional.empty();
    }

    /** {@code task 3 of 5}, or empty where {@link #current()} is. */
    public Optional<String> position() {
        return current().map(s -> "task " + s.task().number() + " of " + steps.size());
    }
}
