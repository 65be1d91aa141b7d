package katas.pipe;

import static katas.kit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import katas.kit.JavaProcess;
import katas.kit.KataTest;
import katas.pipe.fixtures.EchoesBytes;
import katas.pipe.fixtures.SendsItsPidAndExits;
import katas.pipe.fixtures.SquaresWithItsPid;
import org.junit.jupiter.api.Test;

/** The parent's duplex pipe to a child over the child's standard input and output. */
@KataTest
class ChildConnectionTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PLENTY = Duration.ofSeconds(10);

    /** The first message of a child that starts by sending its pid: checks that pid and passes it on. */
    private static long helloFrom(ChildConnection child) throws IOException {
        Object pid = child.connection().recv();
        assertThat(pid).as("the child's first message: its pid, as a Long").isInstanceOf(Long.class);
        assertThatProcess((Long) pid).ranOutsideTheTestJvm();
        assertThat((Long) pid).as("the pid the child reports from inside must be ChildConnection.pid()")
                .isEqualTo(child.pid());
        return (Long) pid;
    }

    @Test
    void parent_and_child_exchange_100_request_reply_round_trips() throws Exception {
        try (ChildConnection child = ChildConnection.start(JavaProcess.of(SquaresWithItsPid.class))) {
            Set<Object> pids = new HashSet<>();
            Set<Object> parents = new HashSet<>();
            for (int n = 0; n < 100; n++) {
                child.connection().send(n);
                List<?> reply = (List<?>) child.connection().recv();

                assertThat(reply.get(0)).as("the child's reply to request %d: its square", n).isEqualTo((long) n * n);
                pids.add(reply.get(1));
                parents.add(reply.get(2));
            }

            assertThat(pids).as("the pids that answered, reported from inside: one child").hasSize(1);
            assertThatProcess((Long) pids.iterator().next()).ranOutsideTheTestJvm();
            assertThat(pids).as("the pid that answered, reported from inside, must be ChildConnection.pid()")
                    .containsExactly(child.pid());
            assertThat(parents).as("the parent pid the child reported: the test JVM").containsExactly(TEST_JVM);
        }
    }

    @Test
    void the_child_sees_end_of_stream_and_exits_by_itself_when_the_parent_closes_its_end() throws Exception {
        try (ChildConnection child = ChildConnection.start(JavaProcess.of(EchoesBytes.class))) {
            helloFrom(child);

            child.connection().close();

            assertThatProcess(child.process()).isDeadWithin(PLENTY).hasExitedWith(0);
            await().atMost(PLENTY).untilAsserted(() -> assertThat(child.errorOutput())
                    .as("the child's stderr: its recv() threw EOFException once the parent had closed its end")
                    .contains("end of stream"));
        }
    }

    @Test
    void recv_after_the_child_has_exited_throws_eof_exception_instead_of_hanging() throws Exception {
        try (ChildConnection child = ChildConnection.start(JavaProcess.of(SendsItsPidAndExits.class))) {
            helloFrom(child);
            assertThatProcess(child.process()).isDeadWithin(PLENTY);

            assertThatThrownBy(() -> child.connection().recv())
                    .as("recv() when the child has exited and nothing more will come: an EOFException, at once")
                    .isInstanceOf(EOFException.class);
        }
    }

    @Test
    void sending_to_a_child_that_has_exited_fails_with_an_io_exception() throws Exception {
        try (ChildConnection child = ChildConnection.start(JavaProcess.of(SendsItsPidAndExits.class))) {
            helloFrom(child);
            assertThatProcess(child.process()).isDeadWithin(PLENTY);

            assertThatThrownBy(() -> {
                for (int i = 0; i < 100; i++) {
                    child.connection().send("is anybody there? " + i);
                }
            }).as("send() to a process that has exited: an IOException (a broken pipe); did send() flush?")
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void an_empty_message_and_a_16_mib_message_arrive_exactly_as_sent() throws Exception {
        byte[] big = new byte[16 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 7 + i / 4093);
        }
        try (ChildConnection child = ChildConnection.start(JavaProcess.of(EchoesBytes.class))) {
            helloFrom(child);
            Connection pipe = child.connection();

            pipe.sendBytes(new byte[0]);
            byte[] first = pipe.recvBytes();
            pipe.sendBytes(big);
            byte[] second = pipe.recvBytes();
            pipe.sendBytes(new byte[0]);
            byte[] third = pipe.recvBytes();

            assertThat(first).as("an empty message, sent to the child and back: still one message, still empty")
                    .isEmpty();
            assertThat(second.length).as("the size of the 16 MiB message after the round trip").isEqualTo(big.length);
            assertThat(Arrays.equals(second, big)).as("the 16 MiB message after the round trip, byte for byte")
                    .isTrue();
            assertThat(third).as("the empty message sent after the big one: the big one's frame did not swallow it "
                    + "or leave bytes behind").isEmpty();
        }
    }

    @Test
    void using_the_parents_end_after_close_fails_clearly() throws Exception {
        ChildConnection child = ChildConnection.start(JavaProcess.of(EchoesBytes.class));
        try {
            helloFrom(child);
        } finally {
            child.close();
        }
        Connection pipe = child.connection();

        assertThatThrownBy(() -> pipe.send("after close"))
                .as("send() on the parent's end after ChildConnection.close(): an IllegalStateException that says "
                        + "the end is closed. Did close() close the connection, and does send() check for it first?")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(pipe::recv)
                .as("recv() on the parent's end after ChildConnection.close(): an IllegalStateException that says "
                        + "the end is closed, not an EOFException or an IOException from a closed stream")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
