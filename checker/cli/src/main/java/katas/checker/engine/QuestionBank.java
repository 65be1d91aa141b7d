package katas.checker.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import katas.checker.model.InterviewQuestion;
import katas.checker.model.Kata;

/**
 * The interview questions: each kata's own, numbered under {@code ## Interview questions} in its README with the
 * model answers numbered the same in {@code solutions/NN-slug/ANSWERS.md}, and the general ones on
 * multiprocessing in {@code katas/interview-questions.md} (its {@code ## Questions} and {@code ## Answers}), of
 * which each kata's interview asks a couple after its own.
 */
public final class QuestionBank {

    /** The file of general questions, relative to the repository. */
    public static final String GENERAL = "katas/interview-questions.md";
    /** How many general questions an interview asks after the kata's own. */
    static final int GENERAL_PER_INTERVIEW = 2;

    private final Path root;

    public QuestionBank(Path root) {
        this.root = root;
    }

    /** The kata's own questions, in order, each with its model answer if this copy has the solutions. */
    public List<InterviewQuestion> of(Kata kata) {
        List<String> questions = Readme.of(kata.readme()).numberedList("Interview questions");
        List<String> answers = Readme.of(answersOf(kata)).numberedList();
        return paired(kata.slug(), questions, answers);
    }

    /** Whether this copy of the katas has the kata's model answers (a student's copy has no {@code solutions/}). */
    public boolean hasAnswers(Kata kata) {
        return Files.isRegularFile(answersOf(kata));
    }

    /** Every general question, in order, with its model answer. */
    public List<InterviewQuestion> general() {
        Readme file = Readme.of(root.resolve(GENERAL));
        return paired("general", file.numberedList("Questions"), file.numberedList("Answers"));
    }

    /**
     * The kata's questions, then a couple of the general ones: a different couple for the next kata, so that a
     * learner who practises several katas meets them all.
     */
    public List<InterviewQuestion> forInterview(Kata kata) {
        List<InterviewQuestion> questions = new ArrayList<>(of(kata));
        List<InterviewQuestion> general = general();
        int count = Math.min(GENERAL_PER_INTERVIEW, general.size());
        for (int i = 0; i < count; i++) {
            questions.add(general.get(((kata.number() - 1) * GENERAL_PER_INTERVIEW + i) % general.size()));
        }
        return questions;
    }

    private static List<InterviewQuestion> paired(String source, List<String> questions, List<String> answers) {
        List<InterviewQuestion> paired = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            paired.add(new InterviewQuestion(source, i + 1, questions.get(i),
                    i < answers.size() ? Optional.of(answers.get(i)) : Optional.empty()));
        }
        return paired;
    }

    private static Path answersOf(Kata kata) {
        return kata.solutionDir().resolve("ANSWERS.md");
    }
}
