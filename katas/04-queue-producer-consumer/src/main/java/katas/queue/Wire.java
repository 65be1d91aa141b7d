package katas.queue;

/**
 * The queue's wire protocol, shared by {@link ProcessQueue} (the server) and {@link QueueClient}. Given: you do not
 * need to change it.
 *
 * <pre>
 * request  PUT:  byte PUT,  int length, length bytes (one serialized item)   reply: byte STORED
 * request  GET:  byte GET,  long timeoutMillis (WAIT_FOREVER = no limit)      reply: byte ITEM, int length, bytes
 *                                                                                or: byte EMPTY (timeout passed)
 * </pre>
 *
 * Each item travels as one length-prefixed frame: an int, then exactly that many bytes. A socket is a stream of
 * bytes, not of messages, so the length is how the reader knows where an item ends.
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
