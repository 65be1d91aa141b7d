package katas.threadsprocesses;

import java.io.IOException;

/**
 * Splits a range job (one that takes {@code from} and {@code to} and answers a whole number, such as
 * {@link CountPrimes}) into parts that run side by side: on threads of this JVM, or in child JVMs. The answers
 * are added up.
 *
 * <pre>{@code
 * Split onThreads = Parallel.onThreads(CountPrimes.class, 4, 0, 2_000_000);
 * Split inProcesses = Parallel.inProcesses(CountPrimes.class, 4, 0, 2_000_000);
 * onThreads.total() == inProcesses.total();   // 148933 both
 * }</pre>
 */
public final class Parallel {

    private Parallel() {
    }

    /** Runs {@code parts} parts of {@code [from, to)} on as many threads at once, and adds up their answers. */
    public static Split onThreads(Class<? extends Job> rangeJob, int parts, long from, long to)
            throws InterruptedException {
        throw new UnsupportedOperationException("TODO task 5: Parallel.onThreads: cut [from, to) into parts, run "
                + "each part's job on a thread of its own, all at once, and add up their answers");
    }

    /** Runs {@code parts} parts of {@code [from, to)} in as many child JVMs at once, and adds up their answers. */
    public static Split inProcesses(Class<? extends Job> rangeJob, int parts, long from, long to)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("TODO task 6: Parallel.inProcesses: run each part's job in a child "
                + "JVM (JobProcess) of its own, all at once, and add up their answers");
    }
}
