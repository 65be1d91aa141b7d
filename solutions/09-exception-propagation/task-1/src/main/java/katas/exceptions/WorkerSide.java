package katas.exceptions;

import katas.process.SafeSerialization;

/**
 * The worker's end of the boundary: runs in the worker JVM ({@link PoolWorker#main} calls it for every job) and
 * decides what goes back to the pool. Keep it thin: the pool, in the parent JVM, does the bookkeeping.
 *
 * <p>Read README.md first. Everything below that throws "TODO" is yours to write.
 */
final class WorkerSide {

    private WorkerSide() {
    }

    /** Runs the job and returns the reply for it: its result, or what it threw. It never throws itself. */
    static Reply replyTo(PoolWorker.Job<?, ?> job) {
        Object result = job.run();
        return Reply.success(SafeSerialization.toBytes(result));
    }
}
