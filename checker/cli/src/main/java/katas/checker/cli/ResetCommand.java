package katas.checker.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import katas.checker.engine.StubRestorer;
import katas.checker.model.Kata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./kata reset <kata>}: the stub back as shipped; the learner's files are kept in a backup. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Puts the kata's stub back as shipped, to start it again. Asks first; your current files "
                + "are copied to the kata's target/reset-backups folder.")
public final class ResetCommand implements Callable<Integer> {

    @Parameters(paramLabel = "KATA", description = "a kata: 1, 01, create-process or 01-create-process")
    String name;

    @Option(names = {"-y", "--yes"}, description = "do not ask")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Repo repo = Repo.open();
        Kata kata = repo.catalogue().find(name);
        PrintWriter out = spec.commandLine().getOut();
        StubRestorer restorer = new StubRestorer(repo.root());
        List<String> changes = restorer.changes(kata);
        if (changes.isEmpty()) {
            out.println(kata.slug() + " is already as shipped: nothing to reset.");
            out.flush();
            return 0;
        }
        out.println("Resetting " + kata.slug() + " changes:\n  " + String.join("\n  ", changes));
        if (!yes && !confirmed(out)) {
            out.println("Nothing was changed.");
            out.flush();
            return 1;
        }
        Path backup = restorer.reset(kata);
        out.println(kata.slug() + " is back as shipped. Your files are in " + repo.root().relativize(backup));
        out.flush();
        return 0;
    }

    private static boolean confirmed(PrintWriter out) throws IOException {
        out.print("Reset it? Your files will be copied to a backup first. [y/N] ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in)).readLine();
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
