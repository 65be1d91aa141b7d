package katas.queue;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import katas.process.CapturedProcess;
import katas.process.ExitCodes;
import katas.process.JavaProcess;
import katas.process.ProcessTree;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.opentest4j.AssertionFailedError;

/** The child JVMs one test starts; closing it kills whichever of them are still running. */
final class Children implements AutoCloseable {

    static final Duration PLENTY = Duration.ofSeconds(8);

    /** Why a producer process may still be running when it should have exited. */
    static final String PRODUCER_MAY_HANG = "put() must return as soon as the owner holds the item: does the owner "
            + "answer every put, and flush the answer? Does it serve every client in a thread of its own, so that "
            + "one client (a consumer waiting in get(), or any connected client) cannot keep it from serving the "
            + "producer?";

    private final List<CapturedProcess> started = new ArrayList<>();

    /**
     * Connects a client for the test JVM, then checks, with a second client and a bound of a few seconds, that the
     * owner serves a new client while another one stays connected. An owner that serves one connection at a time
     * fails here at once, instead of every later wait in the test running into its time limit.
     */
    static QueueClient connectServed(ProcessQueue queue) {
        QueueClient parent = QueueClient.connect(queue.address());
        try (QueueClient probe = QueueClient.connect(queue.address())) {
            assertTimeoutPreemptively(Duration.ofSeconds(3), () -> probe.get(Duration.ZERO), () -> "get(Duration.ZERO) "
                    + "on an empty queue, from a second client while a first one stays connected, had no answer "
                    + "within 3 s. The owner must serve every client in a thread of its own: while one serving "
                    + "thread waits for the next request of a connected client, the others are served. (And zero "
                    + "means 'do not wait', not 'wait for ever'.)");
        } catch (RuntimeException | Error e) {
            parent.close();
            throw e;
        }
        return parent;
    }

    /** How long one call of a client in the test JVM may take before the test gives up on it, with a message. */
    static final Duration BOUND = Duration.ofSeconds(10);

    /**
     * Runs one call of a client in the test JVM, at most {@link #BOUND}. If it is still waiting then, the queue is
     * closed (so that the abandoned call sees the end of its stream and lets go of the client, which the test closes
     * next) and the test fails with {@code message}.
     */
    static <T> T within(ProcessQueue queue, ThrowingSupplier<T> call, Supplier<String> message) {
        try {
            return assertTimeoutPreemptively(BOUND, call, message);
        } catch (AssertionFailedError e) {
            queue.close();
            throw e;
        }
    }

    /** The same for a call that returns nothing. */
    static void within(ProcessQueue queue, Executable call, Supplier<String> message) {
        within(queue, () -> {
            call.execute();
            return null;
        }, message);
    }

    /** Starts {@code mainClass} in a child JVM, its stdout and stderr captured. */
    CapturedProcess start(Class<?> mainClass, String... args) throws IOException {
        CapturedProcess child = JavaProcess.of(mainClass).withArgs(args).startCapturingOutput();
        started.add(child);
        return child;
    }

    /**
     * Waits for {@code child} to exit by itself and returns its exit code. If it is still running after
     * {@link #PLENTY}, it is killed and the test fails with {@code whyItMayHang}.
     */
    static int exitCodeOf(CapturedProcess child, String role, String whyItMayHang) throws InterruptedException {
        if (!child.process().waitFor(PLENTY.toMillis(), TimeUnit.MILLISECONDS)) {
            ProcessTree.kill(child.process().toHandle());
            fail("The %s (pid %d) was still running after %d s, so it was killed. %s%nIts stdout:%n%s%nIts stderr:%n%s",
                    role, child.pid(), PLENTY.toSeconds(), whyItMayHang, child.stdout().text(), child.stderr().text());
        }
        child.stdout().awaitEnd(PLENTY);
        child.stderr().awaitEnd(PLENTY);
        return child.process().exitValue();
    }

    /** A description of how {@code child} ended, for failure messages. */
    static String report(CapturedProcess child) {
        int code = child.process().exitValue();
        return "pid " + child.pid() + " exited with " + code + ExitCodes.explain(code) + "; its stderr:\n"
                + child.stderr().text();
    }

    @Override
    public void close() {
        started.stream().map(CapturedProcess::process).filter(Process::isAlive).map(Process::toHandle)
                .forEach(ProcessTree::kill);
    }
}
