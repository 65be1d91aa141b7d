package katas.queue;

/**
 * A consumer process: {@code Consumer <queue address>} gets items from the queue and prints
 * {@code consumed <item>} for each, until it gets {@link Sentinel#NO_MORE_ITEMS}; then it exits.
 */
public final class Consumer {

    private Consumer() {
    }

    public static void main(String[] args) {
        try (QueueClient queue = QueueClient.connect(args[0])) {
            for (Object item = queue.get(); !Sentinel.isSentinel(item); item = queue.get()) {
                System.out.println("consumed " + item);
            }
        }
    }
}
