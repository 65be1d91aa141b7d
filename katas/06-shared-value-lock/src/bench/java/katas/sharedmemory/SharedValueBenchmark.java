package katas.sharedmemory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import katas.process.CapturedProcess;
import katas.process.JavaProcess;
import katas.process.ProcessTree;

/**
 * The peer benchmark of kata 06, for {@code ./kata bench}: one round, one line per workload on stdout. The Python
 * peer is four {@code Process}es doing {@code with v.get_lock(): v.value += 1} 100,000 times each on one
 * {@code multiprocessing.Value}.
 *
 * <ul>
 *   <li>{@code locked_increments_per_s}: the kata's design, four {@link LockedIncrementer}s, a
 *       {@link CrossProcessLock} taken and released around every increment of slot 0 of a {@link SharedArray}.
 *       Python starts its processes without a barrier, so the {@link StartBarrier} they need is released before
 *       they start: each begins counting as soon as it is up.</li>
 *   <li>{@code locked_increments_fast_per_s}: the fast design, four {@link SpinLockedIncrementer}s, a
 *       {@link SpinLock} in the same mapped file as the counter (see that class for the price).</li>
 * </ul>
 * Each is timed from starting the four child JVMs until all have exited; the counter must then be 400,000. The
 * figure is increments per second.
 */
public final class SharedValueBenchmark {

    private static final String LOCKED = "locked_increments_per_s";
    private static final String FAST = "locked_increments_fast_per_s";
    private static final int PROCESSES = 4;
    private static final int INCREMENTS_EACH = 100_000;
    private static final Duration CHILD_BOUND = Duration.ofSeconds(120);

    private SharedValueBenchmark() {
    }

    public static void main(String[] args) {
        List<String> wanted = args.length == 0 ? List.of(LOCKED, FAST) : List.of(args);
        for (String workload : wanted) {
            try {
                switch (workload) {
                    case LOCKED -> System.out.println(LOCKED + " " + format(fileLockedIncrementsPerSecond()));
                    case FAST -> System.out.println(FAST + " " + format(spinLockedIncrementsPerSecond()));
                    default -> fail("unknown workload '" + workload + "' (this benchmark has " + LOCKED + " and "
                            + FAST + ")");
                }
            } catch (Exception | Error e) {
                fail(workload + " failed: " + e.toString().replace('\n', ' '));
            }
        }
    }

    private static double fileLockedIncrementsPerSecond() throws Exception {
        Path dir = Files.createTempDirectory("bench-06-");
        try {
            Path counterFile = dir.resolve("counter");
            Path lockFile = dir.resolve("lock");
            Path barrierFile = dir.resolve("barrier");
            try (SharedArray counter = SharedArray.create(counterFile, 0);
                 StartBarrier barrier = StartBarrier.create(barrierFile, PROCESSES)) {
                barrier.release();
                List<JavaProcess> children = new ArrayList<>();
                for (int party = 0; party < PROCESSES; party++) {
                    children.add(JavaProcess.of(LockedIncrementer.class).withArgs(counterFile.toString(),
                            lockFile.toString(), barrierFile.toString(), String.valueOf(party),
                            String.valueOf(INCREMENTS_EACH)));
                }
                long elapsed = runAll(children);
                return incrementsPerSecond(counter.get(0), elapsed);
            }
        } finally {
            deleteAll(dir);
        }
    }

    private static double spinLockedIncrementsPerSecond() throws Exception {
        Path dir = Files.createTempDirectory("bench-06-");
        try {
            Path counterFile = dir.resolve("counter");
            Files.write(counterFile, new byte[SpinLockedIncrementer.FILE_BYTES]);
            List<JavaProcess> children = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                children.add(JavaProcess.of(SpinLockedIncrementer.class).withArgs(counterFile.toString(),
                        String.valueOf(INCREMENTS_EACH)));
            }
            long elapsed = runAll(children);
            long total = SpinLockedIncrementer.map(counterFile).getLong(SpinLockedIncrementer.VALUE);
            return incrementsPerSecond(total, elapsed);
        } finally {
            deleteAll(dir);
        }
    }

    /** Starts every child, waits until all have exited (each must succeed) and returns the nanoseconds it took. */
    private static long runAll(List<JavaProcess> children) throws Exception {
        List<CapturedProcess> started = new ArrayList<>();
        try {
            long start = System.nanoTime();
            for (JavaProcess child : children) {
                started.add(child.startCapturingOutput());
            }
            for (CapturedProcess child : started) {
                int code = child.awaitExit(CHILD_BOUND);
                if (code != 0) {
                    throw new IllegalStateException("child pid " + child.pid() + " exited with " + code + ": "
                            + child.stderr().text().strip());
                }
            }
            return System.nanoTime() - start;
        } finally {
            started.forEach(child -> ProcessTree.kill(child.process().toHandle()));
        }
    }

    private static double incrementsPerSecond(long total, long elapsedNanos) {
        if (total != (long) PROCESSES * INCREMENTS_EACH) {
            throw new IllegalStateException("the counter is " + total + " after " + PROCESSES + " processes did "
                    + INCREMENTS_EACH + " locked increments each, not " + PROCESSES * INCREMENTS_EACH);
        }
        return total / (elapsedNanos / 1e9);
    }

    private static void deleteAll(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    private static String format(double figure) {
        return String.format(Locale.ROOT, "%.0f", figure);
    }

    private static void fail(String reason) {
        System.err.println(reason);
        System.exit(1);
    }
}
