package katas.exceptions;

/**
 * A task threw in a worker process. The cause is the exception the task threw there, carried across the process
 * boundary: the original type, message and stack trace (the worker's frames), or a {@link StandInException} when
 * the original could not be serialized. Given: you do not need to change it.
 */
public final class TaskFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long workerPid;

    public TaskFailedException(long workerPid, Throwable cause) {
        super("the task failed in worker pid " + workerPid + ": " + cause, cause);
        this.workerPid = workerPid;
    }

    /** The process id of the worker in which the task threw. */
    public long workerPid() {
        return workerPid;
    }
}
