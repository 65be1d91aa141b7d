package katas.threadsprocesses;

/** A job failed: on a thread, its exception is the cause; in a child process, the message says how it ended. Given. */
public final class JobFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public JobFailedException(String message) {
        super(message);
    }
}
