package katas.exceptions;

import katas.process.ExitCodes;

/**
 * The worker process running a task ended before the task did (it called {@code System.exit}, crashed, or was
 * killed), so the task has no result. Given: you do not need to change it.
 */
public final class WorkerDiedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long workerPid;
    private final int exitCode;

    public WorkerDiedException(long workerPid, int exitCode) {
        super("worker pid " + workerPid + " died with exit code " + exitCode + ExitCodes.explain(exitCode)
                + " before the task finished");
        this.workerPid = workerPid;
        this.exitCode = exitCode;
    }

    /** The process id of the worker that died. */
    public long workerPid() {
        return workerPid;
    }

    /** The dead worker's exit status: its {@code System.exit} code, or 128 + the signal that killed it. */
    public int exitCode() {
        return exitCode;
    }
}
