package katas.queue;

import static katas.queue.QueueCalls.PLENTY;
import static katas.queue.QueueCalls.PRODUCER_MAY_HANG;
import static katas.queue.QueueCalls.within;
import static katas.testkit.ChildJvmFleet.describeExit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import katas.process.CapturedProcess;
import katas.queue.fixtures.PutsClosesThenHalts;
import katas.testkit.ChildJvmFleet;
import katas.testkit.KataTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Producer and consumer processes around one {@link ProcessQueue} owned by the test JVM. */
@KataTest
class ProducerConsumerTest {

    private static final String CONSUMER_MAY_HANG = "A consumer must stop when it gets Sentinel.NO_MORE_ITEMS, "
            + "and get() must return items that other processes put. If its stdout shows every item but it did not "
            + "stop, the sentinel that the test JVM put never reached the queue: put() must send the item (flush "
            + "it) at once, not keep it until close().";


    /** Puts the sentinel from the test JVM, bounded in case put() waits for an answer that never comes. */
    private static void putSentinel(ProcessQueue queue, QueueClient parent) {
        within(queue, "put(NO_MORE_ITEMS) in the test JVM", "The owner does not answer a PUT: does put() wait "
                + "for an answer all the same?").run(() -> parent.put(Sentinel.NO_MORE_ITEMS));
    }

    private static List<String> numbers(int from, int toExclusive) {
        return IntStream.range(from, toExclusive).mapToObj(String::valueOf).collect(Collectors.toList());
    }

    private static String[] producerArgs(String address, List<String> items) {
        return Stream.concat(Stream.of(address), items.stream()).toArray(String[]::new);
    }

    private static List<String> consumed(CapturedProcess consumer) {
        return consumer.stdout().lines().stream()
                .map(line -> line.startsWith("consumed ") ? line.substring("consumed ".length()) : "?" + line)
                .collect(Collectors.toList());
    }

