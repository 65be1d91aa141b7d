package katas.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A kata's failure messages are part of what it teaches: none may be a library's bare default. */
class FailureMessagesTest {

    @Test
    void every_assertion_in_the_katas_tests_says_what_it_checks() {
        List<String> violations = new ArrayList<>();
        for (Path kata : Modules.under("katas")) {
            for (Path source : javaFiles(kata.resolve("src/test/java"))) {
                violations.addAll(FailureMessageRule.violations(Modules.ROOT.relativize(source).toString(),
                        read(source)));
            }
        }

        assertThat(violations).as("assertions whose failure would not teach (file:line: what to write instead)")
                .isEmpty();
    }

    @Test
    void the_rule_finds_each_kind_of_assertion_that_would_not_teach() {
        String source = "class T { void t() {\n"
                + "assertThat(pid).isEqualTo(1);\n"
                + "assertThatThrownBy(() -> run()).as(\"lost\").isInstanceOf(IllegalStateException.class);\n"
                + "await().atMost(FIVE).until(() -> done);\n"
                + "assertTimeoutPreemptively(FIVE, () -> join());\n"
                + "assertEquals(1, 2);\n"
                + "fail();\n"
                + "assertThat(list).isNotEmpty().as(\"too late\").hasSize(2);\n"
                + "} }";

        assertThat(FailureMessageRule.violations("T.java", source)).as("violations found")
                .extracting(v -> v.substring(0, v.indexOf(':', "T.java:".length())))
                .containsExactly("T.java:2", "T.java:3", "T.java:4", "T.java:5", "T.java:6", "T.java:7", "T.java:8");
    }

    @Test
    void the_rule_accepts_assertions_that_describe_themselves() {
        String source = "class T { void t() {\n"
                + "assertThat(pid).as(\"the child's pid\").isNotEqualTo(self);\n"
                + "assertThatExceptionOfType(IllegalStateException.class).as(\"a second start\").isThrownBy(c::start);\n"
                + "assertThatThrownBy(c::start, \"a second start\").isInstanceOf(IllegalStateException.class);\n"
                + "assertThatProcess(child).isDeadWithin(FIVE);\n"
                + "await(\"the child's line\").atMost(FIVE).until(() -> done);\n"
                + "assertTimeoutPreemptively(FIVE, () -> join(), () -> \"join() did not return\");\n"
                + "assertThat(list).withFailMessage(\"lost items: %s\", list).hasSize(2);\n"
                + "fail(\"unreachable\");\n"
                + "latch.await();\n"
                + "} }";

        assertThat(FailureMessageRule.violations("T.java", source)).as("violations found").isEmpty();
    }

    private static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
