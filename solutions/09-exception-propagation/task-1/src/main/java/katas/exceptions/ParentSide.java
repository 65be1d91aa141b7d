package katas.exceptions;

import katas.process.SafeSerialization;

/**
 * The pool's end of the boundary: runs in the parent JVM, on the thread that reads a worker's replies, and turns
 * each reply back into what the caller of {@link TaskResult#get()} gets.
 *
 * <p>Read README.md first. Everything below that throws "TODO" is yours to write.
 */
final class ParentSide {

    private ParentSide() {
    }

    /**
     * The result a reply carries; or, for a failed task, throws what {@code get()} is to throw. The pool completes
     * the task's {@link TaskResult} with the value, or fails it with whatever this throws.
     */
    static Object outcome(Reply reply, long workerPid) {
        if (reply.failed()) {
            throw new UnsupportedOperationException("TODO task 2: turn the failed reply of worker pid " + workerPid
                    + " back into the worker's exception, and throw it in a TaskFailedException");
        }
        return SafeSerialization.fromBytes(reply.payload(), PoolWorker.ALLOWED);
    }
}
