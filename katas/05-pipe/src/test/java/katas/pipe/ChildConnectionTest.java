package katas.pipe;

import static katas.testkit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import katas.pipe.fixtures.EchoesBytes;
import katas.pipe.fixtures.FinishesAfterEndOfStream;
import katas.pipe.fixtures.FloodsStderrThenHalts;
import katas.pipe.fixtures.FloodsStderrThenSendsItsPid;
import katas.pipe.fixtures.IgnoresEndOfStream;
import katas.pipe.fixtures.PrintsStrayLinesThenEchoes;
import katas.pipe.fixtures.SendsAGadgetThenItsPid;
import katas.pipe.fixtures.SendsItsPidAndExits;
import katas.pipe.fixtures.SquaresWithItsPid;
import katas.process.JavaProcess;
import katas.process.ProcessTree;
import katas.testkit.Bounded;
import katas.testkit.Gadget;
import katas.testkit.KataTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

/** The parent's duplex pipe to a child over the child's standard input and output. */
@KataTest
class ChildConnectionTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PLENTY = Duration.ofSeconds(10);
    /** How long one call on the parent's end may take before the test gives up on it, with a message. */
    private static final Duration BOUND = Duration.ofSeconds(8);

    private static final String WHY_RECV_MAY_HANG = "Either the message never left the child (did send() flush "
            + "after every frame?), or the parent misread a frame and now waits for bytes that never come (read the "
            + "length with readInt, then exactly that many bytes with readFully, not read).";

    /** Runs one call on the parent's end of the pipe, at most {@link #BOUND}; the likely cause is a lost frame. */
    private static <T> T within(ChildConnection child, String whatWeWaitFor, ThrowingSupplier<T> call) {
        return within(child, whatWeWaitFor, WHY_RECV_MAY_HANG, call);
    }

    /**
     * Runs one call on the parent's end of the pipe, at most {@link #BOUND}. If it is still waiting then, the child is
     * killed (so that the abandoned call gets a broken pipe and lets go of the connection, which the test closes
     * next) and the test fails naming {@code whatWeWaitFor} and {@code likelyCause}.
     */
    private static <T> T within(ChildConnection child, String whatWeWaitFor, String likelyCause,
            ThrowingSupplier<T> call) {
        return Bounded.within(BOUND, whatWeWaitFor, likelyCause)
                .onTimeout(() -> ProcessTree.kill(child.process().toHandle()))
                .get(call);
    }

    /** ChildConnection.close(), bounded: it gives the child a few seconds, then kills it, and never waits for ever. */
    private static void closeWithin(ChildConnection child, String whichChild, String likelyCause) {
        Bounded.within(Duration.ofSeconds(12), "ChildConnection.close() for " + whichChild, likelyCause)
                .run(child::close);
    }

    /** The first message of a child that starts by sending its pid: checks that pid and passes it on. */
    private static long helloFrom(ChildConnection child) {
        Object pid = within(child, "recv() of the child's first message, its pid", () -> child.connection().recv());
        assertThat(pid).as("the child's first message: its pid, as a Long").isInstanceOf(Long.class);
        assertThatProcess((Long) pid).ranOutsideTheTestJvm();
        assertThat((Long) pid).as("the pid the child reports from inside must be ChildConnection.pid()")
                .isEqualTo(child.pid());
        return (Long) pid;
    }

    @Test
    @Tag("task:1")
    void parent_and_child_exchange_100_request_reply_round_trips() throws Exception {
        try (ChildConnection child = ChildConnection.start(JavaProcess.of(SquaresWithItsPid.class))) {
            Set<Object> pids = new HashSet<>();
            Set<Object> parents = new HashSet<>();
            for (int n = 0; n < 100; n++) {
                int request = n;
                List<?> reply = within(child, "the reply to request " + n, () -> {
                    child.connection().send(request);
                    return (List<?>) child.connection().recv();
                });

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
    @Tag("task:1")
    void an_empty_message_and_a_16_mib_message_arrive_exactly_as_sent() throws Exception {
        byte[] big = new byte[16 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 7 + i / 4093);
        }
        try (ChildConnection child = ChildConnection.start(JavaProcess.of(EchoesBytes.class))) {
            helloFrom(child);
            Connection pipe = child.connection();

            byte[] first = within(child, "an empty message, sent to the child and back", () -> {
                pipe.sendBytes(new byte[0]);
                return pipe.recvBytes();
            });
            byte[] second = within(child, "the 16 MiB message, sent to the child and back", () -> {
                pipe.sendBytes(big);
                return pipe.recvBytes();
            });
            byte[] third = within(child, "the empty message after the 16 MiB one, sent to the child and back", () -> {
                pipe.sendBytes(new byte[0]);
                return pipe.recvBytes();
            });

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
    @Tag("task:1")
    void a_message_of_a_class_not_on_the_allow_list_is_refused_and_its_code_never_runs() throws Exception {
        int deserializedBefore = Gadget.DESERIALIZED.get();
        try (ChildConnection child = ChildConnection.start(JavaProcess.of(SendsAGadgetThenItsPid.class))) {
            assertThatExceptionOfType(RuntimeException.class)
                    .as("recv() in the test JVM when the child sent a %s, a class that is neither a JDK value type "
                            + "nor in package katas.pipe: refuse it (SafeSerialization.fromBytes with the allow-list "
                            + "throws IllegalArgumentException) instead of returning it", Gadget.class.getName())
                    .isThrownBy(() -> within(child, "recv() of the child's first message", () -> child.connection().recv()));
            assertThat(Gadget.DESERIALIZED.get() - deserializedBefore)
                    .as("how many times the refused message\'s readObject ran in the test JVM: bytes from another process are "
                            + "data, never code. Deserialize through an ObjectInputFilter allow-list "
                            + "(SafeSerialization.fromBytes), which refuses the class before any of its code runs")
                    .isZero();
            assertThat(within(child, "recv() of the message after the refused one", () -> child.connection().recv()))
                    .as("the next message after the refused one: the child's pid. The refused frame was read whole, "
                            + "so the stream is still in step")
                    .isEqualTo(child.pid());
        }
    }

    @Test
    @Tag("task:1")
    void the_child_sees_end_of_stream_and_exits_by_itself_when_the_parent_closes_its_end() throws Exception {
        try (ChildConnection child = ChildConnection.start(JavaProcess.of(EchoesBytes.class))) {
            helloFrom(child);

            child.connection().close();

            assertThatProcess(child.process()).isDeadWithin(PLENTY).hasExitedWith(0);
            await("the child's stderr saying 'end of stream': its recv() threw EOFException once the parent had "
                    + "closed its end").atMost(PLENTY).untilAsserted(() -> assertThat(child.errorOutput())
                    .as("the child's stderr: its recv() threw EOFException once the parent had closed its end")
                    .contains("end of stream"));
        }
    }

    @Test
    @Tag("task:1")
    void recv_after_the_child_has_exited_throws_eof_exception_instead_of_hanging() throws Exception {
        try (ChildConnection child = ChildConnection.start(JavaProcess.of(SendsItsPidAndExits.class))) {
            helloFrom(child);
            assertThatProcess(child.process()).isDeadWithin(PLENTY);

            assertThatExceptionOfType(EOFException.class)
                    .as("recv() when the child has exited and nothing more will come: an EOFException, at once "
                            + "(DataInputStream.readInt throws it when the stream ends before a new frame)")
                    .isThrownBy(() -> within(child, "recv() after the child has exited", () -> child.connection().recv()));
        }
    }

    @Test
    @Tag("task:1")
    void sending_to_a_child_that_has_exited_fails_with_an_io_exception() throws Exception {
        try (ChildConnection child = ChildConnection.start(JavaProcess.of(SendsItsPidAndExits.class))) {
            helloFrom(child);
            assertThatProcess(child.process()).isDeadWithin(PLENTY);

            assertThatExceptionOfType(IOException.class)
                    .as("send() to a process that has exited: an IOException (a broken pipe); did send() flush?")
                    .isThrownBy(() -> within(child, "100 sends to a child that has exited", () -> {
                        for (int i = 0; i < 100; i++) {
                            child.connection().send("is anybody there? " + i);
                        }
                        return null;
                    }));
        }
    }

    @Test
    @Tag("task:2")
    void a_stray_println_in_the_child_goes_to_stderr_and_leaves_the_frames_intact() throws Exception {
        String stray = "The child printed with System.out.println after Connection.overStandardStreams(), before and "
                + "after its first message. If those lines went into the pipe, the parent reads their text as a frame "
                + "length: overStandardStreams() must keep the real stdout for the frames and point System.out at "
                + "System.err (System.setOut(System.err)).";
        try (ChildConnection child = ChildConnection.start(JavaProcess.of(PrintsStrayLinesThenEchoes.class))) {
            List<Object> got = within(child, "the pid and the echo of 'still in step' from the careless child",
                    stray + " The parent is probably waiting for the rest of a 'frame' whose length was text.", () -> {
                try {
                    Object pid = child.connection().recv();
                    child.connection().sendBytes("still in step".getBytes(StandardCharsets.UTF_8));
                    return List.of(pid, new String(child.connection().recvBytes(), StandardCharsets.UTF_8));
                } catch (Exception | OutOfMemoryError e) {
                    throw new AssertionError(stray + " The parent's end failed with: " + e, e);
                }
            });

            assertThat(got)
                    .as("what the parent got from the careless child: its pid, then the echo of 'still in step'")
                    .containsExactly(child.pid(), "still in step");
            await("the child's stray println lines on its stderr").atMost(PLENTY).untilAsserted(
                    () -> assertThat(child.errorOutput())
                            .as("the child's stderr: System.out.println after overStandardStreams() prints there")
                            .contains("a stray line before the first message", "a stray line after the first message"));
        }
    }

    @Test
    @Tag("task:2")
    void a_child_that_writes_a_lot_to_stderr_does_not_block() throws Exception {
        int lines = 10_000; // 1 MB: far more than the 64 KiB a pipe holds
        try (ChildConnection child = ChildConnection.start(
                JavaProcess.of(FloodsStderrThenSendsItsPid.class).withArgs(String.valueOf(lines)))) {
            Object pid = within(child, "recv() of the pid of a child that first writes 1 MB to its stderr", "The "
                    + "child's stderr is a third pipe: nobody read it, so it filled up and the child blocked in "
                    + "println. Drain it from the start (katas.process.CapturedOutput).", () -> child.connection().recv());

            assertThat(pid).as("the chatty child's first message: its pid").isEqualTo(child.pid());
            await("the end of the child's 1 MB of stderr in errorOutput()").atMost(PLENTY).untilAsserted(
                    () -> assertThat(child.errorOutput())
                            .as("what errorOutput() holds after the child wrote %d lines and 'flood done' to its "
                                    + "stderr", lines)
                            .contains("flood done"));
        }
    }

    @Test
    @Tag("task:2")
    void closing_the_child_connection_lets_the_child_finish_and_exit_by_itself() throws Exception {
        ChildConnection child = ChildConnection.start(JavaProcess.of(FinishesAfterEndOfStream.class).withArgs("800"));
        try {
            helloFrom(child);
        } finally {
            closeWithin(child, "a child that finishes after the end of its stream", "Close the parent's end first, "
                    + "then wait a few seconds for the child, then kill it.");
        }

        assertThatProcess(child.process()).isDeadWithin(PLENTY);
        assertThat(child.errorOutput())
                .as("the child's stderr after ChildConnection.close(). The child sees the end of the stream, then "
                        + "works 0.8 s more, writes a last report of 200 KB, then 'finished cleanly'. Missing means "
                        + "close() killed the child before it could finish (close the parent's end, then give the "
                        + "child a few seconds to exit by itself, ProcessTree.closeInputThenStop, and only then kill "
                        + "it), or close() returned before the child's stderr was read to its end "
                        + "(CapturedOutput.awaitEnd)")
                .contains("end of stream", "finished cleanly");
        assertThatProcess(child.process()).hasExitedWith(0);
    }

    @Test
    @Tag("task:2")
    void when_close_returns_error_output_holds_all_the_child_wrote_to_stderr() throws Exception {
        int lines = 20_000; // 2 MB, then a last line that comes after the child has exited
        ChildConnection child = ChildConnection.start(
                JavaProcess.of(FloodsStderrThenHalts.class).withArgs(String.valueOf(lines)));
        closeWithin(child, "a child that writes 2 MB to its stderr and exits", "Is its stderr drained from the "
                + "start (katas.process.CapturedOutput)?");

        assertThat(child.errorOutput())
                .as("errorOutput() right after ChildConnection.close() returned. The child wrote %d lines to its "
                        + "stderr and exited; a process it started on the same stderr pipe wrote 'last stderr line' "
                        + "0.3 s later. Missing means close() returned once the child had exited, before its stderr "
                        + "pipe reached its end (the last of it may still sit in the pipe, or be written by a process "
                        + "the child started): close() must also read stderr to its end (CapturedOutput.awaitEnd)",
                        lines)
                .contains("last stderr line");
    }

    @Test
    @Tag("task:2")
    void closing_the_child_connection_kills_a_child_that_stays_after_the_end_of_the_stream() throws Exception {
        ChildConnection child = ChildConnection.start(JavaProcess.of(IgnoresEndOfStream.class));
        try {
            helloFrom(child);
        } finally {
            closeWithin(child, "a child that stays after the end of its stream", "close() must not wait for ever: "
                    + "give the child a few seconds to exit by itself, then kill it (ProcessTree.closeInputThenStop "
                    + "does both).");
        }

        assertThatProcess(child.process()).isDeadWithin(Duration.ofSeconds(2));
    }

    @Test
    @Tag("task:2")
    void a_frame_whose_length_is_negative_is_refused_as_a_corrupt_stream() {
        // FF 00 00 00: what a length looks like when stray bytes, not a frame, arrived at the start of one.
        Connection end = Connection.receiveOnly(new ByteArrayInputStream(new byte[] {(byte) 0xFF, 0, 0, 0}));

        assertThatExceptionOfType(IOException.class)
                .as("recvBytes() of a frame whose length reads as %d: no frame of ours has a length below zero, so "
                        + "the stream is corrupt (something else wrote into the pipe). Refuse it with an IOException "
                        + "that says so, instead of new byte[length] failing with a NegativeArraySizeException",
                        0xFF000000)
                .isThrownBy(end::recvBytes);
    }

    @Test
    @Tag("task:5")
    void using_the_parents_end_after_close_fails_clearly() throws Exception {
        ChildConnection child = ChildConnection.start(JavaProcess.of(EchoesBytes.class));
        try {
            helloFrom(child);
        } finally {
            child.close();
        }
        Connection pipe = child.connection();

        assertThatExceptionOfType(IllegalStateException.class)
                .as("send() on the parent's end after ChildConnection.close(): an IllegalStateException that says "
                        + "the end is closed. Did close() close the connection, and does send() check for it first?")
                .isThrownBy(() -> pipe.send("after close"))
                .withMessageContaining("closed");
        assertThatExceptionOfType(IllegalStateException.class)
                .as("recv() on the parent's end after ChildConnection.close(): an IllegalStateException that says "
                        + "the end is closed, not an EOFException or an IOException from a closed stream")
                .isThrownBy(() -> within(child, "recv() on a closed end", pipe::recv))
                .withMessageContaining("closed");
    }

    @Test
    @Tag("task:5")
    void closing_an_end_a_second_time_does_nothing() {
        Connection end = Connection.sendOnly(new ByteArrayOutputStream());
        end.close();

        assertThatCode(end::close)
                .as("a second close() of a Connection, as ChildConnection.close() or try-with-resources does after "
                        + "an explicit close(): it must do nothing, not throw")
                .doesNotThrowAnyException();
    }
}
