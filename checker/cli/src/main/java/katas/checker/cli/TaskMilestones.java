package katas.checker.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import katas.checker.model.Kata;
import katas.checker.model.Task;
import katas.checker.model.TaskProgress;

/**
 * Says which tasks of a kata turned green since its last check in this session, and which task is next: the news
 * of {@code ./kata watch} and {@code ./kata interview} after each check.
 */
final class TaskMilestones {

    /** The number of tasks done, counted from the first, at the last check of each kata. */
    private final Map<String, Integer> tasksDone = new HashMap<>();
    /** Where the next task is described, after its title: e.g. {@code : katas/.../README.md, section "2. ..."}. */
    private final BiFunction<Kata, Task, String> whereToRead;

    TaskMilestones(BiFunction<Kata, Task, String> whereToRead) {
        this.whereToRead = whereToRead;
    }

    /**
     * Says each task that turned green since this kata's last check, and the next one. The first check of a kata
     * only sets the mark: what was green before the session began is no news.
     */
    void announce(Kata kata, TaskProgress tasks, PrintWriter out) {
        if (!tasks.hasTasks() || tasks.steps().stream().allMatch(s -> s.tests().isEmpty())) {
            return; // nothing ran: a compile error tells nothing about the tasks
        }
        int doneNow = (int) tasks.steps().stream().takeWhile(TaskProgress.Step::done).count();
        Integer doneBefore = tasksDone.put(kata.slug(), doneNow);
        if (doneBefore == null || doneNow <= doneBefore) {
            return;
        }
        for (TaskProgress.Step step : tasks.steps().subList(doneBefore, doneNow)) {
            out.println("Task " + step.task().number() + " (" + step.task().title() + ") is done: all its tests pass.");
        }
        out.println(tasks.current().map(s -> "On to task " + s.task().number() + " (" + s.task().title() + ")"
                + whereToRead.apply(kata, s.task()) + ".")
                .orElse("That was the last task of " + kata.slug() + "."));
        out.println();
    }
}
