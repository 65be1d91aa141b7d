package katas.queue;

/**
 * The queue's wire protocol, shared by {@link ProcessQueue} (the owner) and {@link QueueClient}. Given: you do not
 * need to change it.
 *
 * <pre>
 * request PUT:    byte PUT, one item frame                      no reply: the owner stores the item
 * request SYNC:   byte SYNC                                     reply: byte STORED, once the owner has stored
 *                                                                      every item this client sent before it
 * request GET:    byte GET, long timeoutMillis (WAIT_FOREVER = no limit), int most
 *                                                               reply: byte ITEMS, int count (1 .. most), then
 *                                                                      count item frames, oldest first
 *                                                                  or: byte EMPTY (the timeout passed)
 * request RETURN: byte RETURN, int count, count item frames     no reply: items this client got and did not use,
 *                                                                      back to the head of the queue, in order
 * </pre>
 *
 * An item frame is an int length, then exactly that many bytes (one serialized item). A socket is a stream of bytes,
 * not of messages, so the length is how the reader knows where an item ends. A client that takes one item at a time
 * asks for {@code most = 1} and never needs RETURN.
 */
final class Wire {

    static final byte PUT = 1;
    static final byte GET = 2;
    static final byte STORED = 3;
    static final byte ITEMS = 4;
    static final byte EMPTY = 5;
    static final byte SYNC = 6;
    static final byte RETURN = 7;
    static final long WAIT_FOREVER = -1;

    private Wire() {
    }
}
