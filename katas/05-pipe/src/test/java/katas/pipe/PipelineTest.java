package katas.pipe;

import static katas.testkit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import katas.pipe.fixtures.ReceivesThenTriesToSend;
import katas.pipe.fixtures.ReportsItsStdinPipe;
import katas.pipe.fixtures.ReportsItsStdoutPipe;
import katas.pipe.fixtures.SendsThenTriesToReceive;
import katas.process.CapturedProcess;
import katas.process.JavaProcess;
import katas.testkit.ChildJvmFleet;
import katas.testkit.KataTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Two child processes joined by a one-way OS pipe, started with {@link Pipeline}. */
@KataTest
class PipelineTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PLENTY = Duration.ofSeconds(10);

    private static final String RECEIVER_MAY_HANG = "A receiver stops by itself when recv() throws EOFException, "
            + "which happens once every process holding the pipe's writing end has closed it or exited. If the "
            + "sender has exited, some other process still holds that end open (the test JVM, if Pipeline relays "
            + "the bytes instead of joining the two with ProcessBuilder.startPipeline), or recv() does not turn the "
            + "end of the stream into EOFException.";
    private static final String SENDER_MAY_HANG = "A sender sends its messages and exits: nothing in it should wait.";

    /** The two children of one pipeline, their output captured by the fleet that owns them. */
    private record Piped(ChildJvmFleet fleet, CapturedProcess sender, CapturedProcess receiver) {

        /** Runs {@code sender} and {@code receiver} through {@link Pipeline#start}, in the care of {@code fleet}. */
        static Piped start(ChildJvmFleet fleet, JavaProcess sender, JavaProcess receiver) throws Exception {
            List<Process> started = Pipeline.start(sender, receiver);
            started.forEach(fleet::adopt);
            assertThat(started).as("Pipeline.start returns the two processes it started, sender first").hasSize(2);
            List<CapturedProcess> children = fleet.all();
            return new Piped(fleet, children.get(0), children.get(1));
        }

        int exitCodeOfReceiver() throws InterruptedException {
            return fleet.exitCodeOf(receiver, "receiver", PLENTY, RECEIVER_MAY_HANG);
        }

        int exitCodeOfSender() throws InterruptedException {
            return fleet.exitCodeOf(sender, "sender", PLENTY, SENDER_MAY_HANG);
        }

        /** Waits for both to exit by themselves, and checks that each exited with 0. */
        void awaitBothExitedCleanly() throws InterruptedException {
            assertThat(exitCodeOfReceiver())
                    .as("exit code of the receiver; its stderr: %s", receiver.stderr().text()).isZero();
            assertThat(exitCodeOfSender())
                    .as("exit code of the sender; its stderr: %s", sender.stderr().text()).isZero();
        }
    }

    /** The line of {@code lines} that starts with {@code prefix}, without it; other lines (JVM notices) are skipped. */
    private static Optional<String> lineAfter(String prefix, List<String> lines) {
        return lines.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .findFirst();
    }

    /** One field of the receiver's report line "pid=.. parent=.. stdin=.. got=..". */
    private static String field(String name, String report) {
        return report.replaceAll(".*\\b" + name + "=(\\S*).*", "$1");
    }

    @Test
    @Tag("task:3")
    void a_receiver_process_gets_three_messages_in_order_then_end_of_stream_and_exits_by_itself() throws Exception {
        String third = "i am talking class for multiprocessing " + System.nanoTime();
        try (ChildJvmFleet children = new ChildJvmFleet()) {
            Piped pipe = Piped.start(children,
                    JavaProcess.of(Sender.class).withArgs("my name is shiva", "this is msg to second person", third),
                    JavaProcess.of(Receiver.class));
            CapturedProcess sender = pipe.sender();
            CapturedProcess receiver = pipe.receiver();

            assertThat(pipe.exitCodeOfReceiver())
                    .as("exit code of the receiver process. It must stop by itself: recv() throws EOFException once "
                            + "the sender has closed its end; its stderr: %s", receiver.stderr().text())
                    .isZero();
            assertThat(receiver.stdout().lines())
                    .as("what the receiver printed: the three messages whole and in order, then 'end of stream' "
                            + "when recv() threw EOFException")
                    .containsExactly("received my name is shiva", "received this is msg to second person",
                            "received " + third, "end of stream");
            assertThat(pipe.exitCodeOfSender())
                    .as("exit code of the sender process; its stderr: %s", sender.stderr().text()).isZero();
        }
    }

    @Test
    @Tag("task:3")
    void sender_and_receiver_are_two_child_processes_and_the_message_comes_from_the_sender() throws Exception {
        try (ChildJvmFleet children = new ChildJvmFleet()) {
            Piped pipe = Piped.start(children, JavaProcess.of(ReportsItsStdoutPipe.class),
                    JavaProcess.of(ReportsItsStdinPipe.class));
            pipe.awaitBothExitedCleanly();

            Optional<String> report = lineAfter("pid=", pipe.receiver().stdout().lines());
            assertThat(report).as("the receiver's report line 'pid=.. parent=.. stdin=.. got=..' on its stdout")
                    .isPresent();
            long receiverPid = Long.parseLong(report.get().replaceAll("^(\\d+) .*", "$1"));
            long receiverParent = Long.parseLong(field("parent", report.get()));

            assertThatProcess(receiverPid).ranOutsideTheTestJvm();
            assertThat(receiverParent).as("the receiver's parent, seen from inside it; the test JVM is pid %d",
                    TEST_JVM).isEqualTo(TEST_JVM);
            assertThat(field("got", report.get()))
                    .as("the message the receiver got: the sender's pid, taken inside the sender. It must be the "
                            + "first process of the pipeline (pid %d), not the test JVM (pid %d)",
                            pipe.sender().pid(), TEST_JVM)
                    .isEqualTo(String.valueOf(pipe.sender().pid()));
        }
    }

    @Test
    @Tag("task:3")
    @EnabledOnOs(value = OS.LINUX, disabledReason = "only Linux shows a process's pipes in /proc/self/fd")
    void the_receivers_stdin_is_the_very_os_pipe_behind_the_senders_stdout_not_a_relay_through_the_test_jvm()
            throws Exception {
        try (ChildJvmFleet children = new ChildJvmFleet()) {
            Piped pipe = Piped.start(children, JavaProcess.of(ReportsItsStdoutPipe.class),
                    JavaProcess.of(ReportsItsStdinPipe.class));
            pipe.awaitBothExitedCleanly();

            Optional<String> stdout = lineAfter("stdout=", pipe.sender().stderr().lines());
            Optional<String> report = lineAfter("pid=", pipe.receiver().stdout().lines());
            assertThat(stdout).as("what the sender's stdout is, from /proc/self/fd/1, reported on its stderr")
                    .hasValueSatisfying(value -> assertThat(value)
                            .as("the sender's stdout under Pipeline: an OS pipe ('pipe:[inode]'), not a file or a "
                                    + "terminal").startsWith("pipe:"));
            assertThat(report).as("the receiver's report line 'pid=.. parent=.. stdin=.. got=..' on its stdout")
                    .isPresent();

            assertThat(field("stdin", report.get()))
                    .as("the OS pipe behind the receiver's stdin must be the very pipe behind the sender's stdout "
                            + "(%s). Another pipe means the bytes were relayed by another process, probably the "
                            + "test JVM: use ProcessBuilder.startPipeline", stdout.get())
                    .isEqualTo(stdout.get());
        }
    }

    @Test
    @Tag("task:4")
    void a_one_way_pipe_used_the_wrong_way_round_fails_clearly_at_both_ends() throws Exception {
        try (ChildJvmFleet children = new ChildJvmFleet()) {
            Piped pipe = Piped.start(children, JavaProcess.of(SendsThenTriesToReceive.class),
                    JavaProcess.of(ReceivesThenTriesToSend.class));
            pipe.awaitBothExitedCleanly();

            assertThat(pipe.sender().stderr().lines())
                    .as("what recv() did on the sender's send-only end (a Connection.sendOnly): throw an "
                            + "IllegalStateException at once, not block or read garbage")
                    .anySatisfy(line -> assertThat(line)
                            .as("a line of the sender's stderr")
                            .startsWith("recv on the send-only end: java.lang.IllegalStateException"));
            assertThat(pipe.receiver().stdout().lines())
                    .as("what the receiver printed: the message, then what send() did on its receive-only end (a "
                            + "Connection.receiveOnly): throw an IllegalStateException")
                    .hasSize(2)
                    .first().isEqualTo("received hello");
            assertThat(pipe.receiver().stdout().lines().get(1))
                    .as("what send() did on the receiver's receive-only end (a Connection.receiveOnly): throw an "
                            + "IllegalStateException at once, not write into a stream it does not have")
                    .startsWith("send on the receive-only end: java.lang.IllegalStateException");
        }
    }
}
