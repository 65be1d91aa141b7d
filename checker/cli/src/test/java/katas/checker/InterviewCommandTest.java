package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import katas.checker.cli.KataCommand;
import katas.checker.engine.Workspace;
import katas.testkit.KataTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./kata interview}, driven end to end with typed input, in a throwaway repository. */
@KataTest
class InterviewCommandTest {

    private static final String MODEL_ANSWER = "Because one is the loneliest number.";

    @TempDir
    Path dir;

    private TempWorkspace workspace;

    /**
     * A kata of three tasks with hints, one interview question and its model answer, shipped (checksums, git), and
     * the general questions of this repository.
     */
    @BeforeEach
    void aShippedKata() throws Exception {
        workspace = new TempWorkspace(dir).manifest("{\"katas\": [{\"slug\": \"01-k\", \"title\": \"K\", "
                + "\"interviewMinutes\": 2}]}").taskedKata("01-k")
                .write("solutions/01-k/ANSWERS.md", "# 01 · Answers\n\n1. **Why?** " + MODEL_ANSWER + "\n")
                .copy("katas/interview-questions.md", "katas/interview-questions.md");
        workspace.run("checksums", "--write");
        workspace.git("init", "-q").git("add", "-A").git("commit", "-q", "-m", "shipped");
    }

    @Test
    void the_interview_starts_from_the_shipped_stub_shows_the_tasks_without_hints_and_leaves_katas_untouched()
            throws Exception {
        Path learnersCode = dir.resolve("katas/01-k/src/main/java/p/Code.java");
        Files.writeString(learnersCode, "package p;\n" + TempWorkspace.code(true, false, false) + "\n");
        Map<String, String> katasBefore = filesUnder(dir.resolve("katas"));

        int exit = workspace.runWithInput("done\nMy answer to why.\nOn two lines.\n\nProcesses isolate.\n\n\n",
                "interview", "01");

        assertThat(exit).as("exit code of an interview that did not solve the kata; it printed:\n" + workspace.out
                + workspace.err).isEqualTo(1);
        assertThat(filesUnder(dir.resolve("katas"))).as("every file of katas/ (but target/), after the interview")
                .isEqualTo(katasBefore);
        Path folder = onlyInterviewFolder();
        assertThat(folder.resolve("src/main/java/p/Code.java")).as("the interview's code: the stub as shipped, "
                + "from git, not the learner's edited file").content().contains("TODO task 1");
        assertThat(workspace.out).as("what the interview showed")
                .contains("Interview practice: 01-k (K), 2 min.")
                .contains("1. Return one").contains("Write one().").contains("3. Return three")
                .contains("target/interview/" + folder.getFileName() + "/src/main/java/:\n    p/Code.java")
                .contains("You typed done. Tests: 0 of 4 tests pass (0 tasks of 3 done). Time used: 0 min")
                .contains("Question 1 of 3:\nWhy?").contains(MODEL_ANSWER)
                .contains("Question 2 of 3 (general):")
                .contains("Your interview is saved in target/interview/" + folder.getFileName() + ".md");
        assertThat(workspace.out).as("what the interview showed: no hint, nor the command that gives them")
                .doesNotContain("One is 1.").doesNotContain("Two is 2.").doesNotContain("return 2;")
                .doesNotContain("Three is 3.").doesNotContain("Hint").doesNotContain("./kata hint");
        assertThat(folder.resolve("TASKS.md")).as("the task list kept in the interview's folder").content()
                .contains("2. Return two").doesNotContain("Two is 2.");
        String record = Files.readString(folder.resolveSibling(folder.getFileName() + ".md"));
        assertThat(record).as("the record of the interview")
                .contains("# Interview practice: 01-k").contains("- Tests: 0 of 4 tests pass")
                .contains("- Time: 0 min").contains("- Ended: you typed done")
                .contains("## Question 1 (01-k, question 1)\n\nWhy?\n\n### Your answer\n\nMy answer to why.\n"
                        + "On two lines.\n\n### Model answer\n\n**Why?** " + MODEL_ANSWER)
                .contains("Processes isolate.").contains("(skipped)")
                .contains("What is multiprocessing for?").contains("unit of isolation");
    }

