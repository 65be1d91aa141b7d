package katas.checker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutputTailTest {

    @Test
    void of_endless_output_only_the_last_lines_are_kept() throws Exception {
        StringBuilder output = new StringBuilder();
        for (int i = 1; i <= 200_000; i++) {
            output.append("line ").append(i).append('\n');
        }
        OutputTail tail = OutputTail.of(new ByteArrayInputStream(output.toString().getBytes(StandardCharsets.UTF_8)),
                line -> false, "test");

        assertThat(tail.awaitEnd(Duration.ofSeconds(10))).as("the stream read to its end").isTrue();
        assertThat(tail.lines()).as("the lines kept").hasSize(OutputTail.LINES)
                .startsWith("line " + (200_000 - OutputTail.LINES + 1)).endsWith("line 200000");
    }

    @Test
    void lines_the_taker_takes_are_not_kept() throws Exception {
        OutputTail tail = OutputTail.of(new ByteArrayInputStream("record 1\nprinted\nrecord 2\n".getBytes(
                StandardCharsets.UTF_8)), line -> line.startsWith("record"), "test");

        assertThat(tail.awaitEnd(Duration.ofSeconds(10))).as("the stream read to its end").isTrue();
        assertThat(tail.lines()).as("the lines kept").containsExactly("printed");
    }
}
