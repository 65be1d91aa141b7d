package katas.checker.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import katas.checker.engine.Checksums;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./kata checksums --write}: for maintainers, after changing a kata's tests or stub. */
@Command(name = "checksums", mixinStandardHelpOptions = true,
        description = "For maintainers: records the checksums of every kata's tests and stub in "
                + "katas/checksums.json (used to detect tampered tests and to reset stubs).")
public final class ChecksumsCommand implements Callable<Integer> {

    @Option(names = "--write", required = true, description = "write katas/checksums.json from the files as they are")
    boolean write;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Repo repo = Repo.open();
        Checksums.compute(repo.catalogue().available()).write(repo.root());
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote katas/checksums.json for " + repo.catalogue().available().size() + " katas");
        out.flush();
        return 0;
    }
}
