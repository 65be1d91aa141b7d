package katas.exceptions;

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
        throw new UnsupportedOperationException("TODO task 1: run the job (job.run()) and reply with its result, "
                + "serialized: Reply.success(SafeSerialization.toBytes(result)). Task 2 catches what it throws, "
                + "task 4 adds a stand-in");
    }
}
