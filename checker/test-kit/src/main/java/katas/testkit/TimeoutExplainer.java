package katas.testkit;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Turns a test's time-out into a failure that teaches: where the test was waiting when time ran out, and what
 * usually makes a wait on another process endless. JUnit's own says only "timed out after 20 seconds".
 */
public final class TimeoutExplainer implements TestExecutionExceptionHandler {

    private static final String[] NOT_THE_KATA = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "org.junit.",
        "org.opentest4j.", "org.assertj.", "org.awaitility."};
    private static final String KIT = TimeoutExplainer.class.getPackageName() + ".";

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (!(thrown instanceof TimeoutException)) {
            throw thrown;
        }
        // JUnit attaches the stack of the test's thread, as it was when time ran out, as the cause
        StackTraceElement[] stuck = thrown.getCause() != null ? thrown.getCause().getStackTrace()
                : new StackTraceElement[0];
        String testClass = context.getRequiredTestClass().getName();
        AssertionError explained = new AssertionError(explain(thrown.getMessage(), stuck, testClass));
        explained.initCause(thrown);
        throw explained;
    }

    /** The explanation of a time-out, from where the test's thread was when time ran out. */
    static String explain(String timedOut, StackTraceElement[] stuck, String testClass) {
        Optional<StackTraceElement> inTheKata = Arrays.stream(stuck)
                .filter(f -> !f.getClassName().startsWith(testClass) && !isLibrary(f)).findFirst();
        Optional<StackTraceElement> inTheTest = Arrays.stream(stuck)
                .filter(f -> f.getClassName().startsWith(testClass)).findFirst();
        Optional<StackTraceElement> blockedIn = Arrays.stream(stuck).findFirst();
        StringBuilder message = new StringBuilder("The test did not finish in time and was stopped (")
                .append(timedOut == null ? "timed out" : timedOut).append(").");
        inTheKata.ifPresent(f -> message.append(" It was still waiting in ").append(where(f)));
        inTheTest.ifPresent(f -> message.append(inTheKata.isPresent() ? ", called by the test at " : " It was "
                + "still waiting in the test at ").append(f.getFileName()).append(':').append(f.getLineNumber()));
        blockedIn.filter(TimeoutExplainer::isLibrary).ifPresent(f -> message.append(" (blocked in ")
                .append(f.getClassName()).append('.').append(f.getMethodName()).append(')'));
        message.append(". A wait between processes that never ends is the usual cause: a read from a pipe or "
                + "socket whose other end is never written to nor closed, a join or waitFor on a child that never "
                + "exits, a get that no worker answers, a lock nobody releases, or an endless loop. Bound the wait, "
                + "or make the other side finish: close what you write to, end the child, answer the request.");
        return message.toString();
    }

    private static String where(StackTraceElement frame) {
        String className = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
        return className + "." + frame.getMethodName() + " (" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
    }

    /** A frame of the JDK, a test library or the kit itself (not of a kata, nor of the kit's own test fixtures). */
    private static boolean isLibrary(StackTraceElement frame) {
        String name = frame.getClassName();
        return Arrays.stream(NOT_THE_KATA).anyMatch(name::startsWith)
                || name.startsWith(KIT) && name.indexOf('.', KIT.length()) < 0;
    }
}
