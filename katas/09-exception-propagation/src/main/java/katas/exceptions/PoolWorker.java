package katas.exceptions;

/**
 * The program each worker process of a {@link WorkerPool} runs: it reads a job (a task and its argument) from
 * standard input, runs it, writes the result or the exception to standard output, and exits when its input ends.
 *
 * <p>An exception is serializable, so it can travel like a result: its type, message and stack trace arrive
 * intact. Not always, though: one with a field that is not serializable cannot be written, and one of a class the
 * parent does not allow cannot be read. For those, also send a {@link StandInException#of(Throwable)}.
 *
 * <p>Keep {@code main} thin: the pool (in the parent JVM) does the bookkeeping.
 */
public final class PoolWorker {

    private PoolWorker() {
    }

    public static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException("TODO main: read framed jobs from System.in, run each, write a "
                + "framed reply (result, or exception plus stand-in) to System.out; return when System.in ends");
    }
}
