package katas.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import katas.process.JavaProcess;
import katas.process.ProcessTree;
import katas.testkit.fixtures.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

@KataTest
class ProcessTreeTest {

    @Test
    void await_exit_gives_up_on_a_process_that_keeps_running() throws Exception {
        Process child = JavaProcess.of(Sleeper.class).start();
        try {
            assertThat(ProcessTree.awaitExit(child.toHandle(), Duration.ofMillis(100))).isFalse();
            assertThat(ProcessTree.isRunning(child.toHandle())).isTrue();
        } finally {
            ProcessTree.kill(child.toHandle());
        }
        assertThat(ProcessTree.isRunning(child.toHandle())).isFalse();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void an_orphan_that_has_exited_counts_as_exited_at_once_even_before_it_is_reaped() throws Exception {
        // sh starts a short-lived orphan-to-be, tells us its pid, and is then killed: the orphan belongs to PID 1,
        // which may collect its exit status only seconds later, and until then isAlive() says true.
        Process shell = new ProcessBuilder("sh", "-c", "sleep 0.2 & echo $!; exec sleep 30").start();
        long orphanPid;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(shell.getInputStream(), StandardCharsets.US_ASCII))) {
            orphanPid = Long.parseLong(out.readLine().trim());
        } finally {
            ProcessTree.kill(shell.toHandle());
        }
        ProcessHandle orphan = ProcessHandle.of(orphanPid).orElse(null);
        long started = System.nanoTime();

        boolean exited = orphan == null || ProcessTree.awaitExit(orphan, Duration.ofSeconds(5));

        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(exited).isTrue();
        assertThat(waitedMillis).as("ms from the kill to the orphan's exit noticed (it sleeps 200 ms)")
                .isLessThan(1000);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void by_pid_a_zombie_does_not_count_as_running() throws Exception {
        // The JDK reaps its own children at once; a zombie needs a parent that does not: sh exec-ing into sleep
        // leaves its child's exit status uncollected.
        Process shell = new ProcessBuilder("sh", "-c", "sleep 0 & echo $!; exec sleep 30").start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(shell.getInputStream(), StandardCharsets.US_ASCII))) {
            long zombie = Long.parseLong(out.readLine().trim());
            Thread.sleep(500);
            assertThat(ProcessTree.isRunning(zombie)).as("isRunning(pid) of a child of sh that has exited").isFalse();
            assertThat(ProcessTree.isRunning(shell.pid())).as("isRunning(pid) of the sleeping shell").isTrue();
        } finally {
            ProcessTree.kill(shell.toHandle());
        }
        assertThat(ProcessTree.isRunning(shell.pid())).as("isRunning(pid) of the killed shell").isFalse();
    }
}
