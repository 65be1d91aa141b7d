package katas.checker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import katas.checker.engine.Catalogue;
import katas.checker.engine.KataChecker;
import katas.checker.engine.SourceFingerprint;
import katas.checker.engine.UnknownKataException;
import katas.checker.engine.Workspace;
import katas.checker.model.Kata;
import katas.checker.model.KataResult;
import katas.checker.report.BoardView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./kata}: with no command, the board of katas. */
@Command(name = "kata", mixinStandardHelpOptions = true, version = "Process Katas for Java 1.0",
        description = "Katas on multiprocessing with real operating-system processes.%n"
                + "With no command: the board of katas, your progress, and what to do next.",
        subcommands = {CheckCommand.class, CommandLine.HelpCommand.class})
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
        Path root = Workspace.root();
        Catalogue catalogue = Catalogue.load(root);
        KataChecker checker = new KataChecker(root);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, KataResult> results = new LinkedHashMap<>();
        for (Kata kata : catalogue.available()) {
            if (checker.remembered(kata, KataChecker.Code.LEARNER).isEmpty()) {
                out.printf("checking %s ...%n", kata.slug());
                out.flush();
            }
            results.put(kata.slug(), checker.rememberedOrCheck(kata, KataChecker.Code.LEARNER));
        }
        List<String> nextFiles = catalogue.available().stream()
                .filter(k -> !results.get(k.slug()).passed()).findFirst()
                .map(k -> filesToEdit(root, k)).orElse(List.of());
        out.print(BoardView.render(catalogue.all(), results, nextFiles));
        out.flush();
        return 0;
    }

    /** The learner's source files of a kata that still have work in them (a TODO), relative to the repository. */
    static List<String> filesToEdit(Path root, Kata kata) {
        List<Path> files = SourceFingerprint.javaFiles(kata.mainSources());
        List<Path> todo = files.stream().filter(KataCommand::hasTodo).collect(Collectors.toList());
        return (todo.isEmpty() ? files : todo).stream()
                .map(f -> root.relativize(f).toString().replace('\\', '/'))
                .collect(Collectors.toList());
    }

    private static boolean hasTodo(Path file) {
        try {
            return Files.readString(file).contains("\"TODO");
        } catch (IOException e) {
            return false;
        }
    }
}
