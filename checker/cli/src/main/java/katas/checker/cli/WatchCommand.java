package katas.checker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import katas.checker.engine.KataChecker;
import katas.checker.engine.Progress;
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
 * {@code ./kata watch}: checks the kata again whenever one of its files changes, and moves on to the next kata
 * when it turns green. Changes are seen through file-system events, and by comparing the sources' fingerprint
 * every second, for file systems whose events do not arrive (network drives, some containers).
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

    /** The number of tasks done, counted from the first, at this watch's last check of each kata. */
    private final Map<String, Integer> tasksDone = new HashMap<>();

    @Override
    public Integer call() throws InterruptedException, IOException {
        Repo repo = Repo.open();
        PrintWriter out = spec.commandLine().getOut();
        Optional<Kata> current = name != null ? Optional.of(repo.catalogue().find(name))
                : Progress.of(repo.catalogue(), repo.checker(), k -> { }).next();
        int checks = 0;
        long started = System.nanoTime();
        Long deadline = minutes == null ? null : started + TimeUnit.MINUTES.toNanos(minutes);
        while (current.isPresent()) {
            Kata kata = current.get();
            String checkedCode = SourceFingerprint.of(kata.mainSources(), kata.testSources());
            KataResult result = repo.checker().check(kata, KataChecker.Code.LEARNER);
            TaskProgress tasks = Progress.tasksOf(kata, result);
            checks++;
            out.print(CheckView.render(result, tasks, new CheckView.Timelines(false, Terminal.style())));
            out.println();
            announceTasksDone(tasks, kata, out);
            if (minutes != null) {
                out.println(clock(started, result.passed()));
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
            if (!awaitChange(kata, checkedCode, deadline)) {
                out.println("Time is up: " + minutes + " min. Keep going without the clock: ./kata watch "
                        + kata.slug());
                out.flush();
                return 1;
            }
        }
        return 0;
    }

    /**
     * Says which tasks turned green since the last check of this kata in this watch, and which one is next. The
     * first check of a kata only sets the mark: what was green before the watch began is no news.
     */
    private void announceTasksDone(TaskProgress tasks, Kata kata, PrintWriter out) {
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
        out.println(tasks.current().map(s -> "On to task " + s.task().number() + " (" + s.task().title() + "): "
                + "katas/" + kata.slug() + "/README.md, section \"" + s.task().heading() + "\".")
                .orElse("That was the last task of " + kata.slug() + "."));
        out.println();
    }

    private String clock(long started, boolean solved) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        String used = seconds / 60 + " min " + seconds % 60 + " s";
        return solved ? "Solved in " + used + " (of " + minutes + " min)." : "Time used: " + used + " of " + minutes
                + " min.";
    }

    /**
     * Waits until the kata's code differs from the code with fingerprint {@code checkedCode}.
     *
     * @return true when it changed, false when the deadline (a {@link System#nanoTime()} value, or null for
     *     none) passed first
     */
    private static boolean awaitChange(Kata kata, String checkedCode, Long deadline)
            throws IOException, InterruptedException {
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            register(watcher, kata.dir().resolve("src"));
            while (true) {
                WatchKey key = watcher.poll(1, TimeUnit.SECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                    TimeUnit.MILLISECONDS.sleep(200); // let an editor finish writing
                }
                if (!SourceFingerprint.of(kata.mainSources(), kata.testSources()).equals(checkedCode)) {
                    return true;
                }
                if (deadline != null && System.nanoTime() - deadline > 0) {
                    return false;
                }
            }
        }
    }

    private static void register(WatchService watcher, Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var dirs = Files.walk(root)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }
}
