package katas.testkit;

import static katas.testkit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import katas.process.JavaProcess;
import katas.process.ProcessTree;
import katas.testkit.fixtures.Sleeper;
import org.junit.jupiter.api.Test;

@KataTest
class ProcessAssertTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();

    @Test
    void work_that_ran_in_the_test_jvm_fails_with_a_message_about_threads() {
        assertThatThrownBy(() -> assertThatProcess(TEST_JVM).ranOutsideTheTestJvm())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("is the test JVM itself");
    }

    @Test
    void a_process_that_is_not_a_child_of_the_given_parent_fails_naming_its_real_parent() {
        ProcessHandle self = ProcessHandle.current();
        ProcessHandle notOurParent = self.parent().orElseThrow();

        assertThatThrownBy(() -> assertThatProcess(notOurParent).isChildOf(self))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but its parent is");
    }

    @Test
    void a_running_process_is_not_dead_within_a_short_timeout() throws Exception {
        Process child = JavaProcess.of(Sleeper.class).start();
        try {
            assertThatThrownBy(() -> assertThatProcess(child).isDeadWithin(Duration.ofMillis(100)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("still running");
        } finally {
            ProcessTree.kill(child.toHandle());
        }
    }

    @Test
    void a_wrong_exit_code_is_explained() throws Exception {
        Process child = JavaProcess.of(Sleeper.class).start();
        ProcessTree.kill(child.toHandle());
        child.waitFor();

        assertThatThrownBy(() -> assertThatProcess(child).hasExitedWith(0))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("exited with 137")
                .hasMessageContaining("SIGKILL");
    }

    @Test
    void the_right_exit_code_passes() throws Exception {
        Process child = JavaProcess.of(Sleeper.class).start();
        ProcessTree.kill(child.toHandle());
        child.waitFor();

        assertThatProcess(child).isDeadWithin(Duration.ofSeconds(1)).hasExitedWith(137);
    }
}
