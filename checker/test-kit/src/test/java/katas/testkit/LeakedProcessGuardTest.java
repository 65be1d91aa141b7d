package katas.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import katas.process.CapturedProcess;
import katas.process.JavaProcess;
import katas.process.ProcessTree;
import katas.testkit.fixtures.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The guard itself is tested by running small test classes through JUnit and looking at their outcome. */
class LeakedProcessGuardTest {

    static final AtomicLong leakedPid = new AtomicLong();

    @Test
    void a_test_that_leaves_a_child_running_fails_and_the_child_is_killed() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(LeaksAChild.class)).execute()
                .testEvents().assertThatEvents().haveExactly(1, event(test("leaves_a_child_running"),
                        finishedWithFailure(message(m -> m.contains("left 1 process(es) running")
                                && m.contains("pid " + leakedPid.get())))));

        assertThat(ProcessHandle.of(leakedPid.get()).map(ProcessTree::isRunning).orElse(false))
                .as("the leaked child after the guard ran").isFalse();
    }

    @Test
    void an_orphaned_grandchild_is_found_by_its_mark_and_killed() throws Exception {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(OrphansAGrandchild.class)).execute()
                .testEvents().assertThatEvents().haveExactly(1, event(test("orphans_a_grandchild"),
                        finishedWithFailure(message(m -> m.contains("pid " + leakedPid.get())))));

        assertThat(ProcessHandle.of(leakedPid.get()).map(ProcessTree::isRunning).orElse(false))
                .as("the orphaned grandchild after the guard ran").isFalse();
    }

    @Test
    void a_test_that_cleans_up_after_itself_passes() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(CleansUp.class)).execute()
                .testEvents().assertThatEvents().haveExactly(1, event(test("cleans_up"), finishedSuccessfully()));
    }

    @KataTest
    static class LeaksAChild {
        @Test
        void leaves_a_child_running() throws Exception {
            leakedPid.set(JavaProcess.of(Sleeper.class).start().pid());
        }
    }

    @KataTest
    static class OrphansAGrandchild {
        @Test
        void orphans_a_grandchild() throws Exception {
            CapturedProcess child = JavaProcess.of(Sleeper.class).withArgs("spawn").startCapturingOutput();
            child.stdout().awaitLine(l -> l.startsWith("pid="), Duration.ofSeconds(10));
            List<String> lines = child.stdout().lines().stream().filter(l -> l.startsWith("grandchild="))
                    .collect(Collectors.toList());
            leakedPid.set(Long.parseLong(lines.get(0).substring("grandchild=".length())));
            child.process().destroyForcibly().waitFor(); // the grandchild is now an orphan
        }
    }

    @KataTest
    static class CleansUp {
        @Test
        void cleans_up() throws Exception {
            Process child = JavaProcess.of(Sleeper.class).start();
            ProcessTree.kill(child.toHandle());
        }
    }
}
