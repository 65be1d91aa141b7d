package katas.testjvm;

/** The part of a test failure a learner needs: the message, and the exception type when it is not an assertion. */
final class FailureMessages {

    private FailureMessages() {
    }

    static String of(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().strip();
        if (failure instanceof AssertionError) {
            return message;
        }
        String type = failure.getClass().getName();
        StackTraceElement[] frames = failure.getStackTrace();
        String where = frames.length > 0 ? "\n    at " + frames[0] : "";
        return (message.isEmpty() ? type : type + ": " + message) + where;
    }
}
