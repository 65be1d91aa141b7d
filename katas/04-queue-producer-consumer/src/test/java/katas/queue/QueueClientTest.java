package katas.queue;

import static katas.kit.ProcessAssert.assertThatProcess;
import static katas.queue.Children.exitCodeOf;
import static katas.queue.Children.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import katas.kit.CapturedProcess;
import katas.kit.KataTest;
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
        long timeoutMillis = 700;
        try (ProcessQueue queue = new ProcessQueue(); Children children = new Children()) {
            CapturedProcess consumer = children.start(GetsWithATimeout.class, queue.address(),
                    String.valueOf(timeoutMillis));

            assertThat(exitCodeOf(consumer, "consumer", "get(timeout) must give up when the timeout has passed."))
                    .as("exit code of the consumer: %s", report(consumer)).isZero();
            String line = consumer.stdout().lines().get(0);
            long pid = Long.parseLong(line.replaceAll("pid=(\\d+) .*", "$1"));
            long waited = Long.parseLong(line.replaceAll(".* waited=(\\d+)", "$1"));

            assertThatProcess(pid).ranOutsideTheTestJvm();
            assertThat(line).as("what get(700 ms) on an empty queue returned in the consumer process: an empty "
                    + "Optional is the signal that nothing came").contains("got=Optional.empty");
            assertThat(waited)
                    .as("how long, in ms, get(700 ms) waited on an empty queue: about the timeout, not at once "
                            + "and not for ever (wide margin for a loaded machine)")
                    .isBetween(timeoutMillis - 100, timeoutMillis + 4000);
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
