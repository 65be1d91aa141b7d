package katas.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import katas.process.ProcessTimeline;
import katas.process.ProcessTimeline.Lane;
import org.junit.jupiter.api.Test;

/** A timeline travels as text from the test JVM to the checker, which must survive text that is not one. */
class ProcessTimelineTest {

    private static final ProcessTimeline TIMELINE = new ProcessTimeline(900, 950, List.of(
            new Lane(10, 1, "Printer 1", 5, 400, 0, false),
            new Lane(11, 10, "sleep 60", 20, Lane.STILL_RUNNING, Lane.EXIT_UNKNOWN, true)));

    @Test
    void a_timeline_reads_back_as_it_was_written() {
        assertThat(ProcessTimeline.decode(TIMELINE.encode())).as("a timeline after encode and decode")
                .isEqualTo(TIMELINE);
    }

    @Test
    void text_that_is_not_a_timeline_reads_as_none() {
        for (String damaged : List.of("", "processes 1 x y\n", "processes 1 5 6\n1 2 three 4 5 0 x\n", "hello")) {
            assertThat(ProcessTimeline.decode(damaged)).as("the timeline read from %s", damaged)
                    .isEqualTo(ProcessTimeline.NONE);
        }
    }

    @Test
    void a_command_on_several_lines_stays_on_one() {
        Lane lane = new Lane(1, 0, "sh -c\necho hi", 0, 1, 0, false);

        assertThat(ProcessTimeline.decode(new ProcessTimeline(1, 1, List.of(lane)).encode()).lanes())
                .as("the lanes of a timeline whose command had a line break").containsExactly(lane);
    }

    @Test
    void the_lanes_form_a_tree_each_child_after_its_parent() {
        List<ProcessTimeline.Placed> tree = TIMELINE.tree();

        assertThat(tree).as("the tree of a child and its grandchild").extracting(p -> p.lane().pid() + "@" + p.depth())
                .containsExactly("10@0", "11@1");
    }

    @Test
    void a_signal_is_named_in_the_status() {
        assertThat(new Lane(1, 0, "x", 0, 1, 137, false).status()).as("the status of exit code 137")
                .isEqualTo("SIGKILL (137)");
    }
}
