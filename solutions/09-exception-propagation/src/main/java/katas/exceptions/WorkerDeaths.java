package katas.exceptions;

import java.util.List;

/**
 * What the pool does when a worker process dies: a worker that calls {@code System.exit}, crashes or is killed
 * sends no exception and will never reply. Its output ending is all the pool hears of it.
 */
final class WorkerDeaths {

    private WorkerDeaths() {
    }

    /**
     * Runs on the thread that reads the worker's replies, once their stream has ended: the worker is gone. Fails
     * every task it had not answered with a {@link WorkerDiedException} that names it and its exit status.
     */
    static void outputEnded(Worker worker) {
        List<TaskResult<?>> orphans = worker.retire();
        int exitCode = worker.stop();
        for (TaskResult<?> orphan : orphans) {
            orphan.fail(new WorkerDiedException(worker.pid(), exitCode));
        }
    }

    /** Called by submit, under the pool's lock, when a worker is gone: puts a new worker in place of each gone one. */
    static void replaceGone(List<Worker> workers) {
        for (int i = 0; i < workers.size(); i++) {
            if (workers.get(i).isGone()) {
                workers.set(i, Worker.start());
            }
        }
    }
}
