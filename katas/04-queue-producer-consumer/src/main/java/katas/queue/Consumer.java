package katas.queue;

/**
 * A consumer process: {@code Consumer <queue address>} gets items from the queue and prints
 * {@code consumed <item>} for each, until it gets {@link Sentinel#NO_MORE_ITEMS}; then it exits.
 */
public final class Consumer {

    private Consumer() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("TODO task 4: main: connect to the queue at "
                + "args[0], print \"consumed \" + item for each item you get, stop at the sentinel");
    }
}
