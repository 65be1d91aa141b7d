package katas.exceptions;

import katas.process.SafeSerialization;

/**
 * The worker's end of the boundary: runs in the worker JVM ({@link PoolWorker#main} calls it for every job) and
 * decides what goes back to the pool. Keep it thin: the pool, in the parent JVM, does the bookkeeping.
 */
final class WorkerSide {

    private WorkerSide() {
    }

    /** Runs the job and returns the reply for it: its result, or what it threw. It never throws itself. */
    static Reply replyTo(PoolWorker.Job<?, ?> job) {
        try {
            // Serializing the result is part of the task: a result that cannot be sent fails the task, not the worker.
            return Reply.success(SafeSerialization.toBytes(job.run()));
        } catch (RuntimeException | Error failure) {
            return Reply.failure(serializedOrEmpty(failure), SafeSerialization.toBytes(StandInException.of(failure)));
        }
    }

    private static byte[] serializedOrEmpty(Throwable failure) {
        try {
            return SafeSerialization.toBytes(failure);
        } catch (IllegalArgumentException notSerializable) {
            return new byte[0];
        }
    }
}
