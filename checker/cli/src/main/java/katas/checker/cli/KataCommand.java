package katas.checker.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import katas.checker.engine.Progress;
import katas.checker.engine.UnknownKataException;
import katas.checker.report.BoardView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code ./kata}: with no command, the board of katas. */
@Command(name = "kata", mixinStandardHelpOptions = true, version = "Process Katas for Java 1.0",
        description = "Katas on multiprocessing with real operating-system processes.%n"
                + "With no command: the board of katas, your progress, and what to do next.",
        subcommands = {CheckCommand.class, NextCommand.class, WatchCommand.class, HintCommand.class,
            InterviewCommand.class, BenchCommand.class, ReportCommand.class, ResetCommand.class, VerifyCommand.class,
            GradeCommand.class, ChecksumsCommand.class, CommandLine.HelpCommand.class})
public final class KataCommand implements Callable<Integer> {

    /** Exit code for a usage error, such as an unknown kata. */
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    /** The command line with the checker's error handling: clear messages, no stack traces for bad input. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new KataCommand());
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (exception instanceof UnknownKataException) {
                err.println(exception.getMessage());
                return USAGE;
            }
            err.println("kata: " + exception.getMessage());
            return 1;
        });
        return commandLine;
    }

    @Override
    public Integer call() throws InterruptedException {
        Repo repo = Repo.open();
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = Progress.of(repo.catalogue(), repo.checker(), kata -> {
            out.printf("checking %s ...%n", kata.slug());
            out.flush();
        });
        List<String> nextFiles = progress.next().map(repo::filesToEdit).orElse(List.of());
        out.print(BoardView.render(repo.catalogue().all(), progress.results(), progress.tasks(), nextFiles));
        out.flush();
        return 0;
    }
}
