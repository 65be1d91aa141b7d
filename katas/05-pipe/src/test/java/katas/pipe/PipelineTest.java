package katas.pipe;

import static katas.kit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import katas.kit.CapturedProcess;
import katas.kit.JavaProcess;
import katas.kit.KataTest;
import katas.kit.ProcessTree;
import katas.pipe.fixtures.ReceivesThenTriesToSend;
import katas.pipe.fixtures.ReportsItsStdinPipe;
import katas.pipe.fixtures.ReportsItsStdoutPipe;
import katas.pipe.fixtures.SendsThenTriesToReceive;
import org.junit.jupiter.api.Test;

/** Two child processes joined by a one-way OS pipe, started with {@link Pipeline}. */
@KataTest
class PipelineTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PLENTY = Duration.ofSeconds(10);

    /** Runs a sender and a receiver through {@link Pipeline#start}; the two children come back captured. */
    private static List<CapturedProcess> pipeline(JavaProcess sender, JavaProcess receiver) throws Exception {
        List<Process> processes = Pipeline.start(sender, receiver);
        assertThat(processes).as("Pipeline.start returns the two processes it started, sender first").hasSize(2);
        return processes.stream().map(CapturedProcess::new).collect(Collectors.toList());
    }

    private static void killAll(List<CapturedProcess> children) {
        children.stream().map(CapturedProcess::process).filter(Process::isAlive).map(Process::toHandle)
                .forEach(ProcessTree::kill);
    }

    @Test
    void a_receiver_process_gets_three_messages_in_order_then_end_of_stream_and_exits_by_itself() throws Exception {
        String third = "i am talking class for multiprocessing " + System.nanoTime();
        List<CapturedProcess> children = pipeline(
                JavaProcess.of(Sender.class).withArgs("my name is shiva", "this is msg to second person", third),
                JavaProcess.of(Receiver.class));
        try {
            CapturedProcess sender = children.get(0);
            CapturedProcess receiver = children.get(1);

            assertThat(receiver.awaitExit(PLENTY))
                    .as("exit code of the receiver process. It must stop by itself: recv() throws EOFException once "
                            + "the sender has closed its end; its stderr: %s", receiver.stderr().text())
                    .isZero();
            assertThat(receiver.stdout().lines())
                    .as("what the receiver printed: the three messages whole and in order, then 'end of stream' "
                            + "when recv() threw EOFException")
                    .containsExactly("received my name is shiva", "received this is msg to second person",
                            "received " + third, "end of stream");
            assertThat(sender.awaitExit(PLENTY))
                    .as("exit code of the sender process; its stderr: %s", sender.stderr().text()).isZero();
        } finally {
            killAll(children);
        }
    }

    @Test
    void sender_and_receiver_are_two_processes_joined_by_one_os_pipe_not_relayed_through_the_test_jvm()
            throws Exception {
        List<CapturedProcess> children = pipeline(JavaProcess.of(ReportsItsStdoutPipe.class),
                JavaProcess.of(ReportsItsStdinPipe.class));
        try {
            CapturedProcess sender = children.get(0);
            CapturedProcess receiver = children.get(1);
            assertThat(receiver.awaitExit(PLENTY)).as("exit code of the receiver; its stderr: %s",
                    receiver.stderr().text()).isZero();
            assertThat(sender.awaitExit(PLENTY)).as("exit code of the sender; its stderr: %s",
                    sender.stderr().text()).isZero();

            String report = receiver.stdout().lines().get(0);
            long receiverPid = Long.parseLong(report.replaceAll("pid=(\\d+) .*", "$1"));
            long receiverParent = Long.parseLong(report.replaceAll(".* parent=(-?\\d+) .*", "$1"));
            String stdin = report.replaceAll(".* stdin=(\\S+) .*", "$1");
            String senderPid = report.replaceAll(".* got=(.*)", "$1");
            String stdout = sender.stderr().lines().get(0).replaceFirst("stdout=", "");

            assertThatProcess(receiverPid).ranOutsideTheTestJvm();
            assertThat(receiverParent).as("the receiver's parent, seen from inside it; the test JVM is pid %d",
                    TEST_JVM).isEqualTo(TEST_JVM);
            assertThat(senderPid)
                    .as("the message the receiver got: the sender's pid, taken inside the sender. It must be the "
                            + "first process of the pipeline (pid %d), not the test JVM (pid %d)", sender.pid(),
                            TEST_JVM)
                    .isEqualTo(String.valueOf(sender.pid()));
            if (stdout.startsWith("pipe:")) {
                assertThat(stdin)
                        .as("the OS pipe behind the receiver's stdin must be the very pipe behind the sender's "
                                + "stdout (%s). Another pipe means the bytes were relayed by another process, "
                                + "probably the test JVM: use ProcessBuilder.startPipeline", stdout)
                        .isEqualTo(stdout);
            }
        } finally {
            killAll(children);
        }
    }

    @Test
    void a_one_way_pipe_used_the_wrong_way_round_fails_clearly_at_both_ends() throws Exception {
        List<CapturedProcess> children = pipeline(JavaProcess.of(SendsThenTriesToReceive.class),
                JavaProcess.of(ReceivesThenTriesToSend.class));
        try {
            CapturedProcess sender = children.get(0);
            CapturedProcess receiver = children.get(1);
            assertThat(receiver.awaitExit(PLENTY)).as("exit code of the receiver; its stderr: %s",
                    receiver.stderr().text()).isZero();
            assertThat(sender.awaitExit(PLENTY)).as("exit code of the sender; its stderr: %s",
                    sender.stderr().text()).isZero();

            assertThat(sender.stderr().text())
                    .as("what recv() did on the sender's send-only end (a Connection.sendOnly): throw an "
                            + "IllegalStateException at once, not block or read garbage")
                    .startsWith("recv on the send-only end: java.lang.IllegalStateException");
            assertThat(receiver.stdout().lines())
                    .as("what the receiver printed: the message, then what send() did on its receive-only end (a "
                            + "Connection.receiveOnly): throw an IllegalStateException")
                    .hasSize(2)
                    .first().isEqualTo("received hello");
            assertThat(receiver.stdout().lines().get(1))
                    .startsWith("send on the receive-only end: java.lang.IllegalStateException");
        } finally {
            killAll(children);
        }
    }
}
