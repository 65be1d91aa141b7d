package katas.manager;

import static java.util.function.Predicate.not;
import static katas.kit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import katas.kit.CapturedProcess;
import katas.kit.ExitCodes;
import katas.kit.JavaProcess;
import katas.kit.KataTest;
import katas.kit.ProcessTree;
import katas.manager.fixtures.AppendsItsNumber;
import katas.manager.fixtures.AppendsMany;
import katas.manager.fixtures.StartsManagerThenWaits;
import org.junit.jupiter.api.Test;

@KataTest
class ListManagerTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PLENTY = Duration.ofSeconds(15);
    private static final Duration PROMPTLY = Duration.ofSeconds(8);
    private static final int RACING_CLIENTS = 4;
    private static final int APPENDS_EACH = 2_500;

    /** Starts client processes that get the manager's address and key on stdin, and kills any left running. */
    private static final class Clients implements AutoCloseable {

        private final List<CapturedProcess> started = new ArrayList<>();

        /** Starts a client and closes its stdin after the address and the key: it works at once. */
        void start(ListManager manager, Class<?> mainClass, String... args) throws IOException {
            startWaiting(manager, mainClass, args).process().getOutputStream().close();
        }

        /** Starts a client that connects and then waits for {@link #fireStartingShot()}. */
        CapturedProcess startWaiting(ListManager manager, Class<?> mainClass, String... args) throws IOException {
            CapturedProcess client = JavaProcess.of(mainClass).withArgs(args).startCapturingOutput();
            started.add(client);
            OutputStream stdin = client.process().getOutputStream();
            stdin.write((manager.address() + "\n" + HexFormat.of().formatHex(manager.key()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            return client;
        }

        /** Waits until every client has said it is connected, so that none of them is still starting its JVM. */
        void awaitAllConnected() throws InterruptedException {
            for (CapturedProcess client : started) {
                boolean connected = client.stdout().awaitLine(line -> line.startsWith("connected"), PLENTY);
                assertThat(connected)
                        .as("client pid %d connecting to the manager (it prints 'connected' once ListProxy.connect "
                                + "returned); its error output:%n%s", client.pid(), client.stderr().text())
                        .isTrue();
            }
        }

        /** Lets every waiting client go at the same moment (each one waits for the end of its stdin). */
        void fireStartingShot() throws IOException {
            for (CapturedProcess client : started) {
                client.process().getOutputStream().close();
            }
        }

        void awaitAllSucceeded() throws InterruptedException {
            for (CapturedProcess client : started) {
                int code = client.awaitExit(PLENTY);
                assertThat(code)
                        .as("exit code of client pid %d%s. A client fails when the manager stops answering it, for "
                                + "example after an exception in the manager's thread that serves it. Its error "
                                + "output:%n%s", client.pid(), ExitCodes.explain(code), client.stderr().text())
                        .isZero();
            }
        }

        @Override
        public void close() {
            started.stream().filter(c -> c.process().isAlive()).forEach(c -> ProcessTree.kill(c.process().toHandle()));
        }
    }

    @Test
    void the_manager_is_its_own_process_a_child_of_the_test_jvm() {
        try (ListManager manager = ListManager.start();
             ListProxy list = manager.list()) {

            long holder = list.serverPid();

            assertThatProcess(holder).ranOutsideTheTestJvm().isChildOfTheTestJvm();
            assertThat(holder)
                    .as("the pid the list's holder reports from inside must be the manager's pid(): the list lives "
                            + "in the manager's process")
                    .isEqualTo(manager.pid());
        }
    }

    @Test
    void after_close_the_managers_process_is_gone() {
        long pid;
        try (ListManager manager = ListManager.start()) {
            pid = manager.pid();
            assertThatProcess(pid).ranOutsideTheTestJvm().isAlive();
        }

        assertThatProcess(pid).isDeadWithin(PROMPTLY);
    }

    @Test
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
    void five_child_processes_each_append_their_number_and_the_list_holds_exactly_those_five() throws Exception {
        try (ListManager manager = ListManager.start();
             Clients clients = new Clients();
             ListProxy list = manager.list()) {
            for (int number = 1; number <= 5; number++) {
                clients.start(manager, AppendsItsNumber.class, String.valueOf(number));
            }
            clients.awaitAllSucceeded();

            assertThat(list.snapshot())
                    .as("the managed list after five client processes each appended their number (in any order)")
                    .containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        }
    }

    @Test
    void four_processes_appending_thousands_of_items_each_at_the_same_moment_lose_nothing() throws Exception {
        try (ListManager manager = ListManager.start();
             Clients clients = new Clients();
             ListProxy list = manager.list()) {
            for (int p = 0; p < RACING_CLIENTS; p++) {
                clients.startWaiting(manager, AppendsMany.class, "p" + p, String.valueOf(APPENDS_EACH));
            }
            clients.awaitAllConnected();
            clients.fireStartingShot();
            clients.awaitAllSucceeded();

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
            return list.snapshot();
        } catch (IllegalStateException e) {
            throw new AssertionError("the manager stopped answering when asked for its list after several clients "
                    + "had appended at the same time. Look for an exception in the manager's thread, such as a "
                    + "NullPointerException or an ArrayIndexOutOfBoundsException from a list that two threads "
                    + "changed at once: guard every access to the list", e);
        }
    }

    @Test
    void two_proxies_open_at_the_same_time_are_served_side_by_side() {
        try (ListManager manager = ListManager.start();
             ListProxy first = manager.list()) {
            first.append("a");

            ListProxy second;
            try {
                second = manager.list();
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
    void proxies_hand_back_copies_so_changing_a_returned_item_does_not_change_the_managers() {
        try (ListManager manager = ListManager.start();
             ListProxy list = manager.list()) {
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
    void a_client_with_the_wrong_key_is_refused_and_the_right_key_still_works() {
        try (ListManager manager = ListManager.start()) {
            byte[] wrongKey = manager.key();
            wrongKey[0] ^= 1;

            assertThatThrownBy(() -> ListProxy.connect(manager.address(), wrongKey).close())
                    .as("connecting with a key that differs from the manager's in one bit")
                    .isInstanceOf(AuthenticationFailedException.class)
                    .isInstanceOf(SecurityException.class);
            try (ListProxy list = ListProxy.connect(manager.address(), manager.key())) {
                list.append("still serving");
                assertThat(list.size()).as("size() through a proxy with the right key, after a refused client")
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void the_manager_listens_on_the_loopback_interface_only() throws Exception {
        try (ListManager manager = ListManager.start()) {
            String host = manager.address().substring(0, manager.address().lastIndexOf(':'));

            assertThat(InetAddress.getByName(host).isLoopbackAddress())
                    .as("the manager's address %s: listen on InetAddress.getLoopbackAddress(), so that no other "
                            + "machine can even try a key", manager.address())
                    .isTrue();
        }
    }

    @Test
    void the_key_does_not_appear_on_the_managers_command_line() {
        try (ListManager manager = ListManager.start()) {
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
    void an_index_out_of_range_on_the_server_reaches_the_caller_as_index_out_of_bounds() {
        try (ListManager manager = ListManager.start();
             ListProxy list = manager.list()) {
            list.append("only item");

            assertThatThrownBy(() -> list.get(5))
                    .as("get(5) on a managed list of one item: the manager's error must come back to the caller as "
                            + "an IndexOutOfBoundsException naming the index and the size")
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContainingAll("5", "1");
            assertThat(list.get(0)).as("get(0) through the same proxy after the failed call").isEqualTo("only item");
        }
    }

    @Test
    void an_item_that_cannot_be_serialized_fails_in_the_caller_and_the_proxy_keeps_working() {
        try (ListManager manager = ListManager.start();
             ListProxy list = manager.list()) {

            assertThatThrownBy(() -> list.append(new Object()))
                    .as("append(new Object()): a plain Object is not Serializable, so it cannot be sent")
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("java.lang.Object");
            list.append("fine");
            assertThat(list.snapshot()).as("the list after a failed and a good append").containsExactly("fine");
        }
    }

    @Test
    void a_closed_proxy_refuses_further_calls_and_the_managers_list_is_unaffected() {
        try (ListManager manager = ListManager.start()) {
            ListProxy list = manager.list();
            list.append("before close");
            list.close();

            assertThatThrownBy(list::size)
                    .as("size() through a proxy after its own close(): a closed proxy must refuse, as a closed "
                            + "stream does")
                    .isInstanceOf(IllegalStateException.class);
            try (ListProxy another = manager.list()) {
                assertThat(another.snapshot())
                        .as("the list through a new proxy: closing one proxy ends its connection, not the list")
                        .containsExactly("before close");
            }
        }
    }

    @Test
    void using_a_proxy_after_the_manager_was_closed_fails_clearly_instead_of_hanging() {
        ListManager manager = ListManager.start();
        try (ListProxy list = manager.list()) {
            list.append("before close");
            manager.close();

            assertTimeoutPreemptively(PROMPTLY, () -> {
                assertThatThrownBy(list::size)
                        .as("size() through a proxy whose manager was closed")
                        .isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> ListProxy.connect(manager.address(), manager.key()).close())
                        .as("connecting a new proxy to a manager that was closed")
                        .isInstanceOf(IllegalStateException.class);
            }, "a proxy of a closed manager must fail at once, not wait forever for a reply");
        } finally {
            manager.close();
        }
    }
}
