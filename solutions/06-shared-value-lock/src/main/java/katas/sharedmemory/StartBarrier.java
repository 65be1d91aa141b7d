package katas.sharedmemory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * GIVEN, complete: you do not need to change it. A starting line in shared memory, so that child processes begin
 * their work at the same moment. Starting a JVM takes longer than a short loop, so children started one after
 * another would barely overlap and a race between them would rarely show.
 *
 * <p>Each child announces itself by writing its own PID into its slot, then waits; the parent waits until every
 * child has arrived and then releases them all at once. Layout: slot 0 is the "go" flag, slot {@code 1 + party}
 * holds the PID of party {@code party} (0 until it has arrived).
 *
 * <pre>{@code
 * // parent                                         // each child (party 0, 1, 2, ...)
 * StartBarrier barrier = StartBarrier.create(f, 4); StartBarrier.open(f).arriveAndAwaitRelease(party);
 * ... start 4 children ...                          ... the work ...
 * ... wait until arrivedPids() has 4 entries ...
 * barrier.release();
 * }</pre>
 */
public final class StartBarrier implements AutoCloseable {

    private static final int GO = 0;
    private static final Duration CHILD_PATIENCE = Duration.ofSeconds(30);

    private final SharedArray slots;

    private StartBarrier(SharedArray slots) {
        this.slots = slots;
    }

    /** Parent: a barrier for {@code parties} children in a new file. */
    public static StartBarrier create(Path file, int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("a start barrier needs at least one party, not " + parties);
        }
        return new StartBarrier(SharedArray.create(file, new long[1 + parties]));
    }

    /** Child: the barrier the parent created in {@code file}. */
    public static StartBarrier open(Path file) {
        return new StartBarrier(SharedArray.open(file));
    }

    public int parties() {
        return slots.length() - 1;
    }

    /** Child: reports this process's PID as party {@code party}, then waits until the parent releases everyone. */
    public void arriveAndAwaitRelease(int party) {
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        slots.set(1 + party, ProcessHandle.current().pid());
        long deadline = System.nanoTime() + CHILD_PATIENCE.toNanos();
        for (long waits = 1; slots.get(GO) == 0; waits++) {
            // Now and then (it costs a system call) make sure that someone is still there to release us: an
            // orphan would otherwise wait out its whole patience.
            if (waits % 100 == 0 && !parent.isAlive()) {
                throw new IllegalStateException("party " + party + ": the parent process (pid " + parent.pid()
                        + ") ended before it released the start barrier");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("party " + party + " was not released within "
                        + CHILD_PATIENCE.toSeconds() + " s: is the parent still there?");
            }
            // A short sleep, not a busy spin: children still starting up need the CPU more than the waiting ones.
            LockSupport.parkNanos(100_000);
        }
    }

    /** The PIDs the parties that have arrived so far wrote from inside their processes. */
    public List<Long> arrivedPids() {
        List<Long> pids = new ArrayList<>();
        for (int party = 0; party < parties(); party++) {
            long pid = slots.get(1 + party);
            if (pid != 0) {
                pids.add(pid);
            }
        }
        return pids;
    }

    /** Parent: lets every waiting party go at once. */
    public void release() {
        slots.set(GO, 1);
    }

    @Override
    public void close() {
        slots.close();
    }
}
