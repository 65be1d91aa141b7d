package katas.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import katas.process.CapturedProcess;
import katas.process.ProcessTree;
import katas.testkit.fixtures.Chatterbox;
import katas.testkit.fixtures.ReadsUntilEndOfInput;
import katas.testkit.fixtures.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

class ChildJvmFleetTest {

    private static final Duration PLENTY = Duration.ofSeconds(15);
    static final AtomicLong forgottenPid = new AtomicLong();

    @Test
    void closing_a_fleet_kills_the_children_that_still_run() throws Exception {
        CapturedProcess sleeper;
        try (ChildJvmFleet fleet = new ChildJvmFleet()) {
            sleeper = fleet.start(Sleeper.class);
            assertThat(sleeper.stdout().awaitLine(l -> l.startsWith("pid="), PLENTY))
                    .as("whether the sleeper started").isTrue();
        }
        assertThat(ProcessTree.isRunning(sleeper.pid())).as("whether the sleeper runs after the fleet closed")
                .isFalse();
    }

    @Test
    void the_exit_code_of_a_child_that_ends_by_itself_is_returned_with_its_output_read_to_the_end()
            throws Exception {
        try (ChildJvmFleet fleet = new ChildJvmFleet()) {
            CapturedProcess chatty = fleet.start(Chatterbox.class, 500);
            assertThat(fleet.exitCodeOf(chatty, "chatterbox", PLENTY, "never shown"))
                    .as("the exit code of the chatterbox").isZero();
            assertThat(chatty.stdout().lines()).as("the chatterbox's stdout, read to the end").hasSize(500);
        }
    }

    @Test
    void a_child_still_running_after_the_patience_is_killed_and_the_message_names_its_role_and_why()
            throws Exception {
        try (ChildJvmFleet fleet = new ChildJvmFleet()) {
            CapturedProcess sleeper = fleet.start(Sleeper.class);
            assertThatExceptionOfType(AssertionError.class)
                    .as("what exitCodeOf throws for a child that never ends")
                    .isThrownBy(() -> fleet.exitCodeOf(sleeper, "sleeper", Duration.ofMillis(500),
                            "It sleeps for ever."))
                    .withMessageStartingWith("The sleeper (pid " + sleeper.pid() + ") was still running after "
                            + "500 ms, so it was killed. It sleeps for ever.\nIts stdout:");
            assertThat(ProcessTree.isRunning(sleeper.pid())).as("whether the sleeper runs after the failure")
                    .isFalse();
        }
    }

    @Test
    void all_succeeded_passes_when_every_child_exits_with_0_and_names_one_that_does_not() throws Exception {
        try (ChildJvmFleet fleet = new ChildJvmFleet()) {
            fleet.start(ReadsUntilEndOfInput.class);
            fleet.start(ReadsUntilEndOfInput.class);
            fleet.closeAllInputs();
            fleet.awaitAllSucceeded(PLENTY, "never shown", "never shown");
        }
        try (ChildJvmFleet fleet = new ChildJvmFleet()) {
            CapturedProcess wrong = fleet.start(Chatterbox.class, "not a number");
            assertThatExceptionOfType(AssertionError.class)
                    .as("what awaitAllSucceeded throws for a child that fails")
                    .isThrownBy(() -> fleet.awaitAllSucceeded(PLENTY, "never shown", "It needs a number."))
                    .withMessageStartingWith("The child Chatterbox (pid " + wrong.pid() + ") exited with 1")
                    .withMessageContaining("It needs a number.")
                    .withMessageContaining("NumberFormatException");
        }
    }

    @Test
    void each_printed_fails_naming_the_child_that_has_not_printed_the_line() throws Exception {
        try (ChildJvmFleet fleet = new ChildJvmFleet()) {
            fleet.start(Sleeper.class);
            CapturedProcess silent = fleet.start(ReadsUntilEndOfInput.class);
            assertThatExceptionOfType(AssertionError.class)
                    .as("what awaitEachPrinted throws when one child never prints the line")
                    .isThrownBy(() -> fleet.awaitEachPrinted(l -> l.startsWith("pid="), "its pid",
                            Duration.ofSeconds(5), "Every child prints its pid."))
                    .withMessageStartingWith("The child ReadsUntilEndOfInput (pid " + silent.pid() + ") had not "
                            + "printed its pid after 5 s. Every child prints its pid.");
        }
    }

    @Test
    void a_fleet_the_test_forgot_to_close_is_closed_by_the_guard_which_fails_the_test_naming_the_child() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(ForgetsItsFleet.class)).execute()
                .testEvents().assertThatEvents().haveExactly(1, event(test("forgets_to_close_its_fleet"),
                        finishedWithFailure(message(m -> m.contains("did not close its ChildJvmFleet")
                                && m.contains("pid " + forgottenPid.get())
                                && !m.contains("This test left")))));

        assertThat(ProcessTree.isRunning(forgottenPid.get()))
                .as("whether the forgotten fleet's child runs after the guard ran").isFalse();
    }

    @Test
    void a_forgotten_fleet_whose_children_all_ended_leaked_nothing_and_the_test_passes() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(ForgetsAnEmptyFleet.class)).execute()
                .testEvents().assertThatEvents().haveExactly(1, event(test("forgets_a_fleet_with_nothing_running"),
                        finishedSuccessfully()));
        assertThat(ChildJvmFleet.open()).as("the fleets still open after the guard ran").isEmpty();
    }

    @KataTest
    static class ForgetsItsFleet {
        @Test
        void forgets_to_close_its_fleet() throws Exception {
            ChildJvmFleet fleet = new ChildJvmFleet();
            forgottenPid.set(fleet.start(Sleeper.class).pid());
        }
    }

    @KataTest
    static class ForgetsAnEmptyFleet {
        @Test
        void forgets_a_fleet_with_nothing_running() throws Exception {
            ChildJvmFleet fleet = new ChildJvmFleet();
            CapturedProcess child = fleet.start(ReadsUntilEndOfInput.class);
            child.process().getOutputStream().close();
            child.awaitExit(PLENTY);
        }
    }
}
