package katas.exceptions;

import java.util.List;

/**
 * What the pool does when a worker process dies: a worker that calls {@code System.exit}, crashes or is killed
 * sends no exception and will never reply. Its output ending is all the pool hears of it.
 *
 * <p>Read README.md first. Everything below that throws "TODO" is yours to write.
 */
final class WorkerDeaths {

    private WorkerDeaths() {
    }

    /**
     * Runs on the thread that reads the worker's replies, once their stream has ended: the worker is gone. Fails
     * every task it had not answered with a {@link WorkerDiedException} that names it and its exit status.
     */
    static void outputEnded(Worker worker) {
        throw new UnsupportedOperationException("TODO task 5: worker pid " + worker.pid() + " is gone: retire it, "
                + "stop it for its exit status, and fail each task it had with a WorkerDiedException");
    }

    /** Called by submit, under the pool's lock, when a worker is gone: puts a new worker in place of each gone one. */
    static void replaceGone(List<Worker> workers) {
        throw new UnsupportedOperationException("TODO task 5: a worker of " + workers.size() + " is gone: put a "
                + "Worker.start() in its place");
    }
}
