package katas.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import katas.process.CapturedProcess;
import katas.process.JavaProcess;
import katas.process.ProcessTimeline;
import katas.process.ProcessTimeline.Lane;
import katas.testkit.fixtures.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** The recorder is tested by running small test classes through JUnit and reading the timeline each publishes. */
class ProcessRecorderTest {

    static final AtomicLong pid = new AtomicLong();

    @Test
    void a_child_the_library_started_has_a_lane_with_its_main_class_and_exit_status() {
        Lane lane = onlyLane(recorded(StopsAChild.class));

        assertThat(lane.pid()).as("the lane's pid: the child's").isEqualTo(pid.get());
        assertThat(lane.parentPid()).as("the lane's parent: the test JVM").isEqualTo(ProcessHandle.current().pid());
        assertThat(lane.command()).as("what the lane says the child runs").isEqualTo("Sleeper");
        assertThat(lane.status()).as("how the lane says the child ended (it was sent SIGTERM)")
                .isEqualTo("SIGTERM (143)");
    }

    @Test
    void a_child_started_with_a_bare_process_builder_is_found_by_looking() {
        Lane lane = onlyLane(recorded(StartsABareChild.class));

        assertThat(lane.command()).as("what the lane says the bare child runs").isEqualTo("sleep 0.3");
        assertThat(lane.ended()).as("whether the lane of a child that has exited is closed").isTrue();
        assertThat(lane.endMillis() - lane.startMillis())
                .as("how long the lane says a child that slept 0.3 s ran, in ms").isBetween(250L, 1500L);
    }

    @Test
    void children_started_together_overlap() {
        List<Lane> lanes = recorded(StartsTwoTogether.class).lanes();

        assertThat(lanes).as("the lanes of a test that started two children").hasSize(2);
        assertThat(lanes.get(0).overlaps(lanes.get(1), Long.MAX_VALUE))
                .as("whether two children that ran at the same time overlap: %s", lanes).isTrue();
    }

    @Test
    void children_started_one_after_the_other_do_not_overlap() {
        List<Lane> lanes = recorded(StartsTwoInTurn.class).lanes();

        assertThat(lanes).as("the lanes of a test that started two children").hasSize(2);
        assertThat(lanes.get(0).overlaps(lanes.get(1), Long.MAX_VALUE))
                .as("whether a child started after the first had exited overlaps it: %s", lanes).isFalse();
    }

    @Test
    void a_child_the_test_left_running_is_marked_leaked_and_ends_after_the_test() {
        ProcessTimeline timeline = recorded(LeavesAChildRunning.class);
        Lane lane = onlyLane(timeline);

        assertThat(lane.leaked()).as("whether the lane of the child the guard killed is marked leaked").isTrue();
        assertThat(lane.endMillis()).as("when the leaked child ended, against the test's end at %d ms",
                timeline.testEndMillis()).isGreaterThanOrEqualTo(timeline.testEndMillis());
    }

    @Test
    void an_orphaned_grandchild_is_drawn_under_its_parent() {
        List<ProcessTimeline.Placed> tree = recorded(OrphansAGrandchild.class).tree();

        assertThat(tree).as("the lanes of a child and the grandchild it left").hasSize(2);
        assertThat(tree.get(1).lane().pid()).as("the second lane: the grandchild").isEqualTo(pid.get());
        assertThat(tree.get(1).depth()).as("how deep the grandchild sits").isEqualTo(1);
        assertThat(tree.get(1).lane().leaked()).as("whether the orphan the guard killed is marked leaked").isTrue();
    }

    @Test
    void nothing_is_recorded_unless_the_checker_asks() {
        List<ReportEntry> entries = EngineTestKit.engine("junit-jupiter").selectors(selectClass(StopsAChild.class))
                .execute().allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow()).collect(Collectors.toList());

        assertThat(entries).as("the report entries of a test run without %s", ProcessTimeline.RECORD_PARAMETER)
                .isEmpty();
    }

    private static ProcessTimeline recorded(Class<?> testClass) {
        List<String> timelines = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(ProcessTimeline.RECORD_PARAMETER, "true")
                .selectors(selectClass(testClass)).execute().allEvents().reportingEntryPublished().stream()
                .map(ProcessRecorderTest::timelineOf).collect(Collectors.toList());
        assertThat(timelines).as("the timelines %s published", testClass.getSimpleName()).hasSize(1);
        return ProcessTimeline.decode(timelines.get(0));
    }

    private static String timelineOf(Event event) {
        return event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get(ProcessTimeline.REPORT_KEY);
    }

    private static Lane onlyLane(ProcessTimeline timeline) {
        assertThat(timeline.lanes()).as("the lanes of a test that started one child").hasSize(1);
        return timeline.lanes().get(0);
    }

    @KataTest
    static class StopsAChild {
        @Test
        void stops_a_child() throws Exception {
            Process child = JavaProcess.of(Sleeper.class).start();
            pid.set(child.pid());
            child.destroy();
            child.waitFor();
        }
    }

    @KataTest
    static class StartsABareChild {
        @Test
        void starts_a_bare_child() throws Exception {
            new ProcessBuilder("sleep", "0.3").start().waitFor();
        }
    }

    @KataTest
    static class StartsTwoTogether {
        @Test
        void starts_two_together() throws Exception {
            Process first = new ProcessBuilder("sleep", "0.3").start();
            Process second = new ProcessBuilder("sleep", "0.3").start();
            first.waitFor();
            second.waitFor();
        }
    }

    @KataTest
    static class StartsTwoInTurn {
        @Test
        void starts_two_in_turn() throws Exception {
            new ProcessBuilder("sleep", "0.2").start().waitFor();
            Thread.sleep(50);
            new ProcessBuilder("sleep", "0.2").start().waitFor();
        }
    }

    @KataTest
    static class LeavesAChildRunning {
        @Test
        void leaves_a_child_running() throws Exception {
            JavaProcess.of(Sleeper.class).start();
        }
    }

    @KataTest
    static class OrphansAGrandchild {
        @Test
        void orphans_a_grandchild() throws Exception {
            CapturedProcess child = JavaProcess.of(Sleeper.class).withArgs("spawn").startCapturingOutput();
            child.stdout().awaitLine(l -> l.startsWith("pid="), Duration.ofSeconds(10));
            pid.set(Long.parseLong(child.stdout().lines().get(0).substring("grandchild=".length())));
            Thread.sleep(300); // long enough for a look to find the grandchild below its parent
            child.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS); // the grandchild is now an orphan
        }
    }
}
