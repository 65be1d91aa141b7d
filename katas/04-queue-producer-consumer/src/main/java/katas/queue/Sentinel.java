package katas.queue;

/**
 * The explicit "no more items" marker: Java's stand-in for the {@code None} that Python's producer/consumer
 * examples put on the queue. Given: you do not need to change it.
 *
 * <p>The process that knows that every producer has finished (usually the parent, after the producers exited) puts
 * one {@code Sentinel.NO_MORE_ITEMS} per consumer. A consumer that gets it stops. It is an enum constant, so it
 * survives serialization as the same object: compare with {@code ==}.
 */
public enum Sentinel {
    NO_MORE_ITEMS;

    /** Whether {@code item} is the sentinel. */
    public static boolean isSentinel(Object item) {
        return item == NO_MORE_ITEMS;
    }
}
