package katas.checker.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import katas.checker.engine.RepositoryAudit;
import katas.checker.model.Kata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./kata verify}: the maintainers' proof that every kata is sound. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "For maintainers: the repository audit. For every kata, the solution passes, the stub fails "
                + "every test, the tests and stub match katas/checksums.json, the files and poms are the ones the "
                + "manifest gives, and the README has a task and hints; the manifest, the poms, the README's table "
                + "and the checksums list the same katas.%n"
                + "With katas named, only those katas (and not the lists) are audited.%n"
                + "Exit code 0 only when all of that holds.")
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "KATA", description = "a kata to audit alone: 10, 10-semaphore-event")
    List<String> names = List.of();

    @Override
    public Integer call() throws InterruptedException {
        Repo repo = Repo.open();
        RepositoryAudit audit = new RepositoryAudit(repo.root(), repo.catalogue(), repo.checker());
        PrintWriter out = spec.commandLine().getOut();
        List<Kata> katas = names.stream().map(repo.catalogue()::find).toList();
        int broken = katas.isEmpty() ? report("the lists of katas", audit.ofTheLists(), out) : 0;
        for (Kata kata : katas.isEmpty() ? repo.catalogue().all() : katas) {
            broken += report(kata.slug(), audit.ofKata(kata), out);
        }
        out.println(broken == 0 ? "\nEvery kata is sound." : "\n" + broken + " part(s) need attention.");
        out.flush();
        return broken == 0 ? 0 : 1;
    }

    private static int report(String what, List<String> problems, PrintWriter out) {
        out.println((problems.isEmpty() ? "ok    " : "FAIL  ") + what
                + (problems.isEmpty() ? "" : "\n        " + String.join("\n        ", problems)));
        out.flush();
        return problems.isEmpty() ? 0 : 1;
    }
}
