package katas.checker.report;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import katas.checker.model.InterviewQuestion;
import katas.checker.model.Kata;
import katas.checker.model.KataResult;
import katas.checker.model.TaskProgress;
import katas.testjvm.Outcome;

/**
 * The record of one interview, as Markdown for the learner to read again: the kata, the score and the time, then
 * each question with the learner's answer and the model answer.
 */
public final class InterviewRecord {

    /** Where a question has no model answer: a copy of the katas without {@code solutions/}. */
    public static final String NO_MODEL_ANSWER = "The model answers are not in this copy of the katas (it has no "
            + "solutions/ folder).";

    /** One question, and what the learner answered: empty if it was not answered (the input ended). */
    private record Answer(InterviewQuestion question, Optional<String> text) {
    }

    private final Kata kata;
    private final LocalDateTime started;
    private final String codeFolder;
    private final List<Answer> answers = new ArrayList<>();
    private String ending = "";
    private String score = "";
    private String time = "";

    /** @param codeFolder where the learner's code of this interview is, relative to the repository */
    public InterviewRecord(Kata kata, LocalDateTime started, String codeFolder) {
        this.kata = kata;
        this.started = started;
        this.codeFolder = codeFolder;
    }

    /** The tests that pass, in words: {@code 7 of 21 tests pass (task 2 of 4 done)}, or why none ran. */
    public static String score(KataResult result, TaskProgress tasks) {
        if (result.tests().isEmpty()) {
            return result.outcome() == Outcome.COMPILE_ERROR ? "no test ran: the code does not compile"
                    : "no test ran (" + BoardView.state(result) + ")";
        }
        String passed = result.passedCount() + " of " + result.tests().size() + " tests pass";
        if (!tasks.hasTasks()) {
            return passed;
        }
        long done = tasks.steps().stream().takeWhile(TaskProgress.Step::done).count();
        return passed + " (" + (done == 1 ? "1 task" : done + " tasks") + " of " + tasks.steps().size() + " done)";
    }

    /**
     * How the coding part ended.
     *
     * @param ending e.g. {@code the time was up}
     * @param score  see {@link #score}
     * @param time   the time used and the limit, e.g. {@code 12 min 3 s of 30 min}
     */
    public void coded(String ending, String score, String time) {
        this.ending = ending;
        this.score = score;
        this.time = time;
    }

    public void answered(InterviewQuestion question, String answer) {
        answers.add(new Answer(question, Optional.of(answer)));
    }

    public void notAnswered(InterviewQuestion question) {
        answers.add(new Answer(question, Optional.empty()));
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Interview practice: ").append(kata.slug()).append(", ")
                .append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append("\n\n");
        md.append("- Kata: ").append(kata.slug()).append(" (").append(kata.title()).append(")\n");
        md.append("- Tests: ").append(score).append('\n');
        md.append("- Time: ").append(time).append('\n');
        md.append("- Ended: ").append(ending).append('\n');
        md.append("- Your code: ").append(codeFolder).append("\n");
        int number = 0;
        for (Answer answer : answers) {
            number++;
            InterviewQuestion question = answer.question();
            md.append("\n## Question ").append(number).append(" (").append(question.source()).append(", question ")
                    .append(question.number()).append(")\n\n").append(question.question()).append("\n\n");
            md.append("### Your answer\n\n").append(answer.text().map(t -> t.isBlank() ? "(skipped)" : t)
                    .orElse("(not answered: the input ended)")).append("\n\n");
            md.append("### Model answer\n\n").append(question.modelAnswer().orElse(NO_MODEL_ANSWER)).append('\n');
        }
        return md.toString();
    }
}
