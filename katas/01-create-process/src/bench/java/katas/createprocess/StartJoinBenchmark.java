package katas.createprocess;

import java.util.List;
import java.util.Locale;

/**
 * What starting a child JVM and waiting for it costs, on Python's {@code Process(target=noop).start(); join()}
 * workload, for {@code ./kata bench}: one round, one line per workload on stdout ({@code name figure}), anything
 * else on stderr. Arguments name the workloads to run.
 *
 * <ul>
 *   <li>{@code start_join_ms}: 20 times, start a child whose {@code main} does nothing and wait for it to end;
 *       milliseconds per child. Every child must exit with 0.</li>
 * </ul>
 */
public final class StartJoinBenchmark {

    private static final String WORKLOAD = "start_join_ms";
    private static final int CHILDREN = 20;

    private StartJoinBenchmark() {
    }

    /** The child: a {@code main} that returns at once. */
    public static final class DoesNothing {

        private DoesNothing() {
        }

        public static void main(String[] args) {
        }
    }

    public static void main(String[] args) throws InterruptedException {
        for (String workload : args.length == 0 ? List.of(WORKLOAD) : List.of(args)) {
            if (!workload.equals(WORKLOAD)) {
                fail("unknown workload '" + workload + "': this benchmark has " + WORKLOAD);
            }
            try {
                System.out.println(WORKLOAD + " " + String.format(Locale.ROOT, "%.2f", startJoinMillis()));
            } catch (RuntimeException | Error failure) {
                fail(WORKLOAD + " failed: " + failure.toString().replace('\n', ' '));
            }
        }
    }

    private static void fail(String reason) {
        System.err.println(reason);
        System.exit(1);
    }

    private static double startJoinMillis() throws InterruptedException {
        long started = System.nanoTime();
        for (int i = 0; i < CHILDREN; i++) {
            ChildProcess child = new ChildProcess(System.err, DoesNothing.class.getName());
            child.start();
            child.join();
            if (child.exitCode() != 0) {
                throw new IllegalStateException("child " + i + " (pid " + child.pid() + ") exited with "
                        + child.exitCode() + ": " + child.errorOutput());
            }
        }
        return (System.nanoTime() - started) / 1e6 / CHILDREN;
    }
}
