package katas.testkit;

import static katas.testkit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import katas.process.CapturedProcess;
import katas.process.JavaProcess;
import katas.process.ProcessTree;
import katas.testkit.fixtures.HoldsOn;
import katas.testkit.fixtures.ReadsUntilEndOfInput;
import katas.testkit.fixtures.StartsAHoldingGrandchild;
import org.junit.jupiter.api.Test;

@KataTest
class LifelineTest {

    @Test
    void a_child_holding_on_ends_when_the_owner_of_its_tree_ends() throws Exception {
        // The middle child plays the test JVM that gets killed: it owns the grandchild's tree.
        CapturedProcess owner = JavaProcess.of(StartsAHoldingGrandchild.class).startCapturingOutput();
        try {
            assertThat(owner.stdout().awaitLine(l -> l.startsWith("grandchild="), Duration.ofSeconds(10))).isTrue();
        } finally {
            ProcessTree.kill(owner.process().toHandle());
        }
        long grandchild = Long.parseLong(owner.stdout().lines().get(0).substring("grandchild=".length()));
        ProcessHandle.of(grandchild).ifPresent(ProcessHandle::destroyForcibly);
        assertThatProcess(grandchild).isDeadWithin(Duration.ofSeconds(5));
    }

    @Test
    void a_child_holding_on_keeps_running_while_its_owner_lives() throws Exception {
        CapturedProcess child = JavaProcess.of(HoldsOn.class).startCapturingOutput();
        try {
            assertThat(child.stdout().awaitLine("holding on"::equals, Duration.ofSeconds(10))).isTrue();
            assertThatProcess(child.process()).isAlive();
        } finally {
            ProcessTree.kill(child.process().toHandle());
        }
    }

    @Test
    void close_input_then_stop_lets_a_reading_child_exit_by_itself() throws Exception {
        Process child = JavaProcess.of(ReadsUntilEndOfInput.class).start();

        assertThat(ProcessTree.closeInputThenStop(child, Duration.ofSeconds(10))).isZero();
    }

    @Test
    void close_input_then_stop_kills_a_child_that_ignores_its_input() throws Exception {
        Process child = JavaProcess.of(HoldsOn.class).start();

        assertThat(ProcessTree.closeInputThenStop(child, Duration.ofMillis(300))).isEqualTo(137);
    }

    @Test
    void jvm_warnings_of_a_child_go_to_stderr_not_into_its_stdout() throws Exception {
        CapturedProcess child = JavaProcess.of(ReadsUntilEndOfInput.class)
                .withJvmOptions("-XX:+UseLargePages").startCapturingOutput(); // warns where none are configured
        child.process().getOutputStream().close();

        child.awaitExit(Duration.ofSeconds(10));
        assertThat(child.stdout().lines()).as("the child's stdout").isEmpty();
    }
}
