package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import katas.checker.model.KataResult;
import katas.checker.model.TaskProgress;
import katas.checker.report.CheckView;
import katas.checker.report.TimelineView;
import katas.process.ProcessTimeline;
import katas.process.ProcessTimeline.Lane;
import katas.testjvm.Outcome;
import katas.testjvm.TestResult;
import org.junit.jupiter.api.Test;

/** What ./kata check draws of a test's processes: lanes on one time axis, in 80 columns. */
class TimelineViewTest {

    private static final ProcessTimeline ONE_AFTER_ANOTHER = new ProcessTimeline(2000, 2010, List.of(
            lane(101, 0, 480), lane(102, 500, 980), lane(103, 1000, 1480), lane(104, 1500, 1980)));
    private static final ProcessTimeline SIDE_BY_SIDE = new ProcessTimeline(600, 610, List.of(
            lane(101, 0, 500), lane(102, 10, 510), lane(103, 20, 520), lane(104, 30, 530)));

    @Test
    void printers_that_ran_one_after_another_draw_bars_that_share_no_column() {
        List<String> bars = bars(TimelineView.render(ONE_AFTER_ANOTHER, 62, TimelineView.Style.PLAIN));

        for (int i = 1; i < bars.size(); i++) {
            assertThat(firstColumn(bars.get(i))).as("where bar %d begins, against where bar %d ends:%n%s", i + 1, i,
                    String.join("\n", bars)).isGreaterThan(lastColumn(bars.get(i - 1)));
        }
    }

    @Test
    void printers_that_ran_side_by_side_draw_bars_over_the_same_columns() {
        List<String> bars = bars(TimelineView.render(SIDE_BY_SIDE, 62, TimelineView.Style.PLAIN));

        assertThat(bars).as("the lanes of four printers").hasSize(4);
        for (String bar : bars) {
            assertThat(firstColumn(bar)).as("where a bar begins, against where the first ends:%n%s",
                    String.join("\n", bars)).isLessThan(lastColumn(bars.get(0)));
        }
    }

    @Test
    void a_child_lane_is_indented_under_its_parent_and_a_leak_is_named() {
        ProcessTimeline timeline = new ProcessTimeline(500, 1600, List.of(lane(7, 0, 490),
                new Lane(8, 7, "SleepsForever", 100, 1600, Lane.EXIT_UNKNOWN, true)));

        String drawing = TimelineView.render(timeline, 62, TimelineView.Style.PLAIN);

        assertThat(drawing).as("the drawing of a child and the grandchild it left running")
                .contains("\npid 7 Printer").contains("\n  pid 8 SleepsForever").contains("leaked");
    }

    @Test
    void every_line_fits_the_width_it_is_given() {
        ProcessTimeline wide = new ProcessTimeline(500, 500, List.of(new Lane(123456, 0,
                "AVeryLongMainClassNameThatGoesOnAndOn with many arguments", 0, 500, 143, false)));

        for (String line : TimelineView.render(wide, 62, TimelineView.Style.PLAIN).split("\n")) {
            assertThat(line.length()).as("the length of the line '%s'", line).isLessThanOrEqualTo(62);
        }
    }

    @Test
    void plain_style_uses_no_colour_and_terminal_style_does() {
        assertThat(TimelineView.render(SIDE_BY_SIDE, 62, TimelineView.Style.PLAIN))
                .as("the plain drawing, for a pipe or NO_COLOR").doesNotContain("\u001b[").matches("\\p{ASCII}*");
        assertThat(TimelineView.render(SIDE_BY_SIDE, 62, TimelineView.Style.TERMINAL))
                .as("the drawing for a terminal").contains("\u001b[32m");
    }

    @Test
    void check_draws_a_failing_tests_processes_and_not_a_passing_ones_unless_asked() {
        KataResult result = KataResult.of("03-four-printers", List.of(
                new TestResult("runs them side by side", "T", Outcome.FAILED, "one at a time", 5)
                        .withTimeline(ONE_AFTER_ANOTHER),
                new TestResult("prints every number", "T", Outcome.PASSED, "", 5).withTimeline(SIDE_BY_SIDE)), 10);
        TaskProgress noTasks = TaskProgress.of(List.of(), result);

        String failingOnly = CheckView.render(result, noTasks);
        String every = CheckView.render(result, noTasks, new CheckView.Timelines(true, TimelineView.Style.PLAIN));

        assertThat(failingOnly.split("processes \\(", -1)).as("timelines drawn by check:%n%s", failingOnly)
                .hasSize(2);
        assertThat(every.split("processes \\(", -1)).as("timelines drawn by check --timeline:%n%s", every)
                .hasSize(3);
    }

    private static Lane lane(long pid, long start, long end) {
        return new Lane(pid, 0, "Printer " + pid, start, end, 0, false);
    }

    private static List<String> bars(String drawing) {
        return Arrays.stream(drawing.split("\n")).filter(l -> l.startsWith("pid ")).toList();
    }

    private static int firstColumn(String line) {
        return line.indexOf('=');
    }

    private static int lastColumn(String line) {
        return line.lastIndexOf('=');
    }
}
