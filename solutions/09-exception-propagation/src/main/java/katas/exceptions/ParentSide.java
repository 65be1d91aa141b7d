package katas.exceptions;

import java.io.UncheckedIOException;
import katas.process.SafeSerialization;

/**
 * The pool's end of the boundary: runs in the parent JVM, on the thread that reads a worker's replies, and turns
 * each reply back into what the caller of {@link TaskResult#get()} gets.
 */
final class ParentSide {

    private ParentSide() {
    }

    /**
     * The result a reply carries; or, for a failed task, throws what {@code get()} is to throw. The pool completes
     * the task's {@link TaskResult} with the value, or fails it with whatever this throws.
     */
    static Object outcome(Reply reply, long workerPid) {
        if (!reply.failed()) {
            return SafeSerialization.fromBytes(reply.payload(), PoolWorker.ALLOWED);
        }
        throw new TaskFailedException(workerPid, exceptionIn(reply));
    }

    /**
     * The original exception if it came through and this JVM accepts its class; else the stand-in. An empty
     * original (it could not be serialized) fails to read like a refused one.
     */
    private static Throwable exceptionIn(Reply reply) {
        try {
            return (Throwable) SafeSerialization.fromBytes(reply.payload(), PoolWorker.ALLOWED);
        } catch (IllegalArgumentException | UncheckedIOException cannotBeRead) {
            return (Throwable) SafeSerialization.fromBytes(reply.standIn(), PoolWorker.ALLOWED);
        }
    }
}
