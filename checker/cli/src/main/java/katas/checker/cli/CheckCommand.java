package katas.checker.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import katas.checker.engine.KataChecker;
import katas.checker.engine.Progress;
import katas.checker.model.Kata;
import katas.checker.model.KataResult;
import katas.checker.model.TaskProgress;
import katas.checker.report.BoardView;
import katas.checker.report.CheckView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./kata check <kata>...}: runs the kata's tests against the learner's code. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compiles the kata and runs its tests against your code; shows the tasks done, the current "
                + "task's failures in full, each with the processes its test started on a time line, and the tasks "
                + "still to come.%n"
                + "Exit code 0 only when every test of every named kata passes.")
public final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "KATA", description = "a kata: 1, 01, create-process or 01-create-process")
    List<String> names;

    @Option(names = "--timeline", description = "show every test of every task, each with the processes it "
            + "started on a time line (failing tests always show theirs)")
    boolean everyTimeline;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Repo repo = Repo.open();
        List<Kata> katas = new ArrayList<>();
        for (String name : names) {
            katas.add(repo.catalogue().find(name));
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean allPassed = true;
        for (Kata kata : katas) {
            KataResult result = repo.checker().check(kata, KataChecker.Code.LEARNER);
            TaskProgress tasks = Progress.tasksOf(kata, result);
            out.print(CheckView.render(result, tasks, new CheckView.Timelines(everyTimeline, Terminal.style())));
            out.println();
            if (result.passed()) {
                out.println("Solved! Run ./kata to see the board and your next kata.");
            } else {
                allPassed = false;
                out.print(BoardView.nextStep(kata, repo.filesToEdit(kata), tasks));
            }
            out.flush();
        }
        return allPassed ? 0 : 1;
    }
}
