package katas.manager;

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
import org.junit.jupiter.api.Test;

@KataTest
class ListManagerTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PLENTY = Duration.ofSeconds(15);
    private static final Duration PROMPTLY = Duration.ofSeconds(8);

    /** Starts client processes that get the manager's address and key on stdin, and kills any left running. */
    private static final class Clients implements AutoCloseable {

        private final List<CapturedProcess> started = new ArrayList<>();

        void start(ListManager manager, Class<?> mainClass, String... args) throws IOException {
            CapturedProcess client = JavaProcess.of(mainClass).withArgs(args).startCapturingOutput();
            started.add(client);
            try (OutputStream stdin = client.process().getOutputStream()) {
                stdin.write((manager.address() + "\n" + HexFormat.of().formatHex(manager.key()) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }

        void awaitAllSucceeded() throws InterruptedException {
            for (CapturedProcess client : started) {
                int code = client.awaitExit(PLENTY);
                assertThat(code)
                        .as("exit code of client pid %d%s; its error output:%n%s", client.pid(),
                                ExitCodes.explain(code), client.stderr().text())
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
    void four_processes_appending_five_hundred_items_each_lose_nothing() throws Exception {
        int each = 500;
        try (ListManager manager = ListManager.start();
             Clients clients = new Clients();
             ListProxy list = manager.list()) {
            for (int p = 0; p < 4; p++) {
                clients.start(manager, AppendsMany.class, "p" + p, String.valueOf(each));
            }
            clients.awaitAllSucceeded();

            List<Object> expected = IntStream.range(0, 4).boxed()
                    .flatMap(p -> IntStream.range(0, each).mapToObj(i -> "p" + p + "-" + i))
                    .collect(Collectors.toList());
            assertThat(list.snapshot())
                    .as("the managed list after 4 processes appended %d items each. Missing or doubled items mean "
                            + "the manager's list is not guarded against its clients' concurrent requests", each)
                    .hasSize(4 * each)
                    .containsExactlyInAnyOrderElementsOf(expected);
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

            assertThat(key).as("the manager's key: random bytes, at least 16 of them").hasSizeGreaterThanOrEqualTo(16);
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
