package katas.testkit;

import static katas.testkit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import katas.process.CapturedProcess;
import katas.process.JavaProcess;
import katas.process.ProcessTree;
import katas.testkit.fixtures.Chatterbox;
import katas.testkit.fixtures.Sleeper;
import org.junit.jupiter.api.Test;

@KataTest
class JavaProcessTest {

    @Test
    void the_child_runs_in_another_process_whose_parent_is_this_jvm() throws Exception {
        CapturedProcess child = JavaProcess.of(Sleeper.class).startCapturingOutput();
        try {
            assertThat(child.stdout().awaitLine(l -> l.startsWith("pid="), Duration.ofSeconds(10))).isTrue();
            assertThat(child.stdout().lines()).contains("pid=" + child.pid());
            assertThatProcess(child.pid()).ranOutsideTheTestJvm().isChildOfTheTestJvm().isAlive();
        } finally {
            ProcessTree.kill(child.process().toHandle());
        }
        assertThatProcess(child.process()).isDeadWithin(Duration.ofSeconds(5));
    }

    @Test
    void the_child_is_marked_with_the_pid_that_owns_the_tree() {
        assertThat(JavaProcess.of(Sleeper.class).command())
                .contains("-D" + JavaProcess.OWNER_PROPERTY + "=" + ProcessHandle.current().pid())
                .contains(Sleeper.class.getName());
    }

    @Test
    void the_child_keeps_its_temporary_files_where_this_jvm_keeps_its_own() {
        assertThat(JavaProcess.of(Sleeper.class).command()).as("the child's command line")
                .contains("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    }

    @Test
    void the_command_uses_this_jvms_own_java_binary_and_passes_arguments_in_order() {
        assertThat(JavaProcess.of(Sleeper.class).withArgs("a", "b").withJvmOptions("-Xmx64m").command())
                .startsWith(JavaProcess.javaBinary().toString())
                .containsSubsequence("-Xmx64m", "-cp", Sleeper.class.getName(), "a", "b")
                .endsWith("a", "b");
    }

    @Test
    void captured_output_is_drained_while_the_child_runs_so_megabytes_do_not_deadlock() throws Exception {
        CapturedProcess child = JavaProcess.of(Chatterbox.class).withArgs("40000").startCapturingOutput();

        assertThat(child.awaitExit(Duration.ofSeconds(15))).isZero();
        assertThat(child.stdout().lines()).hasSize(40_000);
        assertThat(child.stderr().lines()).hasSize(40_000);
    }

    @Test
    void await_exit_kills_a_child_that_outlives_the_timeout_and_says_so() throws Exception {
        CapturedProcess child = JavaProcess.of(Sleeper.class).startCapturingOutput();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> child.awaitExit(Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("still running after 200 ms");
        assertThatProcess(child.process()).isDeadWithin(Duration.ofSeconds(5));
    }
}
