package katas.testkit;

import org.junit.jupiter.api.TestReporter;

/**
 * What a test measured for the learner to read, such as how long the same job took on threads and in processes.
 * {@code ./kata check} shows it under the test's name once the test passes; Maven prints it with the test's output.
 * Never an assertion: timing is measured here, and asserted only with wide margins where concurrency is the lesson.
 */
public final class Measurements {

    /** The key of the JUnit report entry; the test JVM's runner knows it as {@code TestResult.NOTE_REPORT_KEY}. */
    public static final String REPORT_KEY = "katas.measured";

    private Measurements() {
    }

    /** Tells the learner what the test measured: one or more lines of text. */
    public static void report(TestReporter reporter, String text) {
        System.out.println(text);
        reporter.publishEntry(REPORT_KEY, text);
    }
}
