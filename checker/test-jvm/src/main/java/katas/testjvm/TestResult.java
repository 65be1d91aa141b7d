package katas.testjvm;

/**
 * One test's result.
 *
 * @param name     the test's readable name (its method name with underscores as spaces)
 * @param testClass the test class's simple name
 * @param outcome  PASSED, FAILED or SKIPPED
 * @param message  the failure message, or empty
 * @param millis   how long the test took
 */
public record TestResult(String name, String testClass, Outcome outcome, String message, long millis) {

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    /** What names a test across runs and test JVMs: its class and its readable name. */
    public String key() {
        return key(testClass, name);
    }

    public static String key(String testClass, String name) {
        return testClass + "#" + name;
    }
}
