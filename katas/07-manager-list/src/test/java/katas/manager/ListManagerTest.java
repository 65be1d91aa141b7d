package katas.manager;

import static java.util.function.Predicate.not;
import static katas.testkit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import katas.manager.fixtures.AppendsItsNumber;
import katas.manager.fixtures.AppendsMany;
import katas.manager.fixtures.StartsManagerThenWaits;
import katas.process.CapturedProcess;
import katas.process.ExitCodes;
import katas.process.JavaProcess;
import katas.process.ProcessTree;
import katas.testkit.Bounded;
import katas.testkit.ChildJvmFleet;
import katas.testkit.Gadget;
import katas.testkit.KataTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.function.ThrowingSupplier;

@KataTest
class ListManagerTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PLENTY = Duration.ofSeconds(15);
    private static final Duration PROMPTLY = Duration.ofSeconds(8);
    private static final int RACING_CLIENTS = 4;
    private static final int APPENDS_EACH = 2_500;
    /** Bounds for learner code that might hang, well inside the class's 20 s timeout so that our message is read. */
    private static final Duration START_BOUND = Duration.ofSeconds(10);
    private static final Duration CALL_BOUND = Duration.ofSeconds(8);
    /** Longer than a call may take, so that only the test thaws a frozen manager while the test JVM lives. */
    private static final int THAW_AFTER_SECONDS = 10;
    /** How long a hostile peer waits to see whether the manager has closed its connection. */
    private static final int HOSTILE_WAIT_MS = 3_000;
    /** The manager gives a peer this long to finish the handshake (README); an authenticated proxy may idle longer. */
    private static final int HANDSHAKE_SECONDS = 3;
    private static final int IDLE_MS = HANDSHAKE_SECONDS * 1_000 + 500;

    /** ListManager.start(), bounded: a manager that never reports its address must not hang the test. */
    private static ListManager startManager() {
        return Bounded.within(START_BOUND, "ListManager.start()", "It waits for the manager's process to print its "
                + "address: does ManagerServer print host:port and flush System.out once it listens, and does "
                + "start() bound its wait for that line (and fail with the manager's error output if the line never "
                + "comes)?").get(ListManager::start);
    }

    /** Why a proxy call may get no answer. */
    private static final String CALL_MAY_HANG = "Every proxy call is one request and one reply: does the proxy flush "
            + "its request, does the manager answer every request and flush its reply, and does the proxy give up "
            + "after a read timeout (Socket.setSoTimeout) instead of waiting forever?";

    /** A proxy call, bounded: a request the manager never answers must fail the test with a message, not hang it. */
    private static <T> T answered(String call, ThrowingSupplier<T> code) {
        return Bounded.within(CALL_BOUND, call + ", waiting for its answer", CALL_MAY_HANG).get(code);
    }

    /**
     * Starts a client process that gets the manager's address and key on its stdin, and then waits for the end of
     * its stdin ({@link ChildJvmFleet#closeAllInputs()}) before it works.
     */
    private static CapturedProcess startWaiting(ChildJvmFleet clients, ListManager manager, Class<?> mainClass,
            String... args) throws IOException {
        CapturedProcess client = clients.start(mainClass, (Object[]) args);
        OutputStream stdin = client.process().getOutputStream();
        stdin.write((manager.address() + "\n" + HexFormat.of().formatHex(manager.key()) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        return client;
    }

    /** Starts a client and closes its stdin after the address and the key: it works at once. */
    private static void startWorking(ChildJvmFleet clients, ListManager manager, Class<?> mainClass, String... args)
            throws IOException {
        startWaiting(clients, manager, mainClass, args).process().getOutputStream().close();
    }

    /** Waits until every client has said it is connected, so that none of them is still starting its JVM. */
    private static void awaitAllConnected(ChildJvmFleet clients) throws InterruptedException {
        clients.awaitEachPrinted(line -> line.startsWith("connected"), "'connected'", PLENTY, "A client prints "
                + "'connected' once ListProxy.connect returned: the manager must accept and authenticate every "
                + "client, each on a thread of its own.");
    }

    /** Waits until every client has exited with 0. */
    private static void awaitAllSucceeded(ChildJvmFleet clients) throws InterruptedException {
        clients.awaitAllSucceeded(PLENTY, "A client appends and exits; one that does not is still waiting for an "
                + "answer of the manager.", "A client fails when the manager stops answering it, for example after "
                + "an exception in the manager's thread that serves it.");
    }

    @Test
    @Tag("task:1")
    void after_close_the_managers_process_is_gone() {
        ListManager manager = startManager();
        long pid = manager.pid();
        try {
            assertThatProcess(pid).ranOutsideTheTestJvm().isAlive();
        } finally {
            Bounded.within(START_BOUND, "ListManager.close()", "Close the manager's stdin (its signal to end), then "
                    + "wait for its process with a timeout and kill it if it lingers.").run(manager::close);
        }

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("whether the manager's process (pid %d) was still running at the moment close() returned. close() "
                        + "must wait until the process has exited (Process.waitFor with a timeout), not just ask it "
                        + "to end: a caller that starts a new manager or deletes the manager's files right after "
                        + "close() relies on that", pid)
                .isFalse();
    }

    @Test
    @Tag("task:1")
    void a_manager_whose_parent_process_is_killed_ends_by_itself() throws Exception {
        CapturedProcess parent = JavaProcess.of(StartsManagerThenWaits.class).startCapturingOutput();
        long managerPid = 0;
        try {
            boolean started = parent.stdout().awaitLine(line -> line.startsWith("manager pid "), PLENTY);
            assertThat(started)
                    .as("a child process (pid %d) calling ListManager.start() should print 'manager pid N'; its "
                            + "error output:%n%s", parent.pid(), parent.stderr().text())
                    .isTrue();
            managerPid = Long.parseLong(parent.stdout().lines().get(0).substring("manager pid ".length()));
            assertThatProcess(managerPid).isChildOf(parent.process().toHandle()).isAlive();

            parent.process().destroyForcibly().waitFor();

            ProcessHandle manager = ProcessHandle.of(managerPid).orElse(null);
            assertThat(manager == null || ProcessTree.awaitExit(manager, PROMPTLY))
                    .as("the manager (pid %d) still runs %d s after the process that started it (pid %d) was killed "
                            + "with -9, which could not call close(). An orphaned manager would run forever: end "
                            + "it when its stdin reaches its end, which also happens when its parent dies",
                            managerPid, PROMPTLY.toSeconds(), parent.pid())
                    .isTrue();
        } finally {
            ProcessTree.kill(parent.process().toHandle());
            if (managerPid != 0) {
                ProcessHandle.of(managerPid).ifPresent(ProcessTree::kill);
            }
        }
    }

    @Test
    @Tag("task:1")
    void the_manager_listens_on_the_loopback_interface_only() throws Exception {
        try (ListManager manager = startManager()) {
            String host = manager.address().substring(0, manager.address().lastIndexOf(':'));

            assertThat(InetAddress.getByName(host).isLoopbackAddress())
                    .as("the manager's address %s: listen on InetAddress.getLoopbackAddress(), so that no other "
                            + "machine can even try a key", manager.address())
                    .isTrue();
            int port = Integer.parseInt(manager.address().substring(manager.address().lastIndexOf(':') + 1));
            assertThat(listeningSocketsNotOnLoopback(port))
                    .as("the manager's listening sockets on port %d that are bound to an address other than loopback, "
                            + "as the kernel lists them (/proc/net/tcp and tcp6; 00000000 is 0.0.0.0, every "
                            + "interface). Printing a loopback address is not enough: the socket itself must be bound "
                            + "to it, new ServerSocket(0, backlog, InetAddress.getLoopbackAddress())", port)
                    .isEmpty();
            assertThat(reachableFromOtherAddresses(port))
                    .as("this machine's non-loopback addresses on which the manager's port %d accepts a connection. "
                            + "Anyone on the network could connect there and try keys: bind the ServerSocket to "
                            + "InetAddress.getLoopbackAddress()", port)
                    .isEmpty();
        }
    }

    /** Linux only (empty elsewhere): the LISTEN sockets on {@code port} whose local address is not loopback. */
    private static List<String> listeningSocketsNotOnLoopback(int port) throws IOException {
        List<String> found = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 4 || !fields[3].equals("0A") || !fields[1].contains(":")) {
                    continue; // the header, or not a listening socket
                }
                String[] local = fields[1].split(":");
                if (Integer.parseInt(local[1], 16) != port) {
                    continue;
                }
                String address = local[0].toUpperCase(Locale.ROOT);
                boolean loopback = address.equals("0100007F")                               // 127.0.0.1
                        || address.equals("00000000000000000000000001000000")               // ::1
                        || address.equals("0000000000000000FFFF00000100007F");              // ::ffff:127.0.0.1
                if (!loopback) {
                    found.add(table + " " + fields[1]);
                }
            }
        }
        return found;
    }

    /** The machine's own non-loopback addresses on which something accepts a connection to {@code port}. */
    private static List<String> reachableFromOtherAddresses(int port) throws IOException {
        List<String> reachable = new ArrayList<>();
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().collect(Collectors.toList())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : nic.inetAddresses().collect(Collectors.toList())) {
                if (address.isLoopbackAddress() || (address instanceof Inet6Address && address.isLinkLocalAddress())) {
                    continue;
                }
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress(address, port), 1_000);
                    reachable.add(address.getHostAddress());
                } catch (IOException refused) {
                    // what we want: nothing listens there
                }
            }
        }
        return reachable;
    }

    @Test
    @Tag("task:1")
    void the_key_does_not_appear_on_the_managers_command_line() {
        try (ListManager manager = startManager()) {
            byte[] key = manager.key();
            String commandLine = ProcessHandle.of(manager.pid()).flatMap(p -> p.info().commandLine()).orElse("");

            assertThat(key).as("the manager's key: random bytes (SecureRandom), at least 16 of them")
                    .hasSizeGreaterThanOrEqualTo(16)
                    .isNotEqualTo(new byte[key.length]);
            assertThat(commandLine.toLowerCase(Locale.ROOT))
                    .as("the manager's command line, which any user of the machine can read with ps. Pass the key "
                            + "through the manager's stdin instead")
                    .doesNotContain(HexFormat.of().formatHex(key))
                    .doesNotContain(Base64.getEncoder().encodeToString(key).toLowerCase(Locale.ROOT))
                    .doesNotContain(new String(key, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT));
        }
    }

    @Test
    @Tag("task:1")
    void every_manager_gets_its_own_random_key() {
        byte[] first;
        byte[] second;
        try (ListManager one = startManager()) {
            first = one.key();
        }
        try (ListManager other = startManager()) {
            second = other.key();
        }

        assertThat(second)
                .as("the keys of two managers started one after the other: a fixed key, or one from a Random with a "
                        + "fixed seed, is the same for every manager, so anyone who read the code knows it. Use "
                        + "Handshake.newKey() (SecureRandom) for every manager")
                .isNotEqualTo(first);
    }

    @Test
    @Tag("task:2")
    void the_manager_is_its_own_process_a_child_of_the_test_jvm() {
        try (ListManager manager = startManager();
             ListProxy list = answered("manager.list()", manager::list)) {

            long holder = answered("serverPid()", list::serverPid);

            assertThatProcess(holder).ranOutsideTheTestJvm().isChildOfTheTestJvm();
            assertThat(holder)
                    .as("the pid the list's holder reports from inside must be the manager's pid(): the list lives "
                            + "in the manager's process")
                    .isEqualTo(manager.pid());
        }
    }

    @Test
    @Tag("task:2")
    void two_proxies_open_at_the_same_time_both_get_an_answer() {
        String why = "A manager that serves one connection until it closes leaves every other client waiting: "
                + "serve each client on its own thread.";
        try (ListManager manager = startManager();
             ListProxy first = answered("manager.list()", manager::list)) {
            assertThat(answered("serverPid() through the first proxy", first::serverPid))
                    .as("the pid the manager reports to the first proxy").isEqualTo(manager.pid());

            // On a time-out the manager is killed: that ends the call it never answers, which holds the proxy's lock.
            Runnable killTheManager = () -> ProcessHandle.of(manager.pid()).ifPresent(ProcessTree::kill);
            try (ListProxy second = Bounded.within(CALL_BOUND, "manager.list() for a second proxy while the first "
                    + "one was still open", why).onTimeout(killTheManager).get(manager::list)) {
                long answer = Bounded.within(CALL_BOUND, "serverPid() through a second proxy while the first one "
                        + "was still open", why).onTimeout(killTheManager).get(second::serverPid);

                assertThat(answer)
                        .as("the pid the manager reports to a second proxy, opened while the first one was still "
                                + "open: the same manager process serves both")
                        .isEqualTo(manager.pid());
            }
            assertThat(answered("serverPid() through the first proxy after the second one closed", first::serverPid))
                    .as("the pid the manager reports to the first proxy, which stayed open while the second one "
                            + "came and went")
                    .isEqualTo(manager.pid());
        }
    }

    @Test
    @Tag("task:3")
    void proxies_hand_back_copies_so_changing_a_returned_item_does_not_change_the_managers() {
        try (ListManager manager = startManager();
             ListProxy list = answered("manager.list()", manager::list)) {
            List<String> original = new ArrayList<>(List.of("apple"));
            list.append(original);
            original.add("changed after append");

            @SuppressWarnings("unchecked")
            List<String> returned = (List<String>) list.get(0);
            returned.add("changed after get");

            assertThat(list.get(0))
                    .as("the manager's item after the caller changed both the object it appended and the object "
                            + "get() returned: the manager holds its own copy, and every reply is a new copy")
                    .isEqualTo(List.of("apple"));
            assertThat(list.get(0)).as("two get(0) calls return two copies, never the same object")
                    .isNotSameAs(list.get(0));
        }
    }

    @Test
    @Tag("task:3")
    void get_and_snapshot_refuse_an_item_of_a_class_outside_the_allow_list_without_deserializing_it() {
        try (ListManager manager = startManager();
             ListProxy list = answered("manager.list()", manager::list)) {
            list.append(new Gadget()); // as another client of the manager might
            int before = Gadget.DESERIALIZED.get();

            assertThatExceptionOfType(RuntimeException.class)
                    .as("get(0) of an item of class katas.testkit.Gadget, outside the allow-list katas.manager.*: "
                            + "the bytes another client appended are data, not code; deserialize them with "
                            + "SafeSerialization.fromBytes and the allow-list, as snapshot() does")
                    .isThrownBy(() -> answered("get(0)", () -> list.get(0)));
            assertThatExceptionOfType(RuntimeException.class)
                    .as("snapshot() of a list holding an item of class katas.testkit.Gadget, outside the allow-list")
                    .isThrownBy(() -> answered("snapshot()", list::snapshot));
            assertThat(Gadget.DESERIALIZED.get() - before)
                    .as("how many times the Gadget's readObject ran in the test JVM during get(0) and snapshot(). "
                            + "A plain ObjectInputStream.readObject() runs the readObject of ANY class whose bytes "
                            + "arrive, before you can check its type: the allow-list must refuse it first")
                    .isZero();
        }
    }

    @Test
    @Tag("task:3")
    void an_item_that_cannot_be_serialized_fails_in_the_caller_and_the_proxy_keeps_working() {
        try (ListManager manager = startManager();
             ListProxy list = answered("manager.list()", manager::list)) {

            assertThatExceptionOfType(IllegalArgumentException.class)
                    .as("append(new Object()): a plain Object is not Serializable, so it cannot be sent. Serialize "
                            + "with SafeSerialization.toBytes BEFORE writing anything to the socket, and let its "
                            + "IllegalArgumentException reach the caller")
                    .isThrownBy(() -> answered("append(new Object())", () -> {
                        list.append(new Object());
                        return null;
                    }))
                    .withMessageContaining("java.lang.Object");
            list.append("fine");
            assertThat(answered("snapshot()", list::snapshot))
                    .as("the list after a failed and a good append: the failed one must have sent nothing, or the "
                            + "stream between proxy and manager is out of step")
                    .containsExactly("fine");
        }
    }

    @Test
    @Tag("task:3")
    void two_proxies_open_at_the_same_time_are_served_side_by_side() {
        try (ListManager manager = startManager();
             ListProxy first = answered("manager.list()", manager::list)) {
            first.append("a");

            ListProxy second;
            try {
                second = Bounded.within(CALL_BOUND, "manager.list() for a second proxy while the first one was still "
                        + "open", "A manager that serves one connection until it closes leaves every other client "
                        + "waiting: serve each client on its own thread.").get(manager::list);
            } catch (IllegalStateException e) {
                throw new AssertionError("a second proxy could not get an answer while the first one was still open. "
                        + "A manager that serves one connection until it closes leaves every other client waiting: "
                        + "serve each client on its own thread", e);
            }
            try (second) {
                second.append("b");
                first.append("c");
                assertThat(second.snapshot()).as("the list as the second proxy sees it")
                        .containsExactly("a", "b", "c");
            }
        }
    }

    @Test
    @Tag("task:4")
    void five_child_processes_each_append_their_number_and_the_list_holds_exactly_those_five() throws Exception {
        try (ListManager manager = startManager();
             ChildJvmFleet clients = new ChildJvmFleet();
             ListProxy list = answered("manager.list()", manager::list)) {
            for (int number = 1; number <= 5; number++) {
                startWorking(clients, manager, AppendsItsNumber.class, String.valueOf(number));
            }
            awaitAllSucceeded(clients);

            assertThat(answered("snapshot()", list::snapshot))
                    .as("the managed list after five client processes each appended their number (in any order)")
                    .containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        }
    }

    @Test
    @Tag("task:4")
    void four_processes_appending_thousands_of_items_each_at_the_same_moment_lose_nothing() throws Exception {
        try (ListManager manager = startManager();
             ChildJvmFleet clients = new ChildJvmFleet();
             ListProxy list = answered("manager.list()", manager::list)) {
            for (int p = 0; p < RACING_CLIENTS; p++) {
                startWaiting(clients, manager, AppendsMany.class, "p" + p, String.valueOf(APPENDS_EACH));
            }
            awaitAllConnected(clients);
            clients.closeAllInputs(); // the starting shot: every client goes at the same moment
            awaitAllSucceeded(clients);

            List<Object> items = snapshotAfterRace(list);
            List<String> missing = IntStream.range(0, RACING_CLIENTS).boxed()
                    .flatMap(p -> IntStream.range(0, APPENDS_EACH).mapToObj(i -> "p" + p + "-" + i))
                    .filter(not(new HashSet<>(items)::contains))
                    .collect(Collectors.toList());
            assertThat(missing)
                    .as("the items missing from the managed list after %d processes appended %,d items each, all "
                            + "at the same moment (%,d of %,d items missing). Two of the manager's threads changed "
                            + "its list at once and one change overwrote the other: guard every access to the list "
                            + "(synchronized, or a synchronized list)", RACING_CLIENTS, APPENDS_EACH,
                            missing.size(), RACING_CLIENTS * APPENDS_EACH)
                    .isEmpty();
            assertThat(items.size())
                    .as("the size of the managed list after %d processes appended %,d items each, every item there "
                            + "at least once: more means an item was stored twice or a slot was left empty, because "
                            + "two threads changed the list at once", RACING_CLIENTS, APPENDS_EACH)
                    .isEqualTo(RACING_CLIENTS * APPENDS_EACH);
        }
    }

    private static List<Object> snapshotAfterRace(ListProxy list) {
        try {
            return answered("snapshot() after the race", list::snapshot);
        } catch (IllegalStateException e) {
            throw new AssertionError("the manager stopped answering when asked for its list after several clients "
                    + "had appended at the same time. Look for an exception in the manager's thread, such as a "
                    + "NullPointerException or an ArrayIndexOutOfBoundsException from a list that two threads "
                    + "changed at once: guard every access to the list", e);
        }
    }

    @Test
    @Tag("task:4")
    void one_proxy_used_from_four_threads_at_once_loses_no_call() throws Exception {
        int threads = 4;
        int appendsEach = 500;
        try (ListManager manager = startManager();
             ListProxy list = answered("manager.list()", manager::list)) {
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Thread> appenders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread appender = new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < appendsEach; i++) {
                            list.append(thread * appendsEach + i);
                        }
                    } catch (Throwable failure) {
                        failures.add(failure);
                    }
                });
                appender.start();
                appenders.add(appender);
            }
            start.countDown();
            Bounded.within(CALL_BOUND, threads + " threads appending " + appendsEach + " items each through ONE "
                    + "proxy", "Two threads' requests and replies mixed up on the one connection can leave a thread "
                    + "waiting for a reply that another thread read.").run(() -> {
                        for (Thread appender : appenders) {
                            appender.join();
                        }
                    });

            assertThat(failures)
                    .as("what the appends of %d threads sharing one proxy threw. A proxy may be used from several "
                            + "threads: each call (write the request, read its reply) must hold the proxy's lock "
                            + "(synchronized), or two threads' bytes interleave on the one socket", threads)
                    .isEmpty();
            assertThat(answered("size()", list::size))
                    .as("size() after %d threads appended %d items each through one proxy", threads, appendsEach)
                    .isEqualTo(threads * appendsEach);
        }
    }

    @Test
    @Tag("task:5")
    void a_client_with_the_wrong_key_is_refused_and_the_right_key_still_works() {
        try (ListManager manager = startManager()) {
            byte[] wrongKey = manager.key();
            wrongKey[0] ^= 1;

            assertThatExceptionOfType(AuthenticationFailedException.class)
                    .as("connecting with a key that differs from the manager's in one bit: ListProxy.connect must "
                            + "throw AuthenticationFailedException when Handshake.answer returns false")
                    .isThrownBy(() -> answered("connect with a wrong key",
                            () -> ListProxy.connect(manager.address(), wrongKey)).close())
                    .isInstanceOf(SecurityException.class);
            try (ListProxy list = answered("connect with the right key",
                    () -> ListProxy.connect(manager.address(), manager.key()))) {
                list.append("still serving");
                assertThat(answered("size()", list::size))
                        .as("size() through a proxy with the right key, after a refused client")
                        .isEqualTo(1);
            }
        }
    }

    /**
     * A hostile peer does not use ListProxy: it reads the challenge, sends a wrong answer, ignores the verdict and
     * sends request bytes anyway. Only the manager can stop it, by closing the connection after a refusal.
     */
    @Test
    @Tag("task:5")
    void a_peer_that_fails_the_handshake_and_sends_requests_anyway_is_disconnected_unserved() throws Exception {
        try (ListManager manager = startManager();
             Socket hostile = peerOf(manager)) {
            DataInputStream in = new DataInputStream(hostile.getInputStream());
            OutputStream out = hostile.getOutputStream();
            challengeFrom(in);
            out.write(new byte[32]); // an answer made without the key
            out.flush();
            int verdict = in.read();
            assertThat(verdict)
                    .as("the manager's verdict on a wrong answer to its challenge (Handshake.challenge writes "
                            + "false, the byte 0)")
                    .isZero();

            String afterRefusal = whatAHostilePeerGetsForRequests(in, out);

            assertThat(afterRefusal)
                    .as("what a peer that failed the handshake got when it ignored the verdict and sent request "
                            + "bytes anyway. ListProxy gives up on a refusal, but an attacker does not use "
                            + "ListProxy: when Handshake.challenge returns false the manager must close that "
                            + "connection and read nothing more from it")
                    .isEqualTo("the connection was closed");
            try (ListProxy list = answered("manager.list()", manager::list)) {
                assertThat(answered("size()", list::size))
                        .as("the managed list after a refused peer sent its request bytes: nothing it sent may "
                                + "reach the list")
                        .isZero();
            }
        }
    }

    /** A plain socket connected to the manager, as a peer that does not use ListProxy has. */
    private static Socket peerOf(ListManager manager) throws IOException {
        String address = manager.address();
        int colon = address.lastIndexOf(':');
        Socket peer = new Socket();
        try {
            peer.connect(new InetSocketAddress(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1))), HOSTILE_WAIT_MS);
            peer.setSoTimeout(HOSTILE_WAIT_MS);
            return peer;
        } catch (IOException | RuntimeException e) {
            peer.close();
            throw e;
        }
    }

    /** The 32 bytes a manager sends first on every new connection. */
    private static byte[] challengeFrom(DataInputStream in) {
        byte[] challenge = new byte[32];
        try {
            in.readFully(challenge);
            return challenge;
        } catch (IOException e) {
            throw new AssertionError("a new connection to the manager got no 32-byte challenge within "
                    + HOSTILE_WAIT_MS + " ms (" + e + "). Run Handshake.challenge first thing on every new "
                    + "connection, before reading anything else from it", e);
        }
    }

    /** Sends bytes shaped like requests of many kinds (an opcode, then zeros) and says what came back. */
    private static String whatAHostilePeerGetsForRequests(DataInputStream in, OutputStream out) {
        try {
            for (int opcode = 1; opcode <= 16; opcode++) {
                out.write(new byte[] {(byte) opcode, 0, 0, 0, 0, 0, 0, 0, 0});
            }
            out.flush();
        } catch (IOException closedAlready) {
            return "the connection was closed";
        }
        try {
            int first = in.read();
            return first == -1 ? "the connection was closed"
                    : "a reply: the manager served it (first byte of the reply: " + first + ")";
        } catch (SocketTimeoutException stillOpen) {
            return "no reply within " + HOSTILE_WAIT_MS + " ms, but the connection stayed open: the manager went on "
                    + "reading requests from it";
        } catch (IOException reset) {
            return "the connection was closed";
        }
    }

    @Test
    @Tag("task:5")
    void a_proxy_left_idle_for_longer_than_the_handshake_may_take_still_works() throws Exception {
        try (ListManager manager = startManager();
             ListProxy list = answered("manager.list()", manager::list)) {
            list.append("before the pause");

            Thread.sleep(IDLE_MS);

            assertThat(answered("size() after " + IDLE_MS + " ms idle", list::size))
                    .as("size() through a proxy that was idle for %d ms, longer than the %d s the manager gives a "
                            + "peer to finish the handshake. The handshake's read timeout protects the manager from "
                            + "a peer that never answers; once the peer has authenticated, clear it "
                            + "(setSoTimeout(0)), or every proxy left idle that long is dropped", IDLE_MS,
                            HANDSHAKE_SECONDS)
                    .isEqualTo(1);
        }
    }

    @Test
    @Tag("task:6")
    void an_index_out_of_range_on_the_server_reaches_the_caller_as_index_out_of_bounds() {
        try (ListManager manager = startManager();
             ListProxy list = answered("manager.list()", manager::list)) {
            for (String item : List.of("first", "second", "third")) {
                list.append(item);
            }

            assertThatExceptionOfType(IndexOutOfBoundsException.class)
                    .as("get(7) on a managed list of three items: the manager's error must come back to the caller "
                            + "as an IndexOutOfBoundsException (not an IllegalStateException from a connection the "
                            + "manager dropped), naming the index 7 and the size 3")
                    .isThrownBy(() -> answered("get(7)", () -> list.get(7)))
                    .withMessageMatching("(?s).*\\b7\\b.*")
                    .withMessageMatching("(?s).*\\b3\\b.*");
            assertThatExceptionOfType(IndexOutOfBoundsException.class)
                    .as("get(-1) on a managed list of three items: a negative index is out of range too. Check "
                            + "index >= 0 in the manager; List.get(-1) throwing in the manager's thread ends that "
                            + "client's connection instead of answering it")
                    .isThrownBy(() -> answered("get(-1)", () -> list.get(-1)))
                    .withMessageMatching("(?s).*-1\\b.*");
            assertThat(answered("get(2)", () -> list.get(2)))
                    .as("get(2) through the same proxy after the failed calls: an error reply must leave the "
                            + "connection usable")
                    .isEqualTo("third");
        }
    }

    @Test
    @Tag("task:6")
    void a_closed_proxy_refuses_further_calls_and_the_managers_list_is_unaffected() {
        try (ListManager manager = startManager()) {
            ListProxy list = answered("manager.list()", manager::list);
            list.append("before close");
            list.close();

            assertThatExceptionOfType(IllegalStateException.class)
                    .as("size() through a proxy after its own close(): a closed proxy must refuse with an "
                            + "IllegalStateException, as a closed stream does")
                    .isThrownBy(() -> answered("size() on a closed proxy", list::size));
            try (ListProxy another = answered("manager.list()", manager::list)) {
                assertThat(answered("snapshot()", another::snapshot))
                        .as("the list through a new proxy: closing one proxy ends its connection, not the list")
                        .containsExactly("before close");
            }
        }
    }

    @Test
    @Tag("task:6")
    void using_a_proxy_after_the_manager_was_closed_fails_clearly_instead_of_hanging() {
        ListManager manager = startManager();
        try (ListProxy list = answered("manager.list()", manager::list)) {
            list.append("before close");
            manager.close();

            Bounded.within(PROMPTLY, "size() and a new connection on a proxy of a closed manager", "A proxy of a "
                    + "closed manager must fail, not wait forever for a reply: give the socket a read timeout and a "
                    + "connect timeout.").run(() -> {
                assertThatExceptionOfType(IllegalStateException.class)
                        .as("size() through a proxy whose manager was closed: the connection has ended, so the "
                                + "proxy must turn the IOException into an IllegalStateException naming the manager")
                        .isThrownBy(list::size);
                assertThatExceptionOfType(IllegalStateException.class)
                        .as("connecting a new proxy to a manager that was closed: nothing listens there any more, "
                                + "so ListProxy.connect must fail with an IllegalStateException")
                        .isThrownBy(() -> ListProxy.connect(manager.address(), manager.key()).close());
            });
        } finally {
            manager.close();
        }
    }

    @Test
    @Tag("task:6")
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "freezes the manager with SIGSTOP, which Windows does not have")
    void a_call_to_a_manager_that_stopped_answering_gives_up_after_a_read_timeout() throws Exception {
        try (ListManager manager = startManager();
             ListProxy list = answered("manager.list()", manager::list)) {
            list.append("before the freeze");
            Process freezer = freeze(manager.pid()); // the manager is frozen: alive, connected, and silent
            try {
                Bounded.within(CALL_BOUND, "size() on a proxy whose manager is frozen (SIGSTOP)", "A manager that "
                        + "is alive but does not answer never closes the connection, so only a read timeout ends the "
                        + "wait: Socket.setSoTimeout (a few seconds), and turn the SocketTimeoutException into an "
                        + "IllegalStateException.").run(() -> assertThatExceptionOfType(IllegalStateException.class)
                                .as("size() through a proxy whose manager is alive but frozen (SIGSTOP): after the "
                                        + "proxy's read timeout it must give up with an IllegalStateException")
                                .isThrownBy(list::size));
            } finally {
                signal("CONT", manager.pid());
                ProcessTree.kill(freezer.toHandle());
            }
        }
    }

    /**
     * Freezes a process with SIGSTOP until this test sends SIGCONT, or for {@value #THAW_AFTER_SECONDS} s at most: a
     * shell, not this JVM, sends the last SIGCONT. A frozen process runs nothing, not even its lifeline, so if this
     * JVM were killed while the manager is frozen (a test runner's time-out) it would otherwise stay frozen for ever.
     */
    private static Process freeze(long pid) throws Exception {
        Process freezer = new ProcessBuilder("sh", "-c", "kill -STOP \"$1\" && echo frozen; sleep "
                + THAW_AFTER_SECONDS + "; kill -CONT \"$1\"", "sh", String.valueOf(pid))
                .redirectErrorStream(true).start();
        String said = Bounded.within(Duration.ofSeconds(5), "the shell that freezes the manager with kill -STOP",
                "The test's own tool: is sh on the PATH?").onTimeout(() -> ProcessTree.kill(freezer.toHandle()))
                .get(() -> new String(freezer.getInputStream().readNBytes("frozen\n".length()),
                        StandardCharsets.UTF_8));
        assertThat(said).as("what the shell said after kill -STOP %d (the test's own tool for freezing the manager)",
                pid).isEqualTo("frozen\n");
        return freezer;
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kill.waitFor())
                .as("exit status of kill -%s %d (the test's own tool for freezing the manager): %s", signal, pid,
                        output)
                .isZero();
    }
}
