package katas.exceptions;

import java.util.List;
import java.util.Locale;

/**
 * The pool's speed on Python's {@code apply_async(f, args).get()} workload, for {@code ./kata bench}: one round,
 * one line per workload on stdout ({@code name figure}), anything else on stderr. Arguments name the workloads to
 * run.
 *
 * <ul>
 *   <li>{@code apply_async_roundtrip_us}: on a pool of 2 that has been at work already, 2,000 times submit the
 *       square of {@code i} and wait for it; microseconds per round trip. Every result is checked.</li>
 * </ul>
 */
public final class RoundTripBenchmark {

    private static final String WORKLOAD = "apply_async_roundtrip_us";
    private static final int ROUND_TRIPS = 2_000;

    private RoundTripBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        for (String workload : args.length == 0 ? List.of(WORKLOAD) : List.of(args)) {
            if (!workload.equals(WORKLOAD)) {
                fail("unknown workload '" + workload + "': this benchmark has " + WORKLOAD);
            }
            try {
                System.out.println(WORKLOAD + " " + String.format(Locale.ROOT, "%.1f", roundTripMicros()));
            } catch (RuntimeException | Error failure) {
                fail(WORKLOAD + " failed: " + failure.toString().replace('\n', ' '));
            }
        }
    }

    private static void fail(String reason) {
        System.err.println(reason);
        System.exit(1);
    }

    private static double roundTripMicros() throws InterruptedException {
        try (WorkerPool pool = new WorkerPool(2)) {
            // Untimed, as in Python, where the pool has run two maps of 100,000 items before its timer starts: one
            // task for each worker, so that no JVM is still starting, then as many round trips as are timed, so
            // that the JIT has compiled the paths they take.
            TaskResult<Long> first = pool.submit(RoundTripBenchmark::square, 1);
            TaskResult<Long> second = pool.submit(RoundTripBenchmark::square, 2);
            check(1, first.get());
            check(2, second.get());
            roundTrips(pool);

            long started = System.nanoTime();
            roundTrips(pool);
            return (System.nanoTime() - started) / 1e3 / ROUND_TRIPS;
        }
    }

    private static void roundTrips(WorkerPool pool) throws InterruptedException {
        for (int i = 0; i < ROUND_TRIPS; i++) {
            check(i, pool.submit(RoundTripBenchmark::square, i).get());
        }
    }

    private static long square(int x) {
        return (long) x * x;
    }

    private static void check(int i, Long square) {
        if (square == null || square != (long) i * i) {
            throw new IllegalStateException("the task for " + i + " returned " + square + ", not " + (long) i * i);
        }
    }
}
