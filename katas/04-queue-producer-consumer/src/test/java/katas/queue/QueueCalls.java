package katas.queue;

import java.time.Duration;
import katas.testkit.Bounded;

/** What the tests of this kata share about the queue's owner: how long to wait for it, and why it may not answer. */
final class QueueCalls {

    /** How long a test waits for a child process, or a get(PLENTY) for an item. */
    static final Duration PLENTY = Duration.ofSeconds(8);

    /** How long one call of a client in the test JVM may take before the test gives up on it, with a message. */
    static final Duration BOUND = Duration.ofSeconds(10);

    /** Why a producer process may still be running when it should have exited. */
    static final String PRODUCER_MAY_HANG = "put() must not wait for a reader, and close() only for the owner's "
            + "STORED: does the owner answer every SYNC, and flush the answer? Does it serve every client in a thread "
            + "of its own, so that one client (a consumer waiting in get(), or any connected client) cannot keep it "
            + "from serving the producer?";

    /** Why a call of a client in the test JVM may never return. */
    static final String CALL_MAY_HANG = "Does the client flush its requests, does the owner answer every GET (in a "
            + "thread of its own for each client) and flush the answer, and does get(timeout) return "
            + "Optional.empty() once its timeout has passed (the owner polls with the timeout)?";

    private QueueCalls() {
    }

    /**
     * One call of a client in the test JVM, at most {@link #BOUND}. If it is still waiting then, the queue is
     * closed (so that the abandoned call sees the end of its stream and lets go of the client, which the test closes
     * next) and the test fails naming {@code waitingFor} and the likely cause.
     */
    static Bounded within(ProcessQueue queue, String waitingFor, String likelyCause) {
        return Bounded.within(BOUND, waitingFor, likelyCause).onTimeout(queue::close);
    }

    /** The same, for a call whose likely cause is {@link #CALL_MAY_HANG}. */
    static Bounded within(ProcessQueue queue, String waitingFor) {
        return within(queue, waitingFor, CALL_MAY_HANG);
    }

    /**
     * Connects a client for the test JVM, then checks, with a second client and a bound of a few seconds, that the
     * owner serves a new client while another one stays connected. An owner that serves one connection at a time
     * fails here at once, instead of every later wait in the test running into its time limit.
     */
    static QueueClient connectServed(ProcessQueue queue) {
        QueueClient parent = QueueClient.connect(queue.address());
        try (QueueClient probe = QueueClient.connect(queue.address())) {
            Bounded.within(Duration.ofSeconds(3), "get(Duration.ZERO) on an empty queue, from a second client while "
                    + "a first one stays connected", "The owner must serve every client in a thread of its own: while "
                    + "one serving thread waits for the next request of a connected client, the others are served. "
                    + "(And zero means 'do not wait', not 'wait for ever'.)").get(() -> probe.get(Duration.ZERO));
        } catch (RuntimeException | Error e) {
            parent.close();
            throw e;
        }
        return parent;
    }
}
