package katas.fourprinters;

import static katas.kit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import katas.fourprinters.fixtures.FailsIfOdd;
import katas.fourprinters.fixtures.PrintsLongLines;
import katas.fourprinters.fixtures.PrintsThenLingers;
import katas.fourprinters.fixtures.WaitsThenPrints;
import katas.kit.KataTest;
import katas.kit.OutputRecorder;
import org.junit.jupiter.api.Test;

@KataTest
class FourPrintersTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Pattern REPORT = Pattern.compile("(-?\\d+) from pid (\\d+)");

    /** Stands in for System.out: every line run() prints lands here, in the order it was printed. */
    private final OutputRecorder out = new OutputRecorder();

    /** One "N from pid P" line, as a child printed it about itself. */
    private record Report(int number, long pid) {
    }

    private List<Report> reports() {
        List<Report> reports = new ArrayList<>();
        for (String line : out.lines()) {
            Matcher m = REPORT.matcher(line);
            if (m.matches()) {
                reports.add(new Report(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2))));
            }
        }
        return reports;
    }

    private List<Report> fourReports() {
        List<Report> reports = reports();
        assertThat(reports)
                .as("the children's \"N from pid P\" lines in 'out' after run() returned. Fewer than four means "
                        + "run() returned before every child had printed, or their output was not copied to 'out'. "
                        + "All lines: %s", out.lines())
                .hasSize(4);
        reports.forEach(report -> assertThatProcess(report.pid()).ranOutsideTheTestJvm());
        return reports;
    }

    @Test
    void each_number_is_printed_exactly_once() throws Exception {
        FourPrinters.run(out.stream(), List.of(10, 20, 30, 40));

        List<Report> reports = reports();
        assertThat(reports).extracting(Report::number)
                .as("the numbers the children printed (one child per number; the lines may come in any order). "
                        + "All lines: %s", out.lines())
                .containsExactlyInAnyOrder(10, 20, 30, 40);
        reports.forEach(report -> assertThatProcess(report.pid()).ranOutsideTheTestJvm());
    }

    @Test
    void the_four_numbers_come_from_four_distinct_processes_none_of_them_the_test_jvm() throws Exception {
        FourPrinters.run(out.stream(), List.of(10, 20, 30, 40));

        List<Report> reports = fourReports();
        assertThat(reports.stream().map(Report::pid).distinct().count())
                .as("how many different pids printed the four numbers %s; the test JVM is pid %d. Each number "
                        + "needs its own child JVM: one ProcessBuilder.start() per number", reports, TEST_JVM)
                .isEqualTo(4);
    }

    @Test
    void all_processes_are_done_comes_once_and_last_even_when_the_first_child_prints_last() throws Exception {
        // The first child started waits 0.8 s before it prints; the last one started prints almost at once.
        FourPrinters.run(out.stream(), List.of(800, 10, 20, 30), WaitsThenPrints.class);

        fourReports();
        List<String> lines = out.lines();
        assertThat(lines)
                .as("everything printed to 'out', in order. \"%s\" must come once, after the line of the slowest "
                        + "child. If it came too early, run() waited only for some children (the seed's bug: "
                        + "waiting for the last one started is not waiting for all), or printed before every "
                        + "child's output had been copied", FourPrinters.DONE)
                .hasSize(5)
                .containsOnlyOnce(FourPrinters.DONE)
                .last().isEqualTo(FourPrinters.DONE);
    }

    @Test
    void every_child_has_exited_when_run_returns() throws Exception {
        // The first child started stays alive 0.8 s after printing; the last one started ends almost at once.
        FourPrinters.run(out.stream(), List.of(800, 10, 20, 30), PrintsThenLingers.class);

        for (Report report : fourReports()) {
            assertThat(ProcessHandle.of(report.pid()).filter(ProcessHandle::isAlive))
                    .as("the child that printed %d (pid %d) was still running when run() returned. run() must wait "
                            + "for EVERY child it started (keep them all in one list and waitFor() each one), not "
                            + "only for the last one started", report.number(), report.pid())
                    .isEmpty();
        }
    }

    @Test
    void the_four_children_are_alive_at_the_same_time() throws Exception {
        // Each child stays alive for half a second after printing: if they run side by side, they overlap.
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                FourPrinters.run(out.stream(), List.of(500, 501, 502, 503), PrintsThenLingers.class);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "runs FourPrinters.run");
        runner.setDaemon(true);

        int mostAtOnce = 0;
        Set<Long> childrenSeen = new HashSet<>();
        runner.start();
        while (runner.isAlive()) {
            Set<Long> alive = ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                    .map(ProcessHandle::pid).collect(Collectors.toSet());
            mostAtOnce = Math.max(mostAtOnce, alive.size());
            childrenSeen.addAll(alive);
            Thread.sleep(20);
        }
        if (failure.get() != null) {
            throw new AssertionError("run() failed", failure.get());
        }

        assertThat(mostAtOnce)
                .as("the most child processes of the test JVM alive at the same moment while run() ran. The four "
                        + "children must run side by side: start all of them first, then wait for them. Starting "
                        + "one and waiting for it before starting the next runs them one after another")
                .isGreaterThanOrEqualTo(4);
        assertThat(childrenSeen)
                .as("the pids the children reported must be child processes of the test JVM (pid %d), seen alive "
                        + "while run() ran", TEST_JVM)
                .containsAll(fourReports().stream().map(Report::pid).collect(Collectors.toList()));
    }

    @Test
    void lines_printed_by_children_at_the_same_time_arrive_whole() throws Exception {
        FourPrinters.run(out.stream(), List.of(1, 2, 3, 4), PrintsLongLines.class);

        List<String> lines = new ArrayList<>(out.lines());
        lines.remove(FourPrinters.DONE);
        Pattern whole = Pattern.compile("(\\d)\\1{" + (PrintsLongLines.LENGTH - 1) + "} from pid (\\d+)");
        List<String> broken = lines.stream()
                .filter(line -> !whole.matcher(line).matches())
                .map(line -> line.substring(0, Math.min(40, line.length())) + "... (" + line.length() + " chars)")
                .collect(Collectors.toList());
        assertThat(broken.subList(0, Math.min(3, broken.size())))
                .as("the first of %d lines (out of %d) that are not one child's whole line (%d equal digits, then "
                        + "\" from pid P\"). Four children write at the same time and a long line reaches the parent "
                        + "in several pieces: copy whole lines (readLine, then println), never raw bytes, and let one "
                        + "line out at a time", broken.size(), lines.size(), PrintsLongLines.LENGTH)
                .isEmpty();
        Map<String, Long> linesPerChild = lines.stream()
                .collect(Collectors.groupingBy(line -> line.substring(PrintsLongLines.LENGTH - 1),
                        Collectors.counting()));
        assertThat(linesPerChild)
                .as("how many lines reached 'out' from each child (key: its last digit and its pid); each of the "
                        + "four prints %d lines", PrintsLongLines.LINES)
                .hasSize(4)
                .allSatisfy((child, count) -> assertThat(count).as(child).isEqualTo(PrintsLongLines.LINES));
        lines.stream().map(line -> Long.parseLong(line.replaceAll(".* from pid ", ""))).distinct()
                .forEach(pid -> assertThatProcess(pid).ranOutsideTheTestJvm());
    }

    @Test
    void a_child_that_fails_makes_run_fail_naming_its_pid_and_exit_status() throws Exception {
        Throwable thrown = catchThrowable(() -> FourPrinters.run(out.stream(), List.of(10, 21), FailsIfOdd.class));

        long failedPid = reports().stream().filter(r -> r.number() == 21).map(Report::pid).findFirst()
                .orElseThrow(() -> new AssertionError("the failing child's line \"21 from pid P\" never reached "
                        + "'out': copy each child's output even when it fails. All lines: " + out.lines()));
        assertThatProcess(failedPid).ranOutsideTheTestJvm();
        assertThat(thrown)
                .as("run() when the child for 21 (pid %d) exits with status %d: it must not pretend all went well, "
                        + "but throw an IllegalStateException that names the pid and the exit status (exitValue())",
                        failedPid, FailsIfOdd.STATUS)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(String.valueOf(failedPid))
                .hasMessageMatching("(?s).*\\b" + FailsIfOdd.STATUS + "\\b.*");
        assertThat(out.lines())
                .as("\"%s\" is only for a run in which every child succeeded", FourPrinters.DONE)
                .doesNotContain(FourPrinters.DONE);
    }

    @Test
    void interrupting_run_stops_every_child_it_started() throws Exception {
        // Each child prints at once, then stays alive for about 10 s: run() is interrupted while it waits.
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                FourPrinters.run(out.stream(), List.of(10_000, 10_001, 10_002, 10_003), PrintsThenLingers.class);
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "runs FourPrinters.run");
        runner.setDaemon(true);
        runner.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (reports().size() < 4 && runner.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(runner.isAlive())
                .as("run() was still waiting for its four lingering children, which had printed %s. It ended "
                        + "early instead, with: %s", out.lines(), thrown.get())
                .isTrue();
        List<Report> reports = fourReports();

        runner.interrupt();
        runner.join(Duration.ofSeconds(10).toMillis());

        assertThat(thrown.get())
                .as("what run() threw when the thread waiting in it was interrupted: waitFor() throws "
                        + "InterruptedException, and run() passes it on")
                .isInstanceOf(InterruptedException.class);
        for (Report report : reports) {
            assertThatProcess(report.pid())
                    .as("the child for %d (pid %d) after run() was interrupted. Nobody waits for it any more, so "
                            + "run() must stop every child it started before it gives up (try/catch or "
                            + "try/finally around the waiting, then destroyForcibly() or the kit's "
                            + "ProcessTree.kill)", report.number(), report.pid())
                    .isDeadWithin(Duration.ofSeconds(3));
        }
    }

    @Test
    void an_empty_list_of_numbers_is_rejected() {
        assertThatThrownBy(() -> FourPrinters.run(out.stream(), List.of()))
                .as("run() with no numbers: there is nothing to start")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
