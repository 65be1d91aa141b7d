package katas.pipe;

import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import katas.process.JavaProcess;

/**
 * The peer benchmark of kata 05, for {@code ./kata bench}: one round, one line per workload on stdout. The Python
 * peer is {@code multiprocessing.Pipe()} with a {@code Process} at the other end; here it is a {@link ChildConnection}.
 *
 * <ul>
 *   <li>{@code pipe_msgs_per_s}: timed from starting the child until it has exited. The child sends the Integers
 *       0 .. 199,999, one {@code send} each, and closes its end; the parent receives until {@code EOFException}
 *       and must have received all 200,000, in order. The figure is messages per second.</li>
 *   <li>{@code pipe_roundtrip_us}: the child sends {@code i} and waits for the reply, 20,000 times; the parent
 *       echoes each message it receives. The clock starts once the first message has arrived and been answered,
 *       and stops when the child has exited; the figure is microseconds per round trip (of the 19,999 timed).</li>
 * </ul>
 */
public final class PipeBenchmark {

    private static final String MESSAGES = "pipe_msgs_per_s";
    private static final String ROUND_TRIP = "pipe_roundtrip_us";
    private static final int MESSAGE_COUNT = 200_000;
    private static final int ROUND_TRIPS = 20_000;

    private PipeBenchmark() {
    }

    public static void main(String[] args) {
        List<String> wanted = args.length == 0 ? List.of(MESSAGES, ROUND_TRIP) : List.of(args);
        for (String workload : wanted) {
            try {
                switch (workload) {
                    case MESSAGES -> System.out.println(MESSAGES + " " + format("%.0f", messagesPerSecond()));
                    case ROUND_TRIP -> System.out.println(ROUND_TRIP + " " + format("%.1f", microsPerRoundTrip()));
                    default -> fail("unknown workload '" + workload + "' (this benchmark has " + MESSAGES + " and "
                            + ROUND_TRIP + ")");
                }
            } catch (Exception | Error e) {
                fail(workload + " failed: " + e.toString().replace('\n', ' '));
            }
        }
    }

    private static double messagesPerSecond() throws Exception {
        long start = System.nanoTime();
        try (ChildConnection child = ChildConnection.start(
                JavaProcess.of(Sends.class).withArgs(String.valueOf(MESSAGE_COUNT)))) {
            int received = 0;
            while (true) {
                Object message;
                try {
                    message = child.connection().recv();
                } catch (EOFException endOfStream) {
                    break;
                }
                if (!Integer.valueOf(received).equals(message)) {
                    throw new IllegalStateException("message " + received + " was " + message);
                }
                received++;
            }
            awaitSuccess(child);
            long elapsed = System.nanoTime() - start;
            if (received != MESSAGE_COUNT) {
                throw new IllegalStateException("received " + received + " messages, not " + MESSAGE_COUNT);
            }
            return received / (elapsed / 1e9);
        }
    }

    private static double microsPerRoundTrip() throws Exception {
        try (ChildConnection child = ChildConnection.start(
                JavaProcess.of(Pings.class).withArgs(String.valueOf(ROUND_TRIPS)))) {
            Connection pipe = child.connection();
            pipe.send(pipe.recv());
            long start = System.nanoTime();
            for (int i = 1; i < ROUND_TRIPS; i++) {
                pipe.send(pipe.recv());
            }
            awaitSuccess(child);
            long elapsed = System.nanoTime() - start;
            return elapsed / 1e3 / (ROUND_TRIPS - 1);
        }
    }

    /** Waits for the child to exit, as Python's {@code join()}; it must have succeeded. */
    private static void awaitSuccess(ChildConnection child) throws InterruptedException {
        if (!child.process().waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child pid " + child.pid() + " still runs after 60 s");
        }
        if (child.process().exitValue() != 0) {
            throw new IllegalStateException("the child pid " + child.pid() + " exited with "
                    + child.process().exitValue() + ": " + child.errorOutput().strip());
        }
    }

    private static String format(String pattern, double figure) {
        return String.format(Locale.ROOT, pattern, figure);
    }

    private static void fail(String reason) {
        System.err.println(reason);
        System.exit(1);
    }

    /** The child of {@code pipe_msgs_per_s}: sends the Integers 0 .. n - 1, then closes its end. */
    public static final class Sends {

        private Sends() {
        }

        public static void main(String[] args) throws IOException {
            int count = Integer.parseInt(args[0]);
            try (Connection pipe = Connection.overStandardStreams()) {
                for (int i = 0; i < count; i++) {
                    pipe.send(i);
                }
            }
        }
    }

    /** The child of {@code pipe_roundtrip_us}: sends {@code i} and waits for the reply, n times. */
    public static final class Pings {

        private Pings() {
        }

        public static void main(String[] args) throws IOException {
            int count = Integer.parseInt(args[0]);
            try (Connection pipe = Connection.overStandardStreams()) {
                for (int i = 0; i < count; i++) {
                    pipe.send(i);
                    Object reply = pipe.recv();
                    if (!Integer.valueOf(i).equals(reply)) {
                        throw new IllegalStateException("the reply to " + i + " was " + reply);
                    }
                }
            }
        }
    }
}
