package katas.manager;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import katas.process.CapturedProcess;
import katas.process.JavaProcess;
import katas.process.ProcessTree;

/**
 * The peer benchmark of kata 07, for {@code ./kata bench}: one round, one line per workload on stdout.
 *
 * <p>{@code manager_list_appends_per_s}: a manager is started and the parent holds a proxy, both before the clock
 * starts. Timed: starting four client JVMs, each connecting its own proxy and appending 2,000 integers (its base +
 * 0 .. 1,999) one call at a time, waiting for all four to exit, and asking the list's size, which must be 8,000.
 * The figure is appends per second. Python's {@code Manager().list()} with four {@code Process}es is the peer.
 */
public final class ManagerListBenchmark {

    private static final String APPENDS = "manager_list_appends_per_s";
    private static final int CLIENTS = 4;
    private static final int APPENDS_EACH = 2_000;
    private static final Duration CLIENT_BOUND = Duration.ofSeconds(60);

    private ManagerListBenchmark() {
    }

    public static void main(String[] args) {
        List<String> wanted = args.length == 0 ? List.of(APPENDS) : List.of(args);
        for (String workload : wanted) {
            if (!workload.equals(APPENDS)) {
                fail("unknown workload '" + workload + "' (this benchmark has " + APPENDS + ")");
            }
            try {
                System.out.println(APPENDS + " " + String.format(Locale.ROOT, "%.0f", appendsPerSecond()));
            } catch (Exception | Error e) {
                fail(APPENDS + " failed: " + e.toString().replace('\n', ' '));
            }
        }
    }

    private static double appendsPerSecond() throws Exception {
        try (ListManager manager = ListManager.start();
             ListProxy list = manager.list()) {
            List<CapturedProcess> clients = new ArrayList<>();
            try {
                long start = System.nanoTime();
                for (int i = 0; i < CLIENTS; i++) {
                    clients.add(startClient(manager, i * APPENDS_EACH));
                }
                for (CapturedProcess client : clients) {
                    awaitSuccess(client);
                }
                int size = list.size();
                long elapsed = System.nanoTime() - start;
                if (size != CLIENTS * APPENDS_EACH) {
                    throw new IllegalStateException("the list holds " + size + " items after " + CLIENTS
                            + " clients appended " + APPENDS_EACH + " each, not " + CLIENTS * APPENDS_EACH);
                }
                return CLIENTS * APPENDS_EACH / (elapsed / 1e9);
            } finally {
                clients.forEach(client -> ProcessTree.kill(client.process().toHandle()));
            }
        }
    }

    /** A client JVM that gets the manager's address and key on its stdin (never its command line). */
    private static CapturedProcess startClient(ListManager manager, int base) throws IOException {
        CapturedProcess client = JavaProcess.of(Appender.class)
                .withArgs(String.valueOf(base), String.valueOf(APPENDS_EACH)).startCapturingOutput();
        byte[] key = manager.key();
        try (DataOutputStream stdin = new DataOutputStream(client.process().getOutputStream())) {
            stdin.writeUTF(manager.address());
            stdin.writeInt(key.length);
            stdin.write(key);
        }
        return client;
    }

    private static void awaitSuccess(CapturedProcess client) throws InterruptedException {
        if (!client.process().waitFor(CLIENT_BOUND.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("client pid " + client.pid() + " still runs after "
                    + CLIENT_BOUND.toSeconds() + " s");
        }
        if (client.process().exitValue() != 0) {
            throw new IllegalStateException("client pid " + client.pid() + " exited with "
                    + client.process().exitValue() + ": " + client.stderr().text().strip());
        }
    }

    private static void fail(String reason) {
        System.err.println(reason);
        System.exit(1);
    }

    /**
     * A client process: connects with the address and key from its stdin, then appends base + 0 .. count - 1. It
     * cannot outlive the benchmark: once the manager is gone (it ends with the benchmark's JVM), its next call fails.
     */
    public static final class Appender {

        private Appender() {
        }

        public static void main(String[] args) throws IOException {
            int base = Integer.parseInt(args[0]);
            int count = Integer.parseInt(args[1]);
            DataInputStream stdin = new DataInputStream(System.in);
            String address = stdin.readUTF();
            byte[] key = new byte[stdin.readInt()];
            stdin.readFully(key);
            try (ListProxy list = ListProxy.connect(address, key)) {
                for (int i = 0; i < count; i++) {
                    list.append(base + i);
                }
            }
        }
    }
}
