package katas.checker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import katas.checker.engine.KataChecker;
import katas.checker.engine.PracticeClock;
import katas.checker.engine.Progress;
import katas.checker.engine.SourceChanges;
import katas.checker.engine.SourceFingerprint;
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

/**
 * {@code ./kata watch}: checks the kata again whenever one of its files changes ({@link SourceChanges}), and moves
 * on to the next kata when it turns green.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Checks the kata each time you save a file, says each task that turns green and the next one, "
                + "and moves on to the next kata when it passes. Ctrl-C quits.")
public final class WatchCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "KATA", description = "the kata to start with; default: the next "
            + "unsolved one")
    String name;

    @Option(names = "--minutes", paramLabel = "N", description = "timed practice, as in an interview: N minutes "
            + "to solve the kata; the time used is shown after each check, and watching stops when it is up")
    Integer minutes;

    @Option(names = "--max-checks", hidden = true, defaultValue = "0", description = "stop after this many checks")
    int maxChecks;

    @Spec
    CommandSpec spec;

    /** The news of each check: the tasks that turned green, and where to read about the next one. */
    private final TaskMilestones milestones = new TaskMilestones((kata, task) -> ": katas/" + kata.slug()
            + "/README.md, section \"" + task.heading() + "\"");

    @Override
    public Integer call() throws InterruptedException, IOException {
        Repo repo = Repo.open();
        PrintWriter out = spec.commandLine().getOut();
        Optional<Kata> current = name != null ? Optional.of(repo.catalogue().find(name))
                : Progress.of(repo.catalogue(), repo.checker(), k -> { }).next();
        int checks = 0;
        PracticeClock clock = minutes == null ? PracticeClock.untimed()
                : PracticeClock.limitedTo(Duration.ofMinutes(minutes));
        while (current.isPresent()) {
            Kata kata = current.get();
            String checkedCode = SourceFingerprint.of(kata.mainSources(), kata.testSources());
            KataResult result = repo.checker().check(kata, KataChecker.Code.LEARNER);
            TaskProgress tasks = Progress.tasksOf(kata, result);
            checks++;
            out.print(CheckView.render(result, tasks, new CheckView.Timelines(false, Terminal.style())));
            out.println();
            milestones.announce(kata, tasks, out);
            if (minutes != null) {
                out.println(result.passed() ? "Solved in " + clock.usedText() + " (of " + minutes + " min)."
                        : "Time used: " + clock.usedText() + " of " + minutes + " min.");
            }
            if (result.passed()) {
                current = Progress.of(repo.catalogue(), repo.checker(), k -> { }).next();
                out.println(current.map(k -> "Solved! On to " + k.slug() + ".\n")
                        .orElse("Solved! That was the last kata: every kata is solved."));
                out.flush();
                if (current.isEmpty() || maxChecks > 0 && checks >= maxChecks) {
                    return 0;
                }
                continue;
            }
            out.print(BoardView.nextStep(kata, repo.filesToEdit(kata), tasks));
            out.println("Watching katas/" + kata.slug() + " for changes (Ctrl-C to quit)...");
            out.flush();
            if (maxChecks > 0 && checks >= maxChecks) {
                return 1;
            }
            SourceChanges.Wake wake = SourceChanges.awaitChange(kata.dir().resolve("src"),
                    () -> SourceFingerprint.of(kata.mainSources(), kata.testSources()), checkedCode, clock,
                    () -> false);
            if (wake == SourceChanges.Wake.TIME_UP) {
                out.println("Time is up: " + minutes + " min. Keep going without the clock: ./kata watch "
                        + kata.slug());
                out.flush();
                return 1;
            }
        }
        return 0;
    }
}
