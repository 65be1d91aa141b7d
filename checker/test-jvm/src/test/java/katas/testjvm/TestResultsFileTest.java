package katas.testjvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import katas.process.ProcessTimeline;
import katas.testjvm.Outcome;
import katas.testjvm.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestResultsFileTest {

    @TempDir
    Path temp;

    @Test
    void results_come_back_as_they_were_written_in_their_order() throws IOException {
        List<TestResult> written = List.of(
                new TestResult("a test that passes", "PoolTest", Outcome.PASSED, "", 12),
                new TestResult("a test that fails", "PoolTest", Outcome.FAILED, "expected 4 but was 5", 345),
                new TestResult("skipped, with ünïcödé", "Other", Outcome.SKIPPED, "not on Windows", 0));
        Path file = temp.resolve("results.bin");

        TestResultsFile.write(written, file);

        assertThat(TestResultsFile.read(file)).containsExactlyElementsOf(written);
    }

    @Test
    void a_results_process_timeline_travels_with_it() throws IOException {
        ProcessTimeline timeline = new ProcessTimeline(300, 310, List.of(
                new ProcessTimeline.Lane(42, 7, "Printer 1", 3, 250, 0, false)));
        TestResult result = new TestResult("prints", "PrinterTest", Outcome.PASSED, "", 300).withTimeline(timeline);
        Path file = temp.resolve("results.bin");

        TestResultsFile.write(List.of(result), file);

        assertThat(TestResultsFile.read(file)).as("the results read back from a file with a timeline")
                .containsExactly(result);
    }

    @Test
    void a_message_longer_than_64_kilobytes_survives_whole() throws IOException {
        char[] output = new char[100_000];
        Arrays.fill(output, 'x');
        TestResult longFailure = new TestResult("prints a lot", "PrinterTest", Outcome.FAILED, new String(output), 1);
        Path file = temp.resolve("results.bin");

        TestResultsFile.write(List.of(longFailure), file);

        assertThat(TestResultsFile.read(file)).containsExactly(longFailure);
    }

    @Test
    void a_file_cut_short_is_refused_not_half_read() throws IOException {
        Path file = temp.resolve("results.bin");
        TestResultsFile.write(List.of(new TestResult("a", "T", Outcome.PASSED, "", 1),
                new TestResult("b", "T", Outcome.PASSED, "", 2)), file);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 5));

        assertThatThrownBy(() -> TestResultsFile.read(file)).isInstanceOf(IOException.class);
    }

    @Test
    void a_file_in_another_format_is_refused() throws IOException {
        Path file = Files.writeString(temp.resolve("results.json"), "[ { \"name\" : \"a\" } ]");

        assertThatThrownBy(() -> TestResultsFile.read(file)).isInstanceOf(IOException.class);
    }
}