    @Test
    @Timeout(60)
    void the_tests_run_again_when_a_file_of_the_interview_is_saved_and_it_ends_when_they_all_pass()
            throws Exception {
        Interview interview = Interview.start(workspace, "interview");
        await("the interview's first check, then its wait for a saved file").atMost(Duration.ofSeconds(30))
                .until(() -> interview.isAt("awaitChange"));

        Path code = onlyInterviewFolder().resolve("src/main/java/p/Code.java");
        Files.writeString(code, "package p;\n" + TempWorkspace.code(true, true, false) + "\n");
        await("the check of the saved file, then the next wait").atMost(Duration.ofSeconds(30))
                .until(() -> interview.output().contains("Task 2 (Return two) is done")
                        && interview.isAt("awaitChange"));
        Files.writeString(code, "package p;\n" + TempWorkspace.code(true, true, true) + "\n");
        await("the questions, once every test passes").atMost(Duration.ofSeconds(30))
                .until(() -> interview.isAt("askQuestions"));
        interview.type("Because.\n\n\n\n");

        assertThat(interview.exit()).as("exit code of a solved interview; it printed:\n" + interview.output())
                .isZero();
        assertThat(interview.output()).as("what the interview showed")
                .contains("Task 1 (Return one) is done").contains("On to task 3 (Return three).")
                .contains("Solved: every test passes. Tests: 4 of 4 tests pass (3 tasks of 3 done).")
                .contains(MODEL_ANSWER);
        assertThat(dir.resolve("katas/01-k/src/main/java/p/Code.java")).as("the kata's own stub in katas/")
                .content().contains("TODO task 1");
    }

    @Test
    @Timeout(60)
    void the_interview_stops_when_the_time_is_up_and_then_asks_the_questions() throws Exception {
        Interview interview = Interview.start(workspace, "interview", "--minutes", "0.02");
        await("the end of the 1.2 s the interview has").atMost(Duration.ofSeconds(30))
                .until(() -> interview.isAt("askQuestions"));
        interview.type("It was quick.\n");
        interview.endInput();

        assertThat(interview.exit()).as("exit code; it printed:\n" + interview.output()).isEqualTo(1);
        assertThat(interview.output()).as("what the interview showed").contains("01-k (K), 1 s.")
                .contains("Time is up. Tests: 0 of 4 tests pass").contains("of 1 s.").contains(MODEL_ANSWER)
                .contains("The input ended, so 2 questions were not answered");
        String record = Files.readString(onlyRecord());
        assertThat(record).as("the record").contains("- Ended: the time was up").contains("It was quick.")
                .contains("(not answered: the input ended)");
    }

    @Test
    void the_end_of_input_ends_the_clock_and_every_question_without_waiting() throws Exception {
        int exit = workspace.runWithInput("", "interview");

        assertThat(exit).as("exit code; it printed:\n" + workspace.out + workspace.err).isEqualTo(1);
        assertThat(workspace.out).as("what the interview showed").contains("The input ended. Tests: 0 of 4")
                .contains("The input ended, so 3 questions were not answered").doesNotContain("Question 1 of 3");
        assertThat(Files.readString(onlyRecord())).as("the record").contains("- Ended: the input ended")
                .contains("Why?").contains(MODEL_ANSWER).contains("(not answered: the input ended)");
    }

    @Test
    void the_end_of_input_in_the_middle_of_an_answer_keeps_what_was_typed() throws Exception {
        int exit = workspace.runWithInput("done\nHalf an answer", "interview");

        assertThat(exit).as("exit code; it printed:\n" + workspace.out + workspace.err).isEqualTo(1);
        assertThat(workspace.out).as("what the interview showed").contains("Question 1 of 3").contains(MODEL_ANSWER)
                .contains("The input ended, so 2 questions were not answered");
        assertThat(Files.readString(onlyRecord())).as("the record").contains("### Your answer\n\nHalf an answer\n");
    }

    @Test
    void an_unknown_kata_is_a_usage_error_that_lists_the_katas() {
        int exit = workspace.runWithInput("", "interview", "42");

        assertThat(exit).as("exit code").isEqualTo(2);
        assertThat(workspace.err).as("the error").contains("There is no kata '42'").contains("01-k");
        assertThat(dir.resolve("target/interview")).as("the interviews' folder").doesNotExist();
    }

    @Test
    void a_solved_kata_named_explicitly_is_practised_again_from_its_stub() throws Exception {
        Path learnersCode = dir.resolve("katas/01-k/src/main/java/p/Code.java");
        Files.writeString(learnersCode, "package p;\n" + TempWorkspace.code(true, true, true) + "\n");

        int exit = workspace.runWithInput("done\n", "interview", "01-k", "--minutes", "5");

        assertThat(exit).as("exit code; it printed:\n" + workspace.out + workspace.err).isEqualTo(1);
        assertThat(workspace.out).as("what the interview showed").contains("You have solved 01-k already")
                .contains("01-k (K), 5 min.").contains("Tests: 0 of 4 tests pass");
        assertThat(learnersCode).as("the learner's solution in katas/").content().contains("return 3;");
    }

