package katas.queue;

import static katas.kit.ProcessAssert.assertThatProcess;
import static katas.queue.Children.exitCodeOf;
import static katas.queue.Children.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import katas.kit.CapturedProcess;
import katas.kit.KataTest;
import katas.kit.ProcessTree;
import katas.queue.fixtures.GetsWithATimeout;
import katas.queue.fixtures.PutsABigItem;
import katas.queue.fixtures.PutsAThreadThenItsPid;
import katas.queue.fixtures.PutsItsPid;
import katas.queue.fixtures.WaitsForAnItem;
import org.junit.jupiter.api.Test;

/** What a {@link QueueClient} in one process does with a {@link ProcessQueue} owned by another. */
@KataTest
class QueueClientTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();

    @Test
    void an_item_carries_the_pid_of_the_producer_process_which_is_not_the_test_jvm() throws Exception {
        try (ProcessQueue queue = new ProcessQueue(); Children children = new Children();
                QueueClient parent = QueueClient.connect(queue.address())) {
            CapturedProcess producer = children.start(PutsItsPid.class, queue.address());
            assertThat(exitCodeOf(producer, "producer", "Does put() return once the queue holds the item?"))
                    .as("exit code of the producer: %s", report(producer)).isZero();

            Object item = parent.get(Children.PLENTY).orElse(null);

            assertThat(item).as("the item a producer process put: its own pid, as a Long").isInstanceOf(Long.class);
            assertThatProcess((Long) item).ranOutsideTheTestJvm();
            assertThat((Long) item)
                    .as("the pid inside the item must be the producer's; the test JVM is pid %d", TEST_JVM)
                    .isEqualTo(producer.pid());
        }
    }

    @Test
    void get_with_a_timeout_on_an_empty_queue_gives_up_after_about_that_timeout() throws Exception {
        long timeoutMillis = 400;
        try (ProcessQueue queue = new ProcessQueue(); Children children = new Children()) {
            CapturedProcess consumer = children.start(GetsWithATimeout.class, queue.address(),
                    String.valueOf(timeoutMillis));

            assertThat(exitCodeOf(consumer, "consumer", "get(timeout) must give up when the timeout has passed."))
                    .as("exit code of the consumer: %s", report(consumer)).isZero();
            String line = consumer.stdout().lines().get(0);
            long pid = Long.parseLong(line.replaceAll("pid=(\\d+) .*", "$1"));
            long waited = Long.parseLong(line.replaceAll(".* waited=(\\d+)", "$1"));

            assertThatProcess(pid).ranOutsideTheTestJvm();
            assertThat(line).as("what get(400 ms) on an empty queue returned in the consumer process: an empty "
                    + "Optional is the signal that nothing came").contains("got=Optional.empty");
            assertThat(waited)
                    .as("how long, in ms, get(400 ms) waited on an empty queue: about the timeout, not at once "
                            + "and not for ever (wide margin for a loaded machine)")
                    .isBetween(timeoutMillis - 100, timeoutMillis + 4000);
        }
    }

    @Test
    void a_get_that_timed_out_leaves_nothing_behind_so_the_next_item_goes_to_the_next_get() throws Exception {
        try (ProcessQueue queue = new ProcessQueue(); Children children = new Children();
                QueueClient parent = QueueClient.connect(queue.address());
                QueueClient other = QueueClient.connect(queue.address())) {
            assertThat(parent.get(Duration.ofMillis(300)))
                    .as("get(300 ms) on an empty queue: nothing came, so an empty Optional").isEmpty();

            CapturedProcess producer = children.start(PutsItsPid.class, queue.address());
            assertThat(exitCodeOf(producer, "producer", "Does put() return once the queue holds the item?"))
                    .as("exit code of the producer: %s", report(producer)).isZero();
            assertThat(queue.size())
                    .as("items in the queue after a producer process put one, nobody asking for it: 0 means the "
                            + "owner still served the get(300 ms) that had given up, and sent the item to a client "
                            + "that was no longer waiting. The owner must time the get out (poll with the timeout), "
                            + "not the client")
                    .isEqualTo(1);
            assertThat(parent.get())
                    .as("get() on the same client whose get(300 ms) timed out: the producer's item (its pid)")
                    .isEqualTo(producer.pid());

            other.put("next");
            assertThat(other.get(Duration.ofSeconds(3)))
                    .as("a get on another client right after its own put: nothing of the timed-out get may be left "
                            + "waiting in the owner to take the item first")
                    .contains("next");
        }
    }

    @Test
    void an_item_handed_to_a_consumer_that_died_while_it_waited_goes_back_to_the_queue() throws Exception {
        try (ProcessQueue queue = new ProcessQueue(); Children children = new Children();
                QueueClient parent = QueueClient.connect(queue.address())) {
            CapturedProcess consumer = children.start(WaitsForAnItem.class, queue.address());
            assertThat(consumer.stdout().awaitLine("connected"::equals, Children.PLENTY))
                    .as("the consumer process connected to the queue: %s", consumer.stderr().text()).isTrue();
            Thread.sleep(300); // time for its get() to reach the owner, which then waits for an item on its behalf
            ProcessTree.kill(consumer.process().toHandle());

            parent.put("survivor");
            Thread.sleep(300); // time for the owner's thread that waited for the dead consumer to take the item

            assertThat(parent.get(Duration.ofSeconds(3)))
                    .as("get in the test JVM after a consumer process died in get(): the next item. The owner's "
                            + "thread that waited for the dead consumer took it, and sending it failed (broken "
                            + "pipe): put the item back at the head of the queue (addFirst) instead of losing it")
                    .contains("survivor");
        }
    }

    @Test
    void put_and_get_on_a_closed_client_fail_with_an_illegal_state_exception_naming_the_client()
            throws Exception {
        try (ProcessQueue queue = new ProcessQueue()) {
            QueueClient client = QueueClient.connect(queue.address());
            client.close();

            assertThatThrownBy(() -> client.put(1))
                    .as("put on a QueueClient after its close(): an IllegalStateException saying that the client "
                            + "is closed (the queue itself is fine)")
                    .isInstanceOf(IllegalStateException.class).hasMessageMatching("(?is).*client.*");
            assertThatThrownBy(() -> client.get(Duration.ofMillis(1)))
                    .as("get on a QueueClient after its close(): an IllegalStateException saying that the client "
                            + "is closed (the queue itself is fine)")
                    .isInstanceOf(IllegalStateException.class).hasMessageMatching("(?is).*client.*");
            assertThat(queue.size()).as("items in the queue after a put on a closed client").isZero();
        }
    }

    @Test
    void a_one_mebibyte_item_arrives_intact() throws Exception {
        int size = 1 << 20;
        try (ProcessQueue queue = new ProcessQueue(); Children children = new Children();
                QueueClient parent = QueueClient.connect(queue.address())) {
            CapturedProcess producer = children.start(PutsABigItem.class, queue.address(), String.valueOf(size));
            assertThat(exitCodeOf(producer, "producer", "A 1 MiB item is larger than any pipe or socket buffer: "
                    + "the owner must keep reading while the item arrives."))
                    .as("exit code of the producer: %s", report(producer)).isZero();

            Object item = parent.get(Children.PLENTY).orElse(null);

            assertThat(item).as("the 1 MiB item the producer process put").isInstanceOf(byte[].class);
            assertThat((byte[]) item)
                    .as("the 1 MiB item, byte for byte (a frame that is cut short or read in the wrong pieces shows "
                            + "here)")
                    .hasSize(size)
                    .isEqualTo(PutsABigItem.pattern(size, producer.pid()));
        }
    }

    @Test
    void an_unserializable_item_fails_in_the_producer_and_the_queue_keeps_working() throws Exception {
        try (ProcessQueue queue = new ProcessQueue(); Children children = new Children();
                QueueClient parent = QueueClient.connect(queue.address())) {
            CapturedProcess producer = children.start(PutsAThreadThenItsPid.class, queue.address());
            assertThat(exitCodeOf(producer, "producer", "After a refused put, the next put must still work."))
                    .as("exit code of the producer: %s", report(producer)).isZero();

            assertThat(producer.stdout().lines())
                    .as("what put(a Thread) did in the producer process: fail there, before sending anything, with "
                            + "an IllegalArgumentException that names the class")
                    .singleElement().asString()
                    .startsWith("refused: java.lang.IllegalArgumentException")
                    .contains("java.lang.Thread");
            assertThat(queue.size())
                    .as("items in the queue after the refused put and one good put: only the good one, no half item")
                    .isEqualTo(1);
            assertThat(parent.get(Children.PLENTY))
                    .as("the item the producer put after the refused one: its pid")
                    .contains(producer.pid());
        }
    }

    @Test
    void a_consumer_waiting_on_a_queue_that_is_closed_gets_a_clear_error_instead_of_hanging() throws Exception {
        try (ProcessQueue queue = new ProcessQueue(); Children children = new Children()) {
            CapturedProcess consumer = children.start(WaitsForAnItem.class, queue.address());
            assertThat(consumer.stdout().awaitLine("connected"::equals, Children.PLENTY))
                    .as("the consumer process connected to the queue: %s", consumer.stderr().text()).isTrue();

            queue.close();

            int code = exitCodeOf(consumer, "consumer", "When the queue's owner closes it, a waiting get() must "
                    + "fail (the socket reaches its end), not wait for ever.");
            assertThat(code).as("exit code of the consumer whose get() failed: %s", report(consumer)).isNotZero();
            assertThat(consumer.stderr().text())
                    .as("the consumer's stderr: get() on a closed queue throws an IllegalStateException")
                    .contains("java.lang.IllegalStateException");
        }
    }
}
