package katas.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.concurrent.TimeUnit;
import katas.testkit.fixtures.NeverEnding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A kata test that runs out of time says where it was waiting and what usually causes an endless wait. */
class TimeoutExplainerTest {

    @Test
    void a_test_that_times_out_names_where_it_was_waiting_and_the_likely_cause() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(WaitsForever.class)).execute()
                .testEvents().assertThatEvents().haveExactly(1, event(test("waits_for_a_child_that_never_ends"),
                        finishedWithFailure(instanceOf(AssertionError.class), message(m ->
                                m.contains("did not finish in time")
                                && m.contains("It was still waiting in NeverEnding.join (NeverEnding.java:")
                                && m.contains("called by the test at TimeoutExplainerTest.java:")
                                && m.contains("a join or waitFor on a child that never exits")))));
    }

    @KataTest
    static class WaitsForever {
        @Test
        @Timeout(value = 300, unit = TimeUnit.MILLISECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void waits_for_a_child_that_never_ends() throws InterruptedException {
            NeverEnding.join();
        }
    }
}
