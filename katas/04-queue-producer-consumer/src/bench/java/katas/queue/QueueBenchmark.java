package katas.queue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import katas.process.CapturedProcess;
import katas.process.JavaProcess;

/**
 * The peer benchmark of kata 04, for {@code ./kata bench}: one round, one line per workload on stdout. The Python
 * peer is a {@code multiprocessing.Queue} between two {@code Process}es; here it is a {@link ProcessQueue} owned by
 * this JVM, with a producer and a consumer child JVM connected to it.
 *
 * <ul>
 *   <li>{@code queue_msgs_per_s}: the consumer is started first. The clock starts, the producer is started; it puts
 *       the Integers 0 .. 199,999 and then {@link Sentinel#NO_MORE_ITEMS}, and exits. The consumer gets items until
 *       the sentinel, checks that they came in order, and prints how many it got. The clock stops when both have
 *       exited and the count is 200,000; the figure is items per second.</li>
 * </ul>
 */
public final class QueueBenchmark {

    private static final String MESSAGES = "queue_msgs_per_s";
    private static final int ITEM_COUNT = 200_000;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private QueueBenchmark() {
    }

    public static void main(String[] args) {
        List<String> wanted = args.length == 0 ? List.of(MESSAGES) : List.of(args);
        for (String workload : wanted) {
            try {
                if (!workload.equals(MESSAGES)) {
                    fail("unknown workload '" + workload + "' (this benchmark has " + MESSAGES + ")");
                }
                System.out.println(MESSAGES + " " + String.format(Locale.ROOT, "%.0f", itemsPerSecond()));
            } catch (Exception | Error e) {
                fail(workload + " failed: " + e.toString().replace('\n', ' '));
            }
        }
    }

    private static double itemsPerSecond() throws Exception {
        try (ProcessQueue queue = new ProcessQueue()) {
            CapturedProcess consumer = JavaProcess.of(Counts.class).withArgs(queue.address()).startCapturingOutput();
            long start = System.nanoTime();
            CapturedProcess producer = JavaProcess.of(Puts.class)
                    .withArgs(queue.address(), String.valueOf(ITEM_COUNT)).startCapturingOutput();
            awaitSuccess(producer, "producer");
            awaitSuccess(consumer, "consumer");
            int consumed = Integer.parseInt(consumer.stdout().text().strip());
            if (consumed != ITEM_COUNT) {
                throw new IllegalStateException("the consumer got " + consumed + " items, not " + ITEM_COUNT);
            }
            long elapsed = System.nanoTime() - start;
            return consumed / (elapsed / 1e9);
        }
    }

    /** Waits for a child to exit, as Python's {@code join()}; it must have succeeded. */
    private static void awaitSuccess(CapturedProcess child, String role) throws InterruptedException {
        int code = child.awaitExit(PATIENCE);
        if (code != 0) {
            throw new IllegalStateException("the " + role + " pid " + child.pid() + " exited with " + code + ": "
                    + child.stderr().text().strip());
        }
    }

    private static void fail(String reason) {
        System.err.println(reason);
        System.exit(1);
    }

    /** The producer: puts the Integers 0 .. n - 1, then the sentinel, and exits. */
    public static final class Puts {

        private Puts() {
        }

        public static void main(String[] args) {
            int count = Integer.parseInt(args[1]);
            try (QueueClient queue = QueueClient.connect(args[0])) {
                for (int i = 0; i < count; i++) {
                    queue.put(i);
                }
                queue.put(Sentinel.NO_MORE_ITEMS);
            }
        }
    }

    /** The consumer: gets items until the sentinel, each must be the next Integer, then prints how many it got. */
    public static final class Counts {

        private Counts() {
        }

        public static void main(String[] args) {
            int count = 0;
            try (QueueClient queue = QueueClient.connect(args[0])) {
                for (Object item = queue.get(); !Sentinel.isSentinel(item); item = queue.get()) {
                    if (!Integer.valueOf(count).equals(item)) {
                        throw new IllegalStateException("item " + count + " was " + item);
                    }
                    count++;
                }
            }
            System.out.println(count);
        }
    }
}
