package katas.testjvm;

/** How one kata, or one of its tests, came out. */
public enum Outcome {
    /** Every test passed. */
    PASSED,
    /** The code compiled and ran, but at least one test failed. */
    FAILED,
    /** The learner's code (or the tests against it) does not compile. */
    COMPILE_ERROR,
    /** The test run passed the kata's time limit and was killed, with its whole process tree. */
    TIMED_OUT,
    /** The test JVM died or produced no result. */
    CRASHED,
    /** The kata's test files differ from the checked-in manifest. */
    TAMPERED,
    /** A test that was skipped (an assumption did not hold on this platform). */
    SKIPPED
}
