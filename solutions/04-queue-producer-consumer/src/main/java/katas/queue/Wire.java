package katas.queue;

/**
 * The queue's wire protocol, shared by {@link ProcessQueue} (the server) and {@link QueueClient}.
 *
 * <pre>
 * request  PUT:  byte PUT,  int length, length bytes (one serialized item)   reply: byte STORED
 * request  GET:  byte GET,  long timeoutMillis (WAIT_FOREVER = no limit)      reply: byte ITEM, int length, bytes
 *                                                                                or: byte EMPTY (timeout passed)
 * </pre>
 */
final class Wire {

    static final byte PUT = 1;
    static final byte GET = 2;
    static final byte STORED = 3;
    static final byte ITEM = 4;
    static final byte EMPTY = 5;
    static final long WAIT_FOREVER = -1;

    private Wire() {
    }
}
