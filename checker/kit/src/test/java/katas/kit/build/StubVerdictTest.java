package katas.kit.build;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StubVerdictTest {

    @TempDir
    Path reports;

    private void report(String... testcases) throws IOException {
        Files.writeString(reports.resolve("TEST-katas.SomeTest.xml"), "<?xml version=\"1.0\"?><testsuite>"
                + String.join("", testcases) + "</testsuite>");
    }

    private static String failing(String name) {
        return "<testcase classname=\"katas.SomeTest\" name=\"" + name + "\"><failure message=\"x\"/></testcase>";
    }

    private static String passing(String name) {
        return "<testcase classname=\"katas.SomeTest\" name=\"" + name + "\"/>";
    }

    @Test
    void every_test_failing_on_the_stub_is_the_verdict_we_want() throws IOException {
        report(failing("a"), failing("b"));

        assertThatCode(() -> StubVerdict.main(new String[] {reports.toString()})).doesNotThrowAnyException();
    }

    @Test
    void a_test_that_passes_on_the_stub_is_named() throws IOException {
        report(failing("a"), passing("checks_nothing"));

        assertThatThrownBy(() -> StubVerdict.main(new String[] {reports.toString()}))
                .hasMessageContaining("1 of 2 tests pass against the untouched stub")
                .hasMessageContaining("katas.SomeTest.checks_nothing");
    }

    @Test
    void no_reports_at_all_is_not_a_proof() {
        assertThatThrownBy(() -> StubVerdict.main(new String[] {reports.resolve("missing").toString()}))
                .hasMessageContaining("No test of this kata ran");
    }
}
