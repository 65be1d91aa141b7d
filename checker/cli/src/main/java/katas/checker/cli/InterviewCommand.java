package katas.checker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import katas.checker.engine.KataChecker;
import katas.checker.engine.PracticeClock;
import katas.checker.engine.Progress;
import katas.checker.engine.QuestionBank;
import katas.checker.engine.Readme;
import katas.checker.engine.SourceChanges;
import katas.checker.engine.SourceFingerprint;
import katas.checker.engine.StubRestorer;
import katas.checker.model.InterviewQuestion;
import katas.checker.model.Kata;
import katas.checker.model.KataResult;
import katas.checker.model.Task;
import katas.checker.model.TaskProgress;
import katas.checker.report.CheckView;
import katas.checker.report.InterviewRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./kata interview}: a kata as an interview. The kata's stub as shipped goes to a folder of its own, so the
 * learner's work in {@code katas/} stays as it is; its tasks are shown without their hints; its tests run each
 * time a file is saved, until every test passes, the time is up or the learner types {@code done}. Then the
 * interview questions, one by one, each answer followed by the model answer; everything is kept in a Markdown
 * record next to the code.
 */
@Command(name = "interview", mixinStandardHelpOptions = true,
        description = "Interview practice: a kata you have not solved yet, from its stub, in a folder of its own "
                + "(your work in katas/ is not touched), against the clock. The tests run each time you save; "
                + "type done to finish early. Then the kata's interview questions: type your answer, and see the "
                + "model answer. Everything is saved to a Markdown file to read again.")
public final class InterviewCommand implements Callable<Integer> {

    /** Where interviews keep their code and records, relative to the repository (git ignores it). */
    static final String FOLDER = "target/interview";

    @Parameters(arity = "0..1", paramLabel = "KATA", description = "the kata: 1, 01, create-process or "
            + "01-create-process; default: the first you have not solved yet")
    String name;

    @Option(names = "--minutes", paramLabel = "N", description = "the time you have, in minutes (0.5 is half a "
            + "minute); default: the kata's, from katas/katas.json (\"interviewMinutes\", 30 if it gives none)")
    Double minutes;

    @Spec
    CommandSpec spec;

    /** How the coding part of an interview ended: what the screen says, and what the record says. */
    private enum Ending {
        SOLVED("Solved: every test passes.", "every test passes"),
        TIME_UP("Time is up.", "the time was up"),
        DONE("You typed done.", "you typed done"),
        END_OF_INPUT("The input ended.", "the input ended");

        final String headline;
        final String words;

        Ending(String headline, String words) {
            this.headline = headline;
            this.words = words;
        }
    }

    /** The last check of the interview's code, and how the coding ended. */
    private record Coded(KataResult result, TaskProgress progress, Ending ending) {
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        Optional<Duration> given = timeLimit();
        Repo repo = Repo.open();
        PrintWriter out = spec.commandLine().getOut();
        Optional<Kata> chosen = choose(repo, out);
        if (chosen.isEmpty()) {
            out.println("You have solved every kata. Name one to practise it as an interview, for example: "
                    + "./kata interview 03");
            out.flush();
            return 1;
        }
        Kata kata = chosen.get();
        Duration limit = given.orElse(Duration.ofMinutes(kata.interviewMinutes()));
        LocalDateTime started = LocalDateTime.now();
        Path folder = newFolder(repo.root(), started, kata);
        new StubRestorer(repo.root()).copyStub(kata, folder);
        String tasks = taskList(kata);
        Files.writeString(folder.resolve("TASKS.md"), "# " + kata.slug() + ": " + kata.title() + "\n\n" + tasks);
        Path sources = folder.resolve("src/main/java");
        InterviewRecord record = new InterviewRecord(kata, started, relative(repo, sources));
        Path recordFile = folder.resolveSibling(folder.getFileName() + ".md");

        out.println("Interview practice: " + kata.slug() + " (" + kata.title() + "), "
                + PracticeClock.limitText(limit) + ".");
        out.println("This is the kata's stub as shipped, in a folder of its own: your work in katas/" + kata.slug()
                + " is not touched.");
        out.println();
        out.println(tasks);
        out.println("Edit, in " + relative(repo, sources) + "/:");
        filesToEdit(kata, sources).forEach(file -> out.println("    " + file));
        out.println("The tasks are also in " + relative(repo, folder.resolve("TASKS.md")) + ".");
        out.println("The tests run each time you save a file. The clock starts now: " + PracticeClock.limitText(limit)
                + ". Type done and Enter to finish early.");
        out.println();
        out.flush();

