package katas.checker.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import katas.checker.engine.HintLadder;
import katas.checker.model.Kata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./kata hint <kata>}: the next hint, one more each time. */
@Command(name = "hint", mixinStandardHelpOptions = true,
        description = "Shows the kata's next hint: one more each time you ask, from a nudge to nearly the answer.")
public final class HintCommand implements Callable<Integer> {

    @Parameters(paramLabel = "KATA", description = "a kata: 1, 01, create-process or 01-create-process")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Kata kata = Repo.open().catalogue().find(name);
        PrintWriter out = spec.commandLine().getOut();
        Optional<HintLadder.Hint> hint = new HintLadder(kata).next();
        if (hint.isEmpty()) {
            out.println("No more hints for " + kata.slug() + ". Read the README's \"What the tests check\" again, "
                    + "and the failure messages of ./kata check " + kata.slug() + ".");
        } else {
            out.printf("Hint %d of %d for %s:%n%n%s%n", hint.get().number(), hint.get().of(), kata.slug(),
                    hint.get().text());
        }
        out.flush();
        return 0;
    }
}
