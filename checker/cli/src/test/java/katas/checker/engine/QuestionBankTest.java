package katas.checker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import katas.checker.model.InterviewQuestion;
import katas.checker.model.Kata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interview questions of the katas, and their model answers, as {@code ./kata interview} asks them. */
class QuestionBankTest {

    private static final Path REPO = Workspace.root();

    private final Catalogue catalogue = Catalogue.load(REPO);
    private final QuestionBank bank = new QuestionBank(REPO);

    @Test
    void every_kata_has_interview_questions_each_with_a_model_answer_numbered_the_same() {
        for (Kata kata : catalogue.available()) {
            List<InterviewQuestion> questions = bank.of(kata);
            assertThat(questions).as(kata.slug() + "'s README, section \"## Interview questions\"").isNotEmpty();
            if (Files.isDirectory(kata.solutionDir())) {
                assertThat(Readme.of(kata.solutionDir().resolve("ANSWERS.md")).numberedList())
                        .as("the numbered answers of solutions/" + kata.slug() + "/ANSWERS.md, one per question")
                        .hasSameSizeAs(questions);
            }
        }
    }

    @Test
    void the_general_questions_on_multiprocessing_each_have_a_model_answer() {
        List<InterviewQuestion> general = bank.general();

        assertThat(general).as("the questions of " + QuestionBank.GENERAL).extracting(InterviewQuestion::question)
                .anyMatch(q -> q.contains("multiprocessing for")).anyMatch(q -> q.contains("GIL"))
                .anyMatch(q -> q.contains("pool of processes")).anyMatch(q -> q.contains("inherit"));
        assertThat(general).as("the questions of " + QuestionBank.GENERAL + " without a model answer")
                .filteredOn(q -> q.modelAnswer().isEmpty()).isEmpty();
    }

    @Test
    void an_interview_asks_the_katas_questions_then_two_general_ones_a_different_two_for_the_next_kata() {
        Kata first = catalogue.all().get(0);
        Kata second = catalogue.all().get(1);

        List<InterviewQuestion> questions = bank.forInterview(first);

        assertThat(questions).as("the questions of an interview on " + first.slug())
                .extracting(InterviewQuestion::source)
                .startsWith(first.slug()).endsWith("general", "general");
        assertThat(questions.subList(questions.size() - 2, questions.size()))
                .as("the general questions of " + first.slug() + "'s interview, against " + second.slug() + "'s")
                .doesNotContainAnyElementsOf(bank.forInterview(second));
    }

    @Test
    void a_numbered_item_goes_on_over_its_indented_lines_and_paragraphs(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ANSWERS.md");
        Files.writeString(file, "# Answers\n\n1. **First.** One line\n   and its next line.\n\n   A second paragraph."
                + "\n\n2. Second.\n\n## Later\n\nNot an item.\n");

        assertThat(Readme.of(file).numberedList()).as("the items of\n" + Files.readString(file))
                .containsExactly("**First.** One line\nand its next line.\n\nA second paragraph.", "Second.");
    }

    @Test
    void a_question_without_a_model_answer_has_none(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("katas/01-a"));
        Files.writeString(dir.resolve("katas/katas.json"), "{\"katas\": [{\"slug\": \"01-a\", \"title\": \"A\"}]}");
        Files.writeString(dir.resolve("katas/01-a/README.md"), "# A\n\n## Interview questions\n\n1. Why?\n2. How?\n");
        Kata kata = Catalogue.load(dir).all().get(0);

        assertThat(new QuestionBank(dir).of(kata)).as("the questions of a kata without solutions/")
                .extracting(InterviewQuestion::question, InterviewQuestion::modelAnswer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Why?", Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple("How?", Optional.empty()));
        assertThat(new QuestionBank(dir).hasAnswers(kata)).as("whether the copy has the model answers").isFalse();
    }

    @Test
    void the_manifest_may_give_a_kata_its_interview_time_and_otherwise_it_has_30_minutes(@TempDir Path dir)
            throws IOException {
        Files.createDirectories(dir.resolve("katas"));
        Files.writeString(dir.resolve("katas/katas.json"), "{\"katas\": [{\"slug\": \"01-a\", \"title\": \"A\"}, "
                + "{\"slug\": \"02-b\", \"title\": \"B\", \"interviewMinutes\": 45}]}");

        assertThat(Catalogue.load(dir).all().stream().map(Kata::interviewMinutes).collect(Collectors.toList()))
                .as("the katas' interview minutes").containsExactly(30, 45);
    }
}
