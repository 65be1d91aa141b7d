package katas.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.EOFException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BoundedTest {

    private static final Duration SHORT = Duration.ofMillis(300);

    @Test
    void a_call_that_returns_in_time_gives_its_value() {
        assertThat(Bounded.within(SHORT, "a quick call", "never shown").get(() -> 42))
                .as("the value of a call that returned at once").isEqualTo(42);
    }

    @Test
    void a_call_that_throws_in_time_throws_its_own_exception_even_a_checked_one() {
        assertThatExceptionOfType(EOFException.class)
                .as("what a bounded call that throws EOFException throws")
                .isThrownBy(() -> Bounded.within(SHORT, "a read", "never shown").run(() -> {
                    throw new EOFException("end of stream");
                }))
                .withMessage("end of stream");
    }

    @Test
    void a_call_still_waiting_fails_naming_what_it_waited_for_the_limit_and_the_likely_cause() {
        assertThatExceptionOfType(AssertionError.class)
                .as("what a call still waiting after its limit throws")
                .isThrownBy(() -> Bounded.within(SHORT, "recv() of the pid", "Did send() flush?")
                        .run(() -> Thread.sleep(10_000)))
                .withMessage("recv() of the pid: still waiting after 300 ms, so the test stopped waiting. "
                        + "Did send() flush?")
                .satisfies(e -> assertThat(e.getCause().getStackTrace())
                        .as("the stack of the abandoned call, attached as the cause")
                        .anyMatch(frame -> frame.getMethodName().equals("sleep")));
    }

    @Test
    void when_time_is_up_the_release_runs_and_the_abandoned_call_is_interrupted() throws Exception {
        AtomicBoolean released = new AtomicBoolean();
        CountDownLatch interrupted = new CountDownLatch(1);
        assertThatExceptionOfType(AssertionError.class)
                .as("what a call still waiting after its limit throws")
                .isThrownBy(() -> Bounded.within(SHORT, "get()", () -> "cause").onTimeout(() -> released.set(true))
                        .run(() -> {
                            try {
                                Thread.sleep(10_000);
                            } catch (InterruptedException e) {
                                interrupted.countDown();
                            }
                        }));
        assertThat(released).as("whether the release action ran when time was up").isTrue();
        assertThat(interrupted.await(5, TimeUnit.SECONDS))
                .as("whether the abandoned call's thread was interrupted").isTrue();
    }

    @Test
    void the_release_does_not_run_for_a_call_that_returns_in_time() {
        AtomicBoolean released = new AtomicBoolean();
        Bounded.within(SHORT, "a quick call", "never shown").onTimeout(() -> released.set(true)).run(() -> { });
        assertThat(released).as("whether the release action ran for a call that returned in time").isFalse();
    }

    @Test
    void limits_are_given_in_seconds_when_whole_else_in_milliseconds() {
        assertThat(Bounded.describe(Duration.ofSeconds(8))).as("8 s, described").isEqualTo("8 s");
        assertThat(Bounded.describe(Duration.ofMillis(1500))).as("1.5 s, described").isEqualTo("1500 ms");
    }
}