        TypedLines typed = TypedLines.from(System.in);
        PracticeClock clock = PracticeClock.limitedTo(limit);
        Coded coded = code(kata, sources, repo, clock, typed, out);

        String score = InterviewRecord.score(coded.result(), coded.progress());
        String time = clock.usedText() + " of " + PracticeClock.limitText(limit);
        record.coded(coded.ending().words, score, time);
        out.println();
        out.println(coded.ending().headline + " Tests: " + score + ". Time used: " + time + ".");
        save(record, recordFile);
        askQuestions(kata, repo, typed, record, recordFile, out);
        out.println();
        out.println("Your interview is saved in " + relative(repo, recordFile) + " (your code: "
                + relative(repo, sources) + ").");
        out.flush();
        return coded.result().passed() ? 0 : 1;
    }

    /**
     * Checks the interview's code, then again each time a file of it is saved, until every test passes, the time
     * is up, or the learner types {@code done} (or the input ends).
     */
    private static Coded code(Kata kata, Path sources, Repo repo, PracticeClock clock, TypedLines typed,
            PrintWriter out) throws InterruptedException, IOException {
        TaskMilestones milestones = new TaskMilestones((k, task) -> ""); // the README would give the hints away
        String limit = PracticeClock.limitText(clock.limit().orElseThrow());
        while (true) {
            String checked = SourceFingerprint.of(sources, kata.testSources());
            out.println("Checking your code ...");
            out.flush();
            KataResult result = repo.checker().checkAfresh(kata, sources);
            TaskProgress progress = Progress.tasksOf(kata, result);
            out.print(CheckView.render(result, progress, new CheckView.Timelines(false, Terminal.style())));
            out.println();
            milestones.announce(kata, progress, out);
            if (result.passed()) {
                return new Coded(result, progress, Ending.SOLVED);
            }
            out.println("Time used: " + clock.usedText() + " of " + limit + ". Save a file to check it again; type "
                    + "done to finish.");
            out.flush();
            SourceChanges.Wake wake = SourceChanges.awaitChange(sources.getParent(),
                    () -> SourceFingerprint.of(sources, kata.testSources()), checked, clock,
                    () -> typedDone(typed, out));
            if (wake != SourceChanges.Wake.CHANGED) {
                return new Coded(result, progress, wake == SourceChanges.Wake.TIME_UP ? Ending.TIME_UP
                        : typed.ended() ? Ending.END_OF_INPUT : Ending.DONE);
            }
        }
    }

    /** The time limit {@code --minutes} gives, if it does. */
    private Optional<Duration> timeLimit() {
        if (minutes == null) {
            return Optional.empty();
        }
        if (!(minutes > 0 && minutes <= 24 * 60)) {
            throw new ParameterException(spec.commandLine(), "--minutes must be more than 0 and at most a day "
                    + "(1440), not " + minutes);
        }
        return Optional.of(Duration.ofMillis(Math.round(minutes * 60_000)));
    }

    /** The kata named, or the first the learner has not solved; empty when every kata is solved. */
    private Optional<Kata> choose(Repo repo, PrintWriter out) throws InterruptedException {
        if (name != null) {
            Kata kata = repo.catalogue().find(name);
            if (Files.isDirectory(kata.dir())
                    && repo.checker().rememberedOrCheck(kata, KataChecker.Code.LEARNER).passed()) {
                out.println("You have solved " + kata.slug() + " already. Here it is again from its stub, as an "
                        + "interview; your solution in katas/" + kata.slug() + " stays as it is.");
                out.println();
            }
            return Optional.of(kata);
        }
        return Progress.of(repo.catalogue(), repo.checker(), kata -> {
            out.printf("checking %s ...%n", kata.slug());
            out.flush();
        }).next();
    }

