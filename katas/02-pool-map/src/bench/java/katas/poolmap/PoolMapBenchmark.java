package katas.poolmap;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The pool's speed on Python's {@code Pool.map} workload, for {@code ./kata bench}: one round, one line per
 * workload on stdout ({@code name figure}), anything else on stderr. Arguments name the workloads to run.
 *
 * <ul>
 *   <li>{@code pool_map_tasks_per_s}: a pool of 2 is started untimed; the timer runs around one {@code map} that
 *       squares the numbers 0 to 99,999, and the last result must be 99,999 squared.</li>
 * </ul>
 */
public final class PoolMapBenchmark {

    private static final String WORKLOAD = "pool_map_tasks_per_s";
    private static final int ITEMS = 100_000;

    private PoolMapBenchmark() {
    }

    public static void main(String[] args) {
        for (String workload : args.length == 0 ? List.of(WORKLOAD) : List.of(args)) {
            if (!workload.equals(WORKLOAD)) {
                fail("unknown workload '" + workload + "': this benchmark has " + WORKLOAD);
            }
            try {
                System.out.println(WORKLOAD + " " + String.format(Locale.ROOT, "%.0f", poolMapTasksPerSecond()));
            } catch (RuntimeException | Error failure) {
                fail(WORKLOAD + " failed: " + failure.toString().replace('\n', ' '));
            }
        }
    }

    private static void fail(String reason) {
        System.err.println(reason);
        System.exit(1);
    }

    /**
     * The task as a class of its own rather than a lambda: Python's pool sends its function by name, and a class
     * with a fixed {@code serialVersionUID} is Java's nearest: a worker loads it, where a lambda is rebuilt through
     * the method-handle machinery, which a fresh worker JVM takes about 15 ms to set up.
     */
    static final class Square implements Task<Integer, Long> {

        private static final long serialVersionUID = 1L;

        @Override
        public Long apply(Integer x) {
            return (long) x * x;
        }
    }

    private static double poolMapTasksPerSecond() {
        List<Integer> items = IntStream.range(0, ITEMS).boxed().collect(Collectors.toList());
        try (ProcessPool pool = new ProcessPool(2)) {
            long started = System.nanoTime();
            List<Long> squares = pool.map(new Square(), items);
            double seconds = (System.nanoTime() - started) / 1e9;
            long expected = (long) (ITEMS - 1) * (ITEMS - 1);
            if (squares.size() != ITEMS || squares.get(ITEMS - 1) != expected) {
                throw new IllegalStateException("map returned " + squares.size() + " results, the last "
                        + (squares.isEmpty() ? "missing" : squares.get(squares.size() - 1)) + ", not " + expected);
            }
            return ITEMS / seconds;
        }
    }
}
