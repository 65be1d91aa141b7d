package katas.queue;

import static katas.queue.QueueCalls.PLENTY;
import static katas.queue.QueueCalls.PRODUCER_MAY_HANG;
import static katas.queue.QueueCalls.within;
import static katas.testkit.ChildJvmFleet.describeExit;
import static katas.testkit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import katas.process.CapturedProcess;
import katas.process.ProcessTree;
import katas.queue.fixtures.GetsWithATimeout;
import katas.queue.fixtures.PutsABigItem;
import katas.queue.fixtures.PutsAGadgetThenItsPid;
import katas.queue.fixtures.PutsAThreadThenItsPid;
import katas.queue.fixtures.PutsItsPid;
import katas.queue.fixtures.WaitsForAnItem;
import katas.testkit.Bounded;
import katas.testkit.ChildJvmFleet;
import katas.testkit.Gadget;
import katas.testkit.KataTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a {@link QueueClient} in one process does with a {@link ProcessQueue} owned by another. */
@KataTest
class QueueClientTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();

    /** get(PLENTY) in the test JVM, bounded in case the learner's get(timeout) does not honour its timeout. */
    private static Optional<Object> getWithin(ProcessQueue queue, QueueClient client, String whatWeWaitFor) {
        return within(queue, "get(8 s) in the test JVM, for " + whatWeWaitFor, "get(timeout) must return "
                + "Optional.empty() once its timeout has passed: does the owner poll with the timeout?")
                .get(() -> client.get(PLENTY));
    }

    /**
     * Waits until a consumer process has printed "connected": it has connected and had its first answer, to a
     * get(Duration.ZERO) on the empty queue.
     */
    private static void awaitConnected(CapturedProcess consumer) throws InterruptedException {
        assertThat(consumer.stdout().awaitLine("connected"::equals, PLENTY))
                .as("whether the consumer process (pid %d) printed 'connected' within %d s. It first calls "
                        + "get(Duration.ZERO) on the empty queue, which must return Optional.empty() at once "
                        + "(zero means 'do not wait', not 'wait for ever'). Its stderr: %s", consumer.pid(),
                        PLENTY.toSeconds(), consumer.stderr().text())
                .isTrue();
    }

    /** Puts the Integers 0 .. count - 1 from a client of the test JVM, and closes it: then the queue holds them. */
    private static void putAndClose(ProcessQueue queue, int count) {
        QueueClient producer = QueueClient.connect(queue.address());
        within(queue, count + " puts and close() in the test JVM").run(() -> {
            for (int i = 0; i < count; i++) {
                producer.put(i);
            }
            producer.close();
        });
    }

    @Test
    @Tag("task:1")
    void closing_a_client_or_a_queue_a_second_time_does_nothing() {
        ProcessQueue queue = new ProcessQueue();
        QueueClient client = QueueClient.connect(queue.address());
        client.close();
        assertThatCode(client::close)
                .as("a second close() of a QueueClient, as try-with-resources does after an explicit close(): it "
                        + "must do nothing, not throw")
                .doesNotThrowAnyException();
        queue.close();
        assertThatCode(queue::close)
                .as("a second close() of a ProcessQueue, as try-with-resources does after an explicit close(): it "
                        + "must do nothing, not throw")
                .doesNotThrowAnyException();
    }

    @Test
    @Tag("task:1")
    void a_closed_queue_cleans_up_its_socket_and_refuses_new_clients_clearly() {
        ProcessQueue queue = new ProcessQueue();
        String address = queue.address();
        queue.close();

        assertThat(Path.of(address))
                .as("the socket file at the queue's address after close(): removed, so nothing is left in the "
                        + "temporary directory (delete the socket file, then its directory)")
                .doesNotExist();
        Path directory = Path.of(address).getParent();
        if (directory != null) {
            assertThat(directory).as("the queue's private directory after close(): removed too").doesNotExist();
        }
        assertThatExceptionOfType(IllegalStateException.class)
                .as("QueueClient.connect to a queue that was closed: an IllegalStateException saying that no queue "
                        + "is served there")
                .isThrownBy(() -> QueueClient.connect(address));
    }

    @Test
    @Tag("task:1")
    void the_socket_is_in_a_directory_that_only_this_user_can_enter() throws Exception {
        try (ProcessQueue queue = new ProcessQueue()) {
            Path socket = Path.of(queue.address()).toAbsolutePath();
            Assumptions.assumeTrue(Files.exists(socket), "the address is not a socket file");
            Path directory = socket.getParent();
            Assumptions.assumeTrue(Files.getFileStore(directory).supportsFileAttributeView("posix"),
                    "only a POSIX file system has permission bits to check");

            assertThat(Files.getPosixFilePermissions(directory))
                    .as("the permissions of %s, the directory of the queue's socket. Any other user who can enter it "
                            + "can connect to the queue and put or take items: make it with "
                            + "Files.createTempDirectory, which only its owner may enter", directory)
                    .containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE);
        }
    }

    @Test
    @Tag("task:2")
    void get_with_a_timeout_under_a_second_on_an_empty_queue_gives_up_after_about_that_timeout() throws Exception {
        List<Long> timeouts = List.of(0L, 120L, 40L, 300L, 80L);
        long sum = timeouts.stream().mapToLong(Long::longValue).sum();
        try (ProcessQueue queue = new ProcessQueue(); ChildJvmFleet children = new ChildJvmFleet()) {
            CapturedProcess consumer = children.start(GetsWithATimeout.class, queue.address(), "0", "120", "40",
                    "300", "80");

            assertThat(children.exitCodeOf(consumer, "consumer", PLENTY,
                    "It calls get(0 ms), get(120 ms), get(40 ms), get(300 ms) "
                    + "and get(80 ms) on an empty queue, and prints a line after each: the last line shows the get "
                    + "that did not give up. get(Duration.ZERO) means 'do not wait', not 'wait for ever'."))
                    .as("exit code of the consumer: %s", describeExit(consumer)).isZero();
            List<String> lines = consumer.stdout().lines();
            assertThat(lines).as("the consumer's lines, one per get(timeout)").hasSameSizeAs(timeouts);

            long waitedInAll = 0;
            for (int i = 0; i < timeouts.size(); i++) {
                String line = lines.get(i);
                long pid = Long.parseLong(line.replaceAll("pid=(\\d+) .*", "$1"));
                long waited = Long.parseLong(line.replaceAll(".* waited=(\\d+)", "$1"));
                waitedInAll += waited;

                assertThatProcess(pid).ranOutsideTheTestJvm();
                assertThat(line).as("what get(%d ms) on an empty queue returned in the consumer process: an empty "
                        + "Optional is the signal that nothing came", timeouts.get(i)).contains("got=Optional.empty");
                assertThat(waited)
                        .as("how long, in ms, get(%d ms) waited on an empty queue: at least the timeout. Less means "
                                + "the timeout was cut short, for example turned into whole seconds (%d ms is 0 s)",
                                timeouts.get(i), timeouts.get(i))
                        .isGreaterThanOrEqualTo(timeouts.get(i) - 20);
            }
            assertThat(waitedInAll)
                    .as("how long, in ms, the five gets with timeouts under a second (%d ms in all) waited together. "
                            + "Far more means a timeout was rounded up, for example to whole seconds (that would "
                            + "be at least 4000 ms): send the timeout in milliseconds and poll(timeout, MILLISECONDS)",
                            sum)
                    .isLessThan(sum + 2500);
        }
    }

    @Test
    @Tag("task:3")
    void an_item_carries_the_pid_of_the_producer_process_which_is_not_the_test_jvm() throws Exception {
        try (ProcessQueue queue = new ProcessQueue(); ChildJvmFleet children = new ChildJvmFleet();
                QueueClient parent = QueueCalls.connectServed(queue)) {
            CapturedProcess producer = children.start(PutsItsPid.class, queue.address());
            assertThat(children.exitCodeOf(producer, "producer", PLENTY, PRODUCER_MAY_HANG))
                    .as("exit code of the producer: %s", describeExit(producer)).isZero();

            Object item = getWithin(queue, parent, "the pid a producer process put").orElse(null);

            assertThat(item).as("the item a producer process put: its own pid, as a Long").isInstanceOf(Long.class);
            assertThatProcess((Long) item).ranOutsideTheTestJvm();
            assertThat((Long) item)
                    .as("the pid inside the item must be the producer's; the test JVM is pid %d", TEST_JVM)
                    .isEqualTo(producer.pid());
        }
    }

    @Test
    @Tag("task:3")
    void a_get_that_timed_out_leaves_nothing_behind_so_the_next_item_goes_to_the_next_get() throws Exception {
        try (ProcessQueue queue = new ProcessQueue(); ChildJvmFleet children = new ChildJvmFleet();
                QueueClient parent = QueueCalls.connectServed(queue);
                QueueClient other = QueueClient.connect(queue.address())) {
            assertThat(within(queue, "get(300 ms) on an empty queue").get(() -> parent.get(Duration.ofMillis(300))))
                    .as("get(300 ms) on an empty queue: nothing came, so an empty Optional").isEmpty();

            CapturedProcess producer = children.start(PutsItsPid.class, queue.address());
            assertThat(children.exitCodeOf(producer, "producer", PLENTY, PRODUCER_MAY_HANG))
                    .as("exit code of the producer: %s", describeExit(producer)).isZero();
            assertThat(queue.size())
                    .as("items in the queue after a producer process put one, nobody asking for it: 0 means the "
                            + "owner still served the get(300 ms) that had given up, and sent the item to a client "
                            + "that was no longer waiting. The owner must time the get out (poll with the timeout), "
                            + "not the client")
                    .isEqualTo(1);
            assertThat(within(queue, "get() on the client whose get(300 ms) had timed out, for the item that is in "
                    + "the queue", "Did the owner send it to the abandoned request, or is the client's stream out of "
                    + "step (an answer to the old request still unread)?").get(() -> parent.get()))
                    .as("get() on the same client whose get(300 ms) timed out: the producer's item (its pid)")
                    .isEqualTo(producer.pid());

            other.put("next");
            assertThat(within(queue, "get(3 s) right after a put").get(() -> other.get(Duration.ofSeconds(3))))
                    .as("a get on another client right after its own put: nothing of the timed-out get may be left "
                            + "waiting in the owner to take the item first")
                    .contains("next");
        }
    }

    @Test
    @Tag("task:3")
    void a_one_mebibyte_item_arrives_intact() throws Exception {
        int size = 1 << 20;
        try (ProcessQueue queue = new ProcessQueue(); ChildJvmFleet children = new ChildJvmFleet();
                QueueClient parent = QueueCalls.connectServed(queue)) {
            CapturedProcess producer = children.start(PutsABigItem.class, queue.address(), String.valueOf(size));
            assertThat(children.exitCodeOf(producer, "producer", PLENTY,
                    "A 1 MiB item is larger than any pipe or socket buffer: "
                    + "the owner must keep reading while the item arrives."))
                    .as("exit code of the producer: %s", describeExit(producer)).isZero();

            Object item = getWithin(queue, parent, "the 1 MiB item a producer process put").orElse(null);

            assertThat(item).as("the 1 MiB item the producer process put").isInstanceOf(byte[].class);
            assertThat((byte[]) item)
                    .as("the 1 MiB item, byte for byte (a frame that is cut short or read in the wrong pieces shows "
                            + "here)")
                    .hasSize(size)
                    .isEqualTo(PutsABigItem.pattern(size, producer.pid()));
        }
    }

    @Test
    @Tag("task:3")
    void two_queues_open_at_once_in_one_process_each_have_their_own_address_and_items() {
        try (ProcessQueue first = new ProcessQueue()) {
            ProcessQueue second = null;
            try {
                second = new ProcessQueue();
            } catch (RuntimeException e) {
                fail("a second ProcessQueue, opened in the test JVM while a first one is open, could not be created. "
                        + "Every queue needs a socket and a private directory of its own: name them uniquely "
                        + "(Files.createTempDirectory), not after the process, which owns both queues", e);
            }
            try (ProcessQueue secondQueue = second;
                    QueueClient toFirst = QueueClient.connect(first.address());
                    QueueClient toSecond = QueueClient.connect(secondQueue.address())) {
                assertThat(secondQueue.address())
                        .as("the addresses of two queues open at once in one process: each needs its own socket")
                        .isNotEqualTo(first.address());
                toFirst.put("for the first queue");
                toSecond.put("for the second queue");

                assertThat(within(secondQueue, "get(3 s) on the second of two queues")
                        .get(() -> toSecond.get(Duration.ofSeconds(3))))
                        .as("get(3 s) on the second of two queues open at once, after one put on each: its own item")
                        .contains("for the second queue");
                first.close();
                assertThat(within(secondQueue, "get(Duration.ZERO) on the second queue after the first was closed")
                        .get(() -> toSecond.get(Duration.ZERO)))
                        .as("get(Duration.ZERO) on the second queue, empty, after the first queue was closed: an "
                                + "empty Optional. Closing one queue must leave the other's socket and directory alone")
                        .isEmpty();
                assertThat(secondQueue.size())
                        .as("size() of the second queue: its one item was taken, and the first queue's item never "
                                + "belonged to it").isZero();
            }
        }
    }

    @Test
    @Tag("task:3")
    void close_returns_once_the_owner_holds_every_item_the_client_put() {
        try (ProcessQueue queue = new ProcessQueue()) {
            putAndClose(queue, 100);

            assertThat(queue.size())
                    .as("items in the queue the moment close() returned on a client that put 100: all of them. Fewer "
                            + "means close() returned before the owner held them: it must send what is left, then "
                            + "SYNC and wait for the owner's STORED")
                    .isEqualTo(100);
        }
    }

    @Test
    @Tag("task:3")
    void a_consumer_that_takes_its_time_leaves_the_waiting_items_to_another_consumer() throws Exception {
        try (ProcessQueue queue = new ProcessQueue(); QueueClient slow = QueueCalls.connectServed(queue);
                QueueClient other = QueueClient.connect(queue.address())) {
            putAndClose(queue, 10);
            List<Object> slowGot = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                slowGot.add(within(queue, "get(3 s) of a consumer that takes its time")
                        .get(() -> slow.get(Duration.ofSeconds(3))).orElse("<nothing within 3 s>"));
                Thread.sleep(50); // works on its item
            }
            assertThat(slowGot).as("the first three items, as a consumer that takes 50 ms over each got them")
                    .containsExactly(0, 1, 2);

            assertThat(within(queue, "get(3 s) of a second consumer").get(() -> other.get(Duration.ofSeconds(3))))
                    .as("what a second consumer gets from 10 items while the first, which takes 50 ms over each, has "
                            + "had three: the next in line, 3. A later item means that the slow consumer took items in "
                            + "advance and sits on them while this one could work on them: take several at once only "
                            + "while a consumer gets through them fast")
                    .contains(3);
        }
    }

    @Test
    @Tag("task:3")
    void items_a_client_took_and_did_not_hand_out_go_back_to_the_head_when_it_closes() {
        try (ProcessQueue queue = new ProcessQueue(); QueueClient other = QueueCalls.connectServed(queue)) {
            putAndClose(queue, 100);
            QueueClient fast = QueueClient.connect(queue.address());
            List<Object> fastGot = within(queue, "ten gets in a row and close()").get(() -> {
                List<Object> got = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    got.add(fast.get(Duration.ofSeconds(3)).orElse("<nothing within 3 s>"));
                }
                fast.close();
                return got;
            });
            assertThat(fastGot).as("the first ten items, as a consumer that gets them as fast as it can got them")
                    .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

            assertThat(within(queue, "get(3 s) after a consumer closed").get(() -> other.get(Duration.ofSeconds(3))))
                    .as("what the next consumer gets after one that had ten items closed: item 10, the next in line. "
                            + "A later item means that the first consumer took more items than it handed out, and "
                            + "lost them at its close(): give them back (RETURN), to the head of the queue")
                    .contains(10);
            assertThat(queue.size()).as("items left in the queue: 100 put, 11 got").isEqualTo(89);
        }
    }

    @Test
    @Tag("task:5")
    void an_item_handed_to_a_consumer_that_died_while_it_waited_goes_back_to_the_queue() throws Exception {
        try (ProcessQueue queue = new ProcessQueue(); ChildJvmFleet children = new ChildJvmFleet();
                QueueClient parent = QueueCalls.connectServed(queue)) {
            CapturedProcess consumer = children.start(WaitsForAnItem.class, queue.address());
            awaitConnected(consumer);
            Thread.sleep(300); // time for its get() to reach the owner, which then waits for an item on its behalf
            ProcessTree.kill(consumer.process().toHandle());

            parent.put("survivor");
            Thread.sleep(300); // time for the owner's thread that waited for the dead consumer to take the item

            assertThat(within(queue, "get(3 s) after a consumer died").get(() -> parent.get(Duration.ofSeconds(3))))
                    .as("get in the test JVM after a consumer process died in get(): the next item. The owner's "
                            + "thread that waited for the dead consumer took it, and sending it failed (broken "
                            + "pipe): put the item back at the head of the queue (addFirst) instead of losing it")
                    .contains("survivor");
        }
    }

    @Test
    @Tag("task:5")
    void an_item_that_could_not_be_sent_to_a_consumer_that_died_goes_back_to_the_head_not_the_tail() throws Exception {
        Assumptions.assumeTrue(new java.io.File("/bin/kill").canExecute() || new java.io.File("/usr/bin/kill")
                .canExecute(), "needs the kill command to stop a process");
        byte[] big = PutsABigItem.pattern(4 << 20, 7);
        try (ProcessQueue queue = new ProcessQueue(); ChildJvmFleet children = new ChildJvmFleet();
                QueueClient parent = QueueCalls.connectServed(queue)) {
            CapturedProcess consumer = children.start(WaitsForAnItem.class, queue.address());
            awaitConnected(consumer);
            Thread.sleep(300); // time for its get() to reach the owner, which then waits for an item on its behalf
            Process stop = new ProcessBuilder("kill", "-STOP", String.valueOf(consumer.pid())).start();
            assertThat(stop.waitFor(5, TimeUnit.SECONDS) && stop.exitValue() == 0)
                    .as("kill -STOP %d: the consumer stays connected but reads nothing", consumer.pid()).isTrue();

            // The owner hands the 4 MiB item to the stopped consumer: far more than a socket holds, so it is still
            // sending when the next two items arrive behind it, and when the consumer dies.
            within(queue, "three puts from the test JVM").run(() -> {
                parent.put(big);
                Thread.sleep(300);
                parent.put("behind 1");
                parent.put("behind 2");
            });
            ProcessTree.kill(consumer.process().toHandle());
            Thread.sleep(300); // time for the owner's failed send to put the item back

            List<String> got = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Optional<Object> item = within(queue, "get(3 s) after the consumer died")
                        .get(() -> parent.get(Duration.ofSeconds(3)));
                got.add(item.map(value -> value instanceof byte[] && Arrays.equals((byte[]) value, big)
                        ? "the 4 MiB item" : String.valueOf(value)).orElse("<nothing within 3 s>"));
            }
            assertThat(got)
                    .as("the items the test JVM got after the consumer died while the owner was sending it the 4 MiB "
                            + "item. The item was taken from the head and never delivered, so it goes back to the "
                            + "head (addFirst), before the items that came later; at the tail it would jump the "
                            + "queue's order, and missing it was lost")
                    .containsExactly("the 4 MiB item", "behind 1", "behind 2");
        }
    }

    @Test
    @Tag("task:6")
    void put_and_get_on_a_closed_client_fail_with_an_illegal_state_exception_naming_the_client()
            throws Exception {
        try (ProcessQueue queue = new ProcessQueue()) {
            QueueClient client = QueueClient.connect(queue.address());
            client.close();

            assertThatExceptionOfType(IllegalStateException.class)
                    .as("put on a QueueClient after its close(): an IllegalStateException saying that the client "
                            + "is closed (the queue itself is fine)")
                    .isThrownBy(() -> client.put(1))
                    .withMessageMatching("(?is).*client.*");
            assertThatExceptionOfType(IllegalStateException.class)
                    .as("get on a QueueClient after its close(): an IllegalStateException saying that the client "
                            + "is closed (the queue itself is fine)")
                    .isThrownBy(() -> client.get(Duration.ofMillis(1)))
                    .withMessageMatching("(?is).*client.*");
            assertThat(queue.size()).as("items in the queue after a put on a closed client").isZero();
        }
    }

    @Test
    @Tag("task:6")
    void an_unserializable_item_fails_in_the_producer_and_the_queue_keeps_working() throws Exception {
        try (ProcessQueue queue = new ProcessQueue(); ChildJvmFleet children = new ChildJvmFleet();
                QueueClient parent = QueueCalls.connectServed(queue)) {
            CapturedProcess producer = children.start(PutsAThreadThenItsPid.class, queue.address());
            assertThat(children.exitCodeOf(producer, "producer", PLENTY,
                    "After a refused put, the next put must still work."))
                    .as("exit code of the producer: %s", describeExit(producer)).isZero();

            assertThat(producer.stdout().lines())
                    .as("what put(a Thread) did in the producer process: fail there, before sending anything, with "
                            + "an IllegalArgumentException that names the class")
                    .singleElement().asString()
                    .startsWith("refused: java.lang.IllegalArgumentException")
                    .contains("java.lang.Thread");
            assertThat(queue.size())
                    .as("items in the queue after the refused put and one good put: only the good one, no half item")
                    .isEqualTo(1);
            assertThat(getWithin(queue, parent, "the item put after the refused one"))
                    .as("the item the producer put after the refused one: its pid")
                    .contains(producer.pid());
        }
    }

    @Test
    @Tag("task:6")
    void a_consumer_waiting_on_a_queue_that_is_closed_gets_a_clear_error_instead_of_hanging() throws Exception {
        try (ProcessQueue queue = new ProcessQueue(); ChildJvmFleet children = new ChildJvmFleet()) {
            CapturedProcess consumer = children.start(WaitsForAnItem.class, queue.address());
            awaitConnected(consumer);

            Bounded.within(QueueCalls.BOUND, "ProcessQueue.close() while a consumer process waited in get()",
                    "Close the listening channel and interrupt the serving threads, do not wait for them to finish "
                    + "by themselves.").run(queue::close);

            int code = children.exitCodeOf(consumer, "consumer", PLENTY,
                    "When the queue's owner closes it, a waiting get() must "
                    + "fail (the socket reaches its end), not wait for ever.");
            assertThat(code).as("exit code of the consumer whose get() failed: %s", describeExit(consumer)).isNotZero();
            assertThat(consumer.stderr().text())
                    .as("the consumer's stderr: get() on a closed queue throws an IllegalStateException")
                    .contains("java.lang.IllegalStateException");
        }
    }

    @Test
    @Tag("task:6")
    void an_item_of_a_class_not_on_the_allow_list_is_refused_and_its_code_never_runs() throws Exception {
        int deserializedBefore = Gadget.DESERIALIZED.get();
        try (ProcessQueue queue = new ProcessQueue(); ChildJvmFleet children = new ChildJvmFleet();
                QueueClient parent = QueueCalls.connectServed(queue)) {
            CapturedProcess hostile = children.start(PutsAGadgetThenItsPid.class, queue.address());
            assertThat(children.exitCodeOf(hostile, "hostile producer", PLENTY, PRODUCER_MAY_HANG))
                    .as("exit code of the hostile producer: %s", describeExit(hostile)).isZero();

            assertThatExceptionOfType(RuntimeException.class)
                    .as("get in the test JVM when the next item is a %s, a class that is neither a JDK value type "
                            + "nor in package katas.queue: refuse it (SafeSerialization.fromBytes with the allow-list "
                            + "throws IllegalArgumentException) instead of handing it out", Gadget.class.getName())
                    .isThrownBy(() -> within(queue, "get(8 s) of the refused item").get(() -> parent.get(PLENTY)));
            assertThat(Gadget.DESERIALIZED.get() - deserializedBefore)
                    .as("how many times the refused item\'s readObject ran in the test JVM: bytes from another process are "
                            + "data, never code. Deserialize through an ObjectInputFilter allow-list "
                            + "(SafeSerialization.fromBytes), which refuses the class before any of its code runs")
                    .isZero();
            assertThat(getWithin(queue, parent, "the item put after the refused one"))
                    .as("the next get on the same client, after the refused item: the hostile producer's next item "
                            + "(its pid). The refused frame was read whole, so the stream is still in step")
                    .contains(hostile.pid());
        }
    }
}
