package katas.checker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import katas.checker.engine.Progress;
import katas.checker.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./kata report}: the board and every kata's tests, with their processes, as a web page. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes your progress as one web page to open in a browser: the board, each kata's tasks "
                + "and tests, each failure's message, and the processes each test started on a time line "
                + "(hover a process for its details). Checks the katas whose code changed since their last "
                + "check first.")
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "target/kata-report.html",
            description = "the page, relative to the repository's root. Default: ${DEFAULT-VALUE}")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, IOException {
        Repo repo = Repo.open();
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = Progress.of(repo.catalogue(), repo.checker(), kata -> {
            out.printf("checking %s ...%n", kata.slug());
            out.flush();
        });
        Path page = repo.root().resolve(output).toAbsolutePath().normalize();
        Files.createDirectories(page.getParent());
        Files.writeString(page, HtmlReport.progress(repo.catalogue().all(), progress.results(), progress.tasks()));
        out.println("wrote " + page);
        out.println(page.toUri());
        out.flush();
        return 0;
    }
}
