package katas.checker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import katas.checker.engine.Checksums;
import katas.checker.engine.Grader;
import katas.checker.engine.Progress;
import katas.checker.engine.TestSources;
import katas.checker.model.Grade;
import katas.checker.model.Kata;
import katas.checker.model.TaskProgress;
import katas.checker.report.GradeReports;
import katas.checker.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./kata grade}: every kata graded on its own, in the format the instructor's tools read. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grades your code kata by kata. A compile error, a hang or a crash costs that kata only; "
                + "a kata whose tests were changed scores zero.%nWith every format, report.html in the output "
                + "folder shows each kata's tests, failures and processes as a web page.%nExit code 0 when "
                + "grading completed, whatever the score.")
public final class GradeCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format { text, exercism, classroom, junit }

    @Option(names = "--format", defaultValue = "text",
            description = "text (a table), exercism (results.json per kata), classroom (GitHub Classroom "
                    + "autograding), junit (JUnit XML). Default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--output", defaultValue = "grades", description = "folder for the files (report.html with "
            + "every format), relative to this repository's root. Default: ${DEFAULT-VALUE}")
    Path output;

    @Option(names = "--solutions", description = "grade the reference solutions instead (for maintainers)")
    boolean solutions;

    @Option(names = "--student", paramLabel = "DIR", description = "grade the code of the repository in DIR (a "
            + "student's) against this repository's tests, manifest and checksums: only each kata's src/main/java "
            + "is taken from DIR. Default: this repository's own code")
    Path student;

    @Option(names = "--github-env", hidden = true, description = "file for the classroom results; "
            + "default: $GITHUB_ENV")
    Path githubEnv = envPath("GITHUB_ENV");

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
        Path folder = repo.root().resolve(output);
        Path submission = student == null ? repo.root() : student.toAbsolutePath().normalize();
        Optional<String> unusable = unusable(folder, submission);
        if (unusable.isPresent()) {
            err.println("kata grade: " + unusable.get() + ". Nothing was graded.");
            return 2;
        }
        Grader grader = new Grader(repo.catalogue(), repo.checker(), Checksums.load(repo.root()));
        Consumer<Kata> progress = kata -> {
            err.println("grading " + kata.slug() + " ...");
            err.flush();
        };
        List<Grade> grades = solutions ? grader.gradeSolutions(progress) : grader.grade(submission, progress);
        // The table first: whatever happens to the files, the grades are on the terminal.
        out.print(GradeReports.text(grades));
        out.flush();
        switch (format) {
            case exercism:
                for (Grade grade : grades) {
                    Map<String, String> testCode = new HashMap<>();
                    TestSources.read(grade.kata().testSources()).methods()
                            .forEach(test -> testCode.put(test.key(), test.code()));
                    write(folder.resolve(grade.kata().slug()).resolve("results.json"),
                            GradeReports.exercism(grade, testCode), out);
                }
                break;
            case junit:
                write(folder.resolve("TEST-process-katas.xml"), GradeReports.junit(grades), out);
                break;
            case classroom:
                classroom(grades, folder, out);
                break;
            default:
                break;
        }
        write(folder.resolve("report.html"), HtmlReport.grades(whose(repo, submission), grades, tasks(grades)), out);
        out.flush();
        return 0;
    }

    /** Whose code the grades are, in words for the report's heading. */
    private String whose(Repo repo, Path submission) {
        if (solutions) {
            return "the reference solutions in " + repo.root();
        }
        return student == null ? "this repository, " + repo.root() : "the student's repository " + submission;
    }

    private static Map<String, TaskProgress> tasks(List<Grade> grades) {
        Map<String, TaskProgress> tasks = new HashMap<>();
        for (Grade grade : grades) {
            tasks.put(grade.kata().slug(), Progress.tasksOf(grade.kata(), grade.result()));
        }
        return tasks;
    }

    /**
     * The reporter's runners, one per kata: their names as the step output {@code runners}, each runner's result
     * as the environment variable {@code KATANN_RESULTS} of the later steps. Outside GitHub Actions, a file each.
     */
    private void classroom(List<Grade> grades, Path folder, PrintWriter out) throws IOException {
        Map<String, String> runners = GradeReports.classroom(grades);
        if (githubOutput != null && githubEnv != null) {
            append(githubOutput, "runners=" + String.join(",", runners.keySet()) + "\n");
            StringBuilder env = new StringBuilder();
            runners.forEach((runner, json) -> env.append(runner.toUpperCase(Locale.ROOT)).append("_RESULTS=")
                    .append(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))).append('\n'));
            append(githubEnv, env.toString());
            out.println("wrote " + runners.size() + " autograding runners: step output \"runners\", and "
                    + "KATA01_RESULTS ... in $GITHUB_ENV");
        } else {
            for (Map.Entry<String, String> runner : runners.entrySet()) {
                write(folder.resolve("classroom").resolve(runner.getKey() + ".json"), runner.getValue(), out);
            }
        }
        if (stepSummary != null) {
            append(stepSummary, GradeReports.markdown(grades));
        }
    }

    /** Why grading could not deliver, found before it starts; empty if it can. */
    private Optional<String> unusable(Path folder, Path submission) {
        if (student != null && !Files.isDirectory(submission.resolve("katas"))) {
            return Optional.of("--student " + student + " is not a kata repository (it has no katas/ folder)");
        }
        // Every format writes report.html to the folder, so every format needs it.
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".grade", ".probe");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("cannot write the grades to " + folder + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): choose another --output");
        }
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
