package katas.checker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import katas.checker.engine.Checksums;
import katas.checker.engine.Grader;
import katas.checker.engine.KataChecker;
import katas.checker.model.Grade;
import katas.checker.report.GradeReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./kata grade}: every kata graded on its own, in the format the instructor's tools read. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grades your code kata by kata. A compile error, a hang or a crash costs that kata only; "
                + "a kata whose tests were changed scores zero.%nExit code 0 when grading completed, "
                + "whatever the score.")
public final class GradeCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format { text, exercism, classroom, junit }

    @Option(names = "--format", defaultValue = "text",
            description = "text (a table), exercism (results.json per kata), classroom (GitHub Classroom "
                    + "autograding), junit (JUnit XML). Default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--output", defaultValue = "grades", description = "folder for the files. Default: ${DEFAULT-VALUE}")
    Path output;

    @Option(names = "--solutions", description = "grade the reference solutions instead (for maintainers)")
    boolean solutions;

    @Option(names = "--github-output", hidden = true, description = "file for the classroom result; "
            + "default: $GITHUB_OUTPUT")
    Path githubOutput = envPath("GITHUB_OUTPUT");

    @Option(names = "--step-summary", hidden = true, description = "file for the Markdown summary; "
            + "default: $GITHUB_STEP_SUMMARY")
    Path stepSummary = envPath("GITHUB_STEP_SUMMARY");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, IOException {
        Repo repo = Repo.open();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Grader grader = new Grader(repo.catalogue(), repo.checker(), Checksums.load(repo.root()));
        List<Grade> grades = grader.grade(solutions ? KataChecker.Code.SOLUTION : KataChecker.Code.LEARNER,
                kata -> {
                    err.println("grading " + kata.slug() + " ...");
                    err.flush();
                });
        Path folder = repo.root().resolve(output);
        switch (format) {
            case exercism:
                for (Grade grade : grades) {
                    write(folder.resolve(grade.kata().slug()).resolve("results.json"),
                            GradeReports.exercism(grade), out);
                }
                break;
            case junit:
                write(folder.resolve("TEST-process-katas.xml"), GradeReports.junit(grades), out);
                break;
            case classroom:
                String encoded = Base64.getEncoder().encodeToString(
                        GradeReports.classroom(grades).getBytes(StandardCharsets.UTF_8));
                if (githubOutput != null) {
                    append(githubOutput, "result=" + encoded + "\n");
                    out.println("wrote the autograding result to $GITHUB_OUTPUT (output \"result\")");
                } else {
                    write(folder.resolve("classroom-result.json"), GradeReports.classroom(grades), out);
                }
                if (stepSummary != null) {
                    append(stepSummary, GradeReports.markdown(grades));
                }
                break;
            default:
                break;
        }
        out.print(GradeReports.text(grades));
        out.flush();
        return 0;
    }

    private static void write(Path file, String content, PrintWriter out) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        out.println("wrote " + file);
    }

    private static void append(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static Path envPath(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : Path.of(value);
    }
}
