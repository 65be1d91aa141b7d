package katas.checker.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import katas.checker.engine.Progress;
import katas.checker.report.BoardView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./kata next}: the first unsolved kata and the files to edit. */
@Command(name = "next", mixinStandardHelpOptions = true,
        description = "Names the first kata you have not solved yet, its README and the files to edit.")
public final class NextCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Repo repo = Repo.open();
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = Progress.of(repo.catalogue(), repo.checker(), kata -> { });
        out.print(progress.next()
                .map(kata -> BoardView.nextStep(kata, repo.filesToEdit(kata), progress.tasks().get(kata.slug())))
                .orElse("Every kata is solved. Well done!\n"));
        out.flush();
        return 0;
    }
}
