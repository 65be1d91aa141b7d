package katas.checker.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import katas.checker.engine.HintLadder;
import katas.checker.engine.KataChecker;
import katas.checker.engine.Progress;
import katas.checker.model.Kata;
import katas.checker.model.KataResult;
import katas.checker.model.Task;
import katas.checker.model.TaskProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./kata hint <kata>}: the next hint of the task the learner is at, one more each time. */
@Command(name = "hint", mixinStandardHelpOptions = true,
        description = "Shows the next hint for the task you are at (the first whose tests do not all pass yet): "
                + "one more each time you ask, from a nudge to nearly the answer.")
public final class HintCommand implements Callable<Integer> {

    @Parameters(paramLabel = "KATA", description = "a kata: 1, 01, create-process or 01-create-process")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Repo repo = Repo.open();
        Kata kata = repo.catalogue().find(name);
        PrintWriter out = spec.commandLine().getOut();
        KataResult result = repo.checker().rememberedOrCheck(kata, KataChecker.Code.LEARNER);
        TaskProgress progress = Progress.tasksOf(kata, result);
        HintLadder ladder = new HintLadder(kata);
        List<TaskProgress.Step> steps = progress.steps();
        if (steps.isEmpty()) {
            out.println(kata.slug() + " has no numbered tasks in its README, so there are no hints to give.");
        } else if (result.passed()) {
            out.println(kata.slug() + " is solved: every task's tests pass. Run ./kata for the next kata.");
        } else {
            Optional<Task> current = progress.current().map(TaskProgress.Step::task);
            String why = "";
            if (current.isEmpty()) {
                // Nothing ran (the code does not compile): stay with the task hinted last.
                int last = ladder.lastTask().orElse(1);
                current = steps.stream().map(TaskProgress.Step::task).filter(t -> t.number() == last).findFirst()
                        .or(() -> Optional.of(steps.get(0).task()));
                why = "(Your code does not compile now, so this is for the task you were at.)\n";
            }
            Task task = current.get();
            Optional<HintLadder.Hint> hint = ladder.next(task);
            if (hint.isEmpty()) {
                out.println(why + "No more hints for task " + task.heading() + " of " + kata.slug() + ". Read that "
                        + "section of the README again, and the failure messages of ./kata check "
                        + String.format("%02d", kata.number()) + ".");
            } else {
                out.printf("%sTask %s of %s, hint %d of %d:%n%n%s%n", why, task.heading(), kata.slug(),
                        hint.get().number(), hint.get().of(), hint.get().text());
            }
        }
        out.flush();
        return 0;
    }
}
