package katas.testjvm;

import katas.process.ProcessTimeline;

/**
 * One test's result.
 *
 * @param name      the test's readable name (its method name with underscores as spaces)
 * @param testClass the test class's simple name
 * @param outcome   PASSED, FAILED or SKIPPED
 * @param message   the failure message; for a passed test, what it measured for the learner (or empty)
 * @param millis    how long the test took
 * @param task      the kata's task the test belongs to (its {@code @Tag("task:N")}), or 0 where it is not known:
 *                  the checker reads it from the test's source, the test JVM leaves it 0
 * @param timeline  what the processes the test started did, as the test kit recorded it; {@link
 *                  ProcessTimeline#NONE} where nothing was recorded
 */
public record TestResult(String name, String testClass, Outcome outcome, String message, long millis, int task,
        ProcessTimeline timeline) {

    /**
     * The key of a JUnit report entry with which a test tells the learner what it measured (a time, say): a passing
     * test's message. The test kit's {@code Measurements} publishes it.
     */
    public static final String NOTE_REPORT_KEY = "katas.measured";

    /** A result whose task is not known yet, with no timeline. */
    public TestResult(String name, String testClass, Outcome outcome, String message, long millis) {
        this(name, testClass, outcome, message, millis, 0, ProcessTimeline.NONE);
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    /** A test that failed, or did not run: not passed, and not skipped on purpose. */
    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    public TestResult inTask(int task) {
        return new TestResult(name, testClass, outcome, message, millis, task, timeline);
    }

    public TestResult withTimeline(ProcessTimeline timeline) {
        return new TestResult(name, testClass, outcome, message, millis, task, timeline);
    }

    /** What names a test across runs and test JVMs: its class and its readable name. */
    public String key() {
        return key(testClass, name);
    }

    public static String key(String testClass, String name) {
        return testClass + "#" + name;
    }
}