    @Test
    @Tag("task:3")
    void a_producer_that_halts_right_after_closing_its_client_loses_nothing() throws Exception {
        List<String> items = List.of("first " + System.nanoTime(), "second", "third", "last");
        try (ProcessQueue queue = new ProcessQueue(); ChildJvmFleet children = new ChildJvmFleet();
                QueueClient parent = QueueCalls.connectServed(queue)) {
            CapturedProcess producer = children.start(PutsClosesThenHalts.class,
                    producerArgs(queue.address(), items));
            assertThat(children.exitCodeOf(producer, "producer", PLENTY, PRODUCER_MAY_HANG))
                    .as("exit code of the producer that halted right after its puts and close(): %s",
                            describeExit(producer))
                    .isZero();

            assertThat(queue.size())
                    .as("items in the queue the moment a producer process that put %d items and closed its client "
                            + "has halted (Runtime.halt: no shutdown hooks, no daemon thread runs on). Fewer means "
                            + "close() returned before the owner held every item: one sat in a buffer, or a "
                            + "background thread was still to send it. close() must send what is left, then SYNC and "
                            + "wait for the owner's STORED", items.size())
                    .isEqualTo(items.size());
            List<Object> received = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                received.add(within(queue, "get(8 s) in the test JVM").get(() -> parent.get(PLENTY))
                        .orElse("<nothing within 8 s>"));
            }
            assertThat(received).as("the items of the halted producer, as the test JVM got them: all, in order")
                    .containsExactlyElementsOf(items);
        }
    }

    @Test
    @Tag("task:4")
    void a_consumer_process_gets_zero_to_nine_in_fifo_order_and_exits_by_itself_at_the_sentinel() throws Exception {
        try (ProcessQueue queue = new ProcessQueue(); ChildJvmFleet children = new ChildJvmFleet();
                QueueClient parent = QueueCalls.connectServed(queue)) {
            CapturedProcess consumer = children.start(Consumer.class, queue.address());
            CapturedProcess producer = children.start(Producer.class, producerArgs(queue.address(), numbers(0, 10)));

            assertThat(children.exitCodeOf(producer, "producer", PLENTY, PRODUCER_MAY_HANG))
                    .as("exit code of the producer that put 0..9: %s", describeExit(producer)).isZero();
            putSentinel(queue, parent);

            assertThat(children.exitCodeOf(consumer, "consumer", PLENTY, CONSUMER_MAY_HANG))
                    .as("exit code of the consumer after it got the sentinel: %s", describeExit(consumer)).isZero();
            assertThat(consumer.stdout().lines())
                    .as("what the consumer process printed: every item once, in the order the producer put them "
                            + "(a queue is first in, first out), and nothing for the sentinel")
                    .containsExactly(numbers(0, 10).stream().map(n -> "consumed " + n).toArray(String[]::new));
            assertThat(queue.size())
                    .as("items left in the queue after the consumer took all ten and the sentinel; more than 0 "
                            + "means the consumer's lines did not come from the queue")
                    .isZero();
        }
    }

    @Test
    @Tag("task:4")
    void numbers_and_strings_from_a_producer_process_arrive_intact_and_with_their_types() throws Exception {
        String token = "token-" + System.nanoTime();
        try (ProcessQueue queue = new ProcessQueue(); ChildJvmFleet children = new ChildJvmFleet();
                QueueClient parent = QueueCalls.connectServed(queue)) {
            CapturedProcess producer = children.start(Producer.class, queue.address(),
                    "0", "1", "Shiva", "-42", "Yadav", "3.5", "héllo wörld", "12345678901", "2147483647", token);
            assertThat(children.exitCodeOf(producer, "producer", PLENTY, PRODUCER_MAY_HANG))
                    .as("exit code of the producer: %s", describeExit(producer)).isZero();

            List<Object> received = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                received.add(within(queue, "get(8 s) in the test JVM", "Does the owner poll with the timeout?")
                        .get(() -> parent.get(PLENTY)).orElse("<nothing within 8 s>"));
            }

            assertThat(received)
                    .as("the items the test JVM got from the queue, as the producer process put them: whole numbers "
                            + "that fit in an int as Integer, the rest as String (12345678901 is too big for an int: a "
                            + "String, and it must not crash the producer), nothing lost, changed or reordered on "
                            + "the way")
                    .containsExactly(0, 1, "Shiva", -42, "Yadav", "3.5", "héllo wörld", "12345678901", 2147483647,
                            token);
        }
    }

    @Test
    @Tag("task:4")
    void two_producers_and_two_consumers_consume_every_item_exactly_once_in_each_producers_order()
            throws Exception {
        List<String> fromA = IntStream.range(0, 25).mapToObj(i -> "A" + i).collect(Collectors.toList());
        List<String> fromB = IntStream.range(0, 25).mapToObj(i -> "B" + i).collect(Collectors.toList());
        try (ProcessQueue queue = new ProcessQueue(); ChildJvmFleet children = new ChildJvmFleet();
                QueueClient parent = QueueCalls.connectServed(queue)) {
            CapturedProcess consumer1 = children.start(Consumer.class, queue.address());
            CapturedProcess consumer2 = children.start(Consumer.class, queue.address());
            CapturedProcess producerA = children.start(Producer.class, producerArgs(queue.address(), fromA));
            CapturedProcess producerB = children.start(Producer.class, producerArgs(queue.address(), fromB));
            for (CapturedProcess producer : List.of(producerA, producerB)) {
                assertThat(children.exitCodeOf(producer, "producer", PLENTY, PRODUCER_MAY_HANG))
                        .as("exit code of a producer: %s", describeExit(producer)).isZero();
            }
            // Both producers are done: one sentinel for each consumer.
            putSentinel(queue, parent);
            putSentinel(queue, parent);

            for (CapturedProcess consumer : List.of(consumer1, consumer2)) {
                assertThat(children.exitCodeOf(consumer, "consumer", PLENTY,
                        CONSUMER_MAY_HANG + " Each consumer stops at the "
                        + "first sentinel it gets, so two sentinels stop two consumers."))
                        .as("exit code of a consumer: %s", describeExit(consumer)).isZero();
            }
            List<String> got1 = consumed(consumer1);
            List<String> got2 = consumed(consumer2);
            List<String> all = new ArrayList<>(got1);
            all.addAll(got2);

            assertThat(all)
                    .as("the items both consumer processes printed together: each of the 50 items exactly once "
                            + "(a duplicate means two consumers got the same item; a missing one was lost)")
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(fromA.stream(), fromB.stream())
                            .collect(Collectors.toList()));
            for (List<String> got : List.of(got1, got2)) {
                assertThat(got.stream().filter(item -> item.startsWith("A")).collect(Collectors.toList()))
                        .as("producer A's items as one consumer got them: in the order A put them").isSortedAccordingTo(
                                (x, y) -> Integer.compare(Integer.parseInt(x.substring(1)),
                                        Integer.parseInt(y.substring(1))));
                assertThat(got.stream().filter(item -> item.startsWith("B")).collect(Collectors.toList()))
                        .as("producer B's items as one consumer got them: in the order B put them").isSortedAccordingTo(
                                (x, y) -> Integer.compare(Integer.parseInt(x.substring(1)),
                                        Integer.parseInt(y.substring(1))));
            }
            assertThat(queue.size()).as("items left in the queue: each consumer took exactly one sentinel").isZero();
        }
    }

    @Test
    @Tag("task:4")
    void a_producer_that_exits_before_anything_is_read_leaves_its_items_in_the_queue() throws Exception {
        List<String> items = numbers(0, 1000);
        try (ProcessQueue queue = new ProcessQueue(); ChildJvmFleet children = new ChildJvmFleet();
                QueueClient parent = QueueCalls.connectServed(queue)) {
            CapturedProcess producer = children.start(Producer.class, producerArgs(queue.address(), items));

            assertThat(children.exitCodeOf(producer, "producer", PLENTY,
                    "Nothing reads the queue yet, so a put that waits for a "
                    + "reader (or for a full pipe to drain) never returns. The queue's owner must hold the items."))
                    .as("exit code of the producer: %s", describeExit(producer)).isZero();
            assertThat(queue.size())
                    .as("items in the queue after the producer process put 1000 and exited, before any get")
                    .isEqualTo(1000);

            putSentinel(queue, parent);
            CapturedProcess consumer = children.start(Consumer.class, queue.address());
            assertThat(children.exitCodeOf(consumer, "consumer", PLENTY, CONSUMER_MAY_HANG))
                    .as("exit code of the consumer: %s", describeExit(consumer)).isZero();
            assertThat(consumed(consumer))
                    .as("what a consumer started after the producer had exited got: all of its items, in order")
                    .containsExactlyElementsOf(items);
        }
    }
}
