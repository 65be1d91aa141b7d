package katas.testkit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * A call of the code under test with a time limit: if it has not returned in time, the test fails with a message
 * that names what it waited for and why such a wait usually never ends, never with a bare "timed out".
 *
 * <pre>{@code
 * Object item = within(BOUND, "get() in the test JVM", "Does the owner answer every get?")
 *         .onTimeout(queue::close)
 *         .get(() -> client.get());
 * }</pre>
 *
 * <p>The call runs on a thread of its own. When time is up, that thread is interrupted and abandoned, the
 * {@linkplain #onTimeout release action} runs (closing what the call waits on, so the abandoned thread lets go of
 * it), and the test fails. A call that returns or throws in time returns or throws just as if it had been called
 * directly: its own exceptions, checked or not, reach the test unchanged.
 */
public final class Bounded {

    private final Duration limit;
    private final String waitingFor;
    private final Supplier<String> likelyCause;
    private final Runnable release;

    private Bounded(Duration limit, String waitingFor, Supplier<String> likelyCause, Runnable release) {
        this.limit = limit;
        this.waitingFor = waitingFor;
        this.likelyCause = likelyCause;
        this.release = release;
    }

    /**
     * A call that may take at most {@code limit}.
     *
     * @param waitingFor what the test waits for, as the learner would name it: {@code "recv() of the pid"}
     * @param likelyCause why such a wait usually never ends, and what to check
     */
    public static Bounded within(Duration limit, String waitingFor, String likelyCause) {
        return within(limit, waitingFor, () -> likelyCause);
    }

    /** The same, with a likely cause that is put together only if time runs out (it may read a child's output). */
    public static Bounded within(Duration limit, String waitingFor, Supplier<String> likelyCause) {
        return new Bounded(limit, waitingFor, likelyCause, () -> { });
    }

    /** What to do when time is up, before the test fails: close or kill what the abandoned call waits on. */
    public Bounded onTimeout(Runnable releaseWhatTheCallWaitsOn) {
        return new Bounded(limit, waitingFor, likelyCause, releaseWhatTheCallWaitsOn);
    }

    /** Runs a call that returns a value, and returns it. */
    public <T> T get(ThrowingSupplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                result.complete(call.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "bounded call: " + waitingFor);
        caller.setDaemon(true);
        caller.start();
        try {
            return result.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw Bounded.<RuntimeException>unchanged(e.getCause());
        } catch (TimeoutException e) {
            StackTraceElement[] stuck = caller.getStackTrace();
            caller.interrupt();
            release.run();
            throw timedOut(stuck);
        } catch (InterruptedException e) {
            caller.interrupt();
            Thread.currentThread().interrupt();
            throw new AssertionError("The test was interrupted while waiting for " + waitingFor, e);
        }
    }

    /** Runs a call that returns nothing. */
    public void run(Executable call) {
        get(() -> {
            call.execute();
            return null;
        });
    }

    /** The message of a call that has not returned within {@code limit}. */
    String message() {
        return waitingFor + ": still waiting after " + describe(limit) + ", so the test stopped waiting. "
                + likelyCause.get();
    }

    private AssertionError timedOut(StackTraceElement[] stuck) {
        Throwable where = new Throwable("where the call was waiting when time ran out");
        where.setStackTrace(stuck);
        return new AssertionError(message(), where);
    }

    /** "8 s" for whole seconds, else "1500 ms". */
    static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E unchanged(Throwable thrown) throws E {
        throw (E) thrown;
    }
}