    /** {@code target/interview/2024-05-01-1430-08-terminate}, or with {@code -2} ... if that one exists. */
    private static Path newFolder(Path root, LocalDateTime started, Kata kata) throws IOException {
        String base = started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT)) + "-" + kata.slug();
        Path parent = root.resolve(FOLDER);
        Path folder = parent.resolve(base);
        for (int n = 2; Files.exists(folder) || Files.exists(parent.resolve(folder.getFileName() + ".md")); n++) {
            folder = parent.resolve(base + "-" + n);
        }
        Files.createDirectories(folder);
        return folder;
    }

    /** The kata's tasks, each with what it asks for and what its tests check, without the hints. */
    static String taskList(Kata kata) {
        Readme readme = Readme.of(kata.readme());
        List<Task> tasks = readme.tasks();
        if (tasks.isEmpty()) {
            return "The task: make every test of " + kata.slug() + " pass.\n";
        }
        StringBuilder list = new StringBuilder("The tasks, in order:\n");
        for (Task task : tasks) {
            list.append('\n').append(task.heading()).append('\n');
            String statement = readme.statementOf(task);
            if (!statement.isEmpty()) {
                statement.lines().forEach(line -> list.append(line.isEmpty() ? "" : "   " + line).append('\n'));
            }
        }
        return list.toString();
    }

    /** The files to edit, relative to the interview's sources: the manifest's, or every source file. */
    private static List<String> filesToEdit(Kata kata, Path sources) {
        if (!kata.learnerFiles().isEmpty()) {
            return kata.learnerFiles();
        }
        return SourceFingerprint.javaFiles(sources).stream()
                .map(f -> sources.relativize(f).toString().replace('\\', '/')).collect(Collectors.toList());
    }

    /**
     * Whether the learner typed {@code done}, or the input ended, since last asked. Anything else typed while the
     * clock runs gets a reminder.
     */
    private static boolean typedDone(TypedLines typed, PrintWriter out) {
        for (Optional<String> line = typed.poll(); ; line = typed.poll()) {
            if (typed.ended()) {
                return true;
            }
            if (line.isEmpty()) {
                return false;
            }
            String said = line.get().strip().toLowerCase(Locale.ROOT);
            if (said.equals("done")) {
                return true;
            }
            if (!said.isEmpty()) {
                out.println("(The clock is running: save a file to check it, or type done to finish.)");
                out.flush();
            }
        }
    }

    /**
     * Asks the kata's questions and a couple of general ones, one at a time: the learner's answer (up to an empty
     * line), then the model answer. Once the input ends, the questions left go to the record unanswered.
     */
    private static void askQuestions(Kata kata, Repo repo, TypedLines typed, InterviewRecord record, Path recordFile,
            PrintWriter out) throws InterruptedException {
        QuestionBank bank = new QuestionBank(repo.root());
        List<InterviewQuestion> questions = bank.forInterview(kata);
        if (questions.isEmpty()) {
            out.println("This kata has no interview questions.");
            return;
        }
        out.println();
        out.println("Now the interview questions (" + questions.size() + "). Type your answer; an empty line ends "
                + "it (an empty first line skips the question). Then you see the model answer.");
        if (!bank.hasAnswers(kata)) {
            out.println(InterviewRecord.NO_MODEL_ANSWER + " The general questions have theirs.");
        }
        int unasked = 0;
        for (int i = 0; i < questions.size(); i++) {
            InterviewQuestion question = questions.get(i);
            if (typed.ended()) {
                record.notAnswered(question);
                unasked++;
                continue;
            }
            out.println();
            out.println("Question " + (i + 1) + " of " + questions.size()
                    + (question.source().equals(kata.slug()) ? "" : " (" + question.source() + ")") + ":");
            out.println(question.question());
            out.print("> ");
            out.flush();
            Optional<String> answer = answer(typed);
            if (answer.isEmpty()) {
                record.notAnswered(question);
                unasked++;
                continue;
            }
            record.answered(question, answer.get());
            out.println();
            out.println("Model answer:");
            out.println(question.modelAnswer().orElse(InterviewRecord.NO_MODEL_ANSWER));
            out.flush();
            save(record, recordFile);
        }
        if (unasked > 0) {
            out.println();
            out.println("The input ended, so " + (unasked == 1 ? "1 question was" : unasked + " questions were")
                    + " not answered: the record has " + (unasked == 1 ? "it" : "them") + " with the model answers.");
        }
        save(record, recordFile);
    }

    /** The lines typed up to an empty line (empty text: skipped); empty if the input ended before any line. */
    private static Optional<String> answer(TypedLines typed) throws InterruptedException {
        StringBuilder answer = new StringBuilder();
        boolean any = false;
        for (Optional<String> line = typed.next(); line.isPresent(); line = typed.next()) {
            any = true;
            if (line.get().isBlank()) {
                break;
            }
            answer.append(line.get().stripTrailing()).append('\n');
        }
        return any ? Optional.of(answer.toString().strip()) : Optional.empty();
    }

    private static void save(InterviewRecord record, Path file) {
        try {
            Files.writeString(file, record.markdown());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the interview's record " + file, e);
        }
    }

    private static String relative(Repo repo, Path path) {
        return repo.root().relativize(path).toString().replace('\\', '/');
    }
}