    @Test
    void with_every_kata_solved_and_none_named_it_says_how_to_name_one() throws Exception {
        Files.writeString(dir.resolve("katas/01-k/src/main/java/p/Code.java"),
                "package p;\n" + TempWorkspace.code(true, true, true) + "\n");

        int exit = workspace.runWithInput("", "interview");

        assertThat(exit).as("exit code").isEqualTo(1);
        assertThat(workspace.out).as("what it said").contains("You have solved every kata")
                .contains("./kata interview 03");
    }

    @Test
    void a_stub_that_does_not_compile_shows_the_compiler_and_the_interview_goes_on() throws Exception {
        TempWorkspace broken = new TempWorkspace(dir.resolve("broken"))
                .manifest("{\"katas\": [{\"slug\": \"01-b\", \"title\": \"B\"}]}")
                .kata("01-b", "public class Code { public static int one() { return } }",
                        "class CodeTest { @Test void one_is_one() { assertEquals(1, Code.one()); } }")
                .copy("katas/interview-questions.md", "katas/interview-questions.md");
        broken.run("checksums", "--write");

        int exit = broken.runWithInput("done\n", "interview", "1");

        assertThat(exit).as("exit code; it printed:\n" + broken.out + broken.err).isEqualTo(1);
        assertThat(broken.out).as("what the interview showed").contains("01-b (B), 30 min.")
                .contains("does not compile").contains("Your code does not compile")
                .contains("You typed done. Tests: no test ran: the code does not compile")
                .contains("The model answers are not in this copy of the katas")
                .contains("The input ended, so 2 questions were not answered");
    }

    @Test
    void a_time_limit_that_is_not_a_positive_number_of_minutes_is_refused() {
        int exit = workspace.runWithInput("", "interview", "--minutes", "0");

        assertThat(exit).as("exit code").isEqualTo(2);
        assertThat(workspace.err).as("the error").contains("--minutes must be more than 0");
    }

    private Path onlyInterviewFolder() throws IOException {
        try (Stream<Path> entries = Files.list(dir.resolve("target/interview"))) {
            List<Path> folders = entries.filter(Files::isDirectory).collect(Collectors.toList());
            assertThat(folders).as("the interviews' folders in target/interview").hasSize(1);
            return folders.get(0);
        }
    }

    private Path onlyRecord() throws IOException {
        Path folder = onlyInterviewFolder();
        return folder.resolveSibling(folder.getFileName() + ".md");
    }

    /** Each file under {@code root} but those in a {@code target} folder, with its content. */
    private static Map<String, String> filesUnder(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (!Arrays.asList(name.split("/")).contains("target")) {
                    files.put(name, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }

    /**
     * {@code ./kata args} running on a thread of its own, as {@link TempWorkspace#run} runs it, its output readable
     * while it runs and its input typed by the test when it likes.
     */
    private static final class Interview {

        private final PipedOutputStream keyboard = new PipedOutputStream();
        private final StringWriter screen = new StringWriter();
        private final AtomicInteger exit = new AtomicInteger(-1);
        private Thread thread;

        static Interview start(TempWorkspace workspace, String... args) throws IOException {
            Interview interview = new Interview();
            InputStream typed = new PipedInputStream(interview.keyboard);
            InputStream savedIn = System.in;
            System.setIn(typed);
            System.setProperty(Workspace.ROOT_PROPERTY, workspace.root.toString());
            interview.thread = new Thread(() -> {
                try {
                    CommandLine commandLine = KataCommand.commandLine();
                    commandLine.setOut(new PrintWriter(interview.screen, true));
                    commandLine.setErr(new PrintWriter(interview.screen, true));
                    interview.exit.set(commandLine.execute(args));
                } finally {
                    System.setIn(savedIn);
                    System.clearProperty(Workspace.ROOT_PROPERTY);
                }
            }, "interview");
            interview.thread.start();
            return interview;
        }

        boolean isAt(String method) {
            return Arrays.stream(thread.getStackTrace()).anyMatch(f -> f.getMethodName().equals(method));
        }

        String output() {
            return screen.toString();
        }

        void type(String text) throws IOException {
            keyboard.write(text.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        }

        void endInput() throws IOException {
            keyboard.close();
        }

        int exit() throws InterruptedException, IOException {
            thread.join(Duration.ofSeconds(20).toMillis());
            endInput();
            assertThat(thread.isAlive()).as("the interview still running; it printed:\n" + output()).isFalse();
            return exit.get();
        }
    }
}
