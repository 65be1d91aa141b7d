package katas.poolmap;

/**
 * The program each worker process of a {@link ProcessPool} runs: a loop that reads a request from its standard
 * input, applies the task, writes the reply to its standard output, and exits when its input ends.
 *
 * <p>Suggested wire format, framed with {@link java.io.DataOutputStream} / {@link java.io.DataInputStream}:
 * a request is {@code int chunkId, int length, bytes} (a serialized task plus a chunk of items), a reply is
 * {@code int chunkId, boolean ok, int length, bytes} (the results, or the text of the task's exception).
 * {@code katas.process.SafeSerialization} turns objects into bytes and back, through an allow-list.
 *
 * <p>Keep {@code main} thin: the pool (in the parent JVM) does the bookkeeping.
 */
public final class PoolWorker {

    private PoolWorker() {
    }

    public static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException("TODO task 1: main: read framed requests from System.in, apply the "
                + "task to each item, write framed replies to System.out, return when System.in ends (task 3 keeps "
                + "a task's printing out of the replies, task 4 replies with a task's exception)");
    }
}
