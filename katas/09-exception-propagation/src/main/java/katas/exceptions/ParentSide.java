package katas.exceptions;

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
        throw new UnsupportedOperationException("TODO task 1: read the result of a reply that has not failed "
                + "through the allow-list (PoolWorker.ALLOWED) and return it. Task 2 turns a failed reply back into "
                + "the worker's exception, task 4 falls back on the stand-in");
    }
}
