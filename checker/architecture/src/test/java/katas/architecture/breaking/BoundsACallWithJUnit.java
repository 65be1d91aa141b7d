package katas.architecture.breaking;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

/** Breaks the kata tests' rule: bounds a call with JUnit's own time limit instead of the test kit's Bounded. */
public class BoundsACallWithJUnit {
    public void join(Thread thread) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> thread.join(), () -> "join() did not return");
    }
}
