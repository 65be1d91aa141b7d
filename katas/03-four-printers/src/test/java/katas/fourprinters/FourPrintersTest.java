package katas.fourprinters;

import static katas.testkit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import katas.fourprinters.fixtures.FailsIfOdd;
import katas.fourprinters.fixtures.FailsIfOddElseWaitsThenPrints;
import katas.fourprinters.fixtures.LogsALotToStderr;
import katas.fourprinters.fixtures.PrintsAfterItsSiblingsExited;
import katas.fourprinters.fixtures.PrintsLongLines;
import katas.fourprinters.fixtures.PrintsManyLines;
import katas.fourprinters.fixtures.PrintsThenLingers;
import katas.fourprinters.fixtures.TheFirstOfTwinsFails;
import katas.fourprinters.fixtures.WaitsThenPrints;
import katas.testkit.Bounded;
import katas.testkit.KataTest;
import katas.testkit.OutputRecorder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@KataTest
class FourPrintersTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Pattern REPORT = Pattern.compile("(-?\\d+) from pid (\\d+)");
    /** How long a test waits for run(), whose children all end within a second or two, before it says so. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

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

    /** run(), but a run() that never returns fails with a message instead of the bare class timeout. */
    private void run(List<Integer> numbers, Class<?> printer) {
        runTo(out.stream(), numbers, printer);
    }

    private static void runTo(PrintStream stream, List<Integer> numbers, Class<?> printer) {
        Bounded.within(PATIENCE, "run() for " + numbers + ", whose children end within a second or two", "Either a "
                + "child is blocked writing to a pipe nobody reads (read each child's stdout AND stderr while it "
                + "runs), or run() waits for something that never ends.")
                .run(() -> FourPrinters.run(stream, numbers, printer));
    }

    private static List<Integer> numbers(List<Report> reports) {
        return reports.stream().map(Report::number).collect(Collectors.toList());
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
    @Tag("task:1")
    void each_number_is_printed_exactly_once() throws Exception {
        Bounded.within(PATIENCE, "run(out, [10, 20, 30, 40]) with the given NumberPrinter", "It must start one "
                + "child per number, wait for all, and return.")
                .run(() -> FourPrinters.run(out.stream(), List.of(10, 20, 30, 40)));

        List<Report> reports = reports();
        assertThat(numbers(reports))
                .as("the numbers the children printed (one child per number; the lines may come in any order). "
                        + "All lines: %s", out.lines())
                .containsExactlyInAnyOrder(10, 20, 30, 40);
        reports.forEach(report -> assertThatProcess(report.pid()).ranOutsideTheTestJvm());
    }

    @Test
    @Tag("task:1")
    void the_four_numbers_come_from_four_distinct_processes_none_of_them_the_test_jvm() throws Exception {
        run(List.of(10, 20, 30, 40), NumberPrinter.class);

        List<Report> reports = fourReports();
        assertThat(reports.stream().map(Report::pid).distinct().count())
                .as("how many different pids printed the four numbers %s; the test JVM is pid %d. Each number "
                        + "needs its own child JVM: one ProcessBuilder.start() per number", reports, TEST_JVM)
                .isEqualTo(4);
    }

    @Test
    @Tag("task:1")
    void every_number_gets_its_own_child_however_many_numbers_there_are() throws Exception {
        List<Integer> numbers = List.of(5, 15, 25, 35, 45, 55);

        run(numbers, NumberPrinter.class);

        List<Report> reports = reports();
        assertThat(numbers(reports))
                .as("the numbers printed for a list of six: one child per number, however many there are (four is "
                        + "only the example). All lines: %s", out.lines())
                .containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(reports.stream().map(Report::pid).distinct().count())
                .as("how many different pids printed the six numbers %s", reports)
                .isEqualTo(6L);
        reports.forEach(report -> assertThatProcess(report.pid()).ranOutsideTheTestJvm());
        assertThat(out.lines()).as("the last line, once every child has exited").last().isEqualTo(FourPrinters.DONE);
    }

    @Test
    @Tag("task:1")
    void an_empty_list_of_numbers_is_rejected() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .as("run() with no numbers: there is nothing to start, so reject the empty list at once")
                .isThrownBy(() -> run(List.of(), NumberPrinter.class));
    }

    @Test
    @Tag("task:2")
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
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (runner.isAlive() && System.nanoTime() < deadline) {
            Set<Long> alive = ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                    .map(ProcessHandle::pid).collect(Collectors.toSet());
            mostAtOnce = Math.max(mostAtOnce, alive.size());
            childrenSeen.addAll(alive);
            Thread.sleep(20);
        }
        assertThat(runner.isAlive())
                .as("run() still running %d s after it started four children that each end after half a second: "
                        + "it waits for something that never ends", PATIENCE.toSeconds())
                .isFalse();
        assertThat(failure.get()).as("what run() threw for four children that all succeed").isNull();

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
    @Tag("task:2")
    void all_processes_are_done_comes_once_and_last_even_when_the_first_child_prints_last() throws Exception {
        // The first child started waits 0.8 s before it prints; the last one started prints almost at once.
        run(List.of(800, 10, 20, 30), WaitsThenPrints.class);

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
    @Tag("task:2")
    void every_child_has_exited_when_run_returns() throws Exception {
        // The first child started stays alive 0.8 s after printing; the last one started ends almost at once.
        run(List.of(800, 10, 20, 30), PrintsThenLingers.class);

        for (Report report : fourReports()) {
            assertThat(ProcessHandle.of(report.pid()).filter(ProcessHandle::isAlive))
                    .as("the child that printed %d (pid %d) was still running when run() returned. run() must wait "
                            + "for EVERY child it started (keep them all in one list and waitFor() each one), not "
                            + "only for the last one started", report.number(), report.pid())
                    .isEmpty();
        }
    }

    @Test
    @Tag("task:3")
    void each_line_reaches_out_as_it_arrives_whichever_child_prints_first() throws Exception {
        // The child for 0, started first, prints only once the other three have exited (and 0.3 s later still).
        run(List.of(0, 1, 2, 3), PrintsAfterItsSiblingsExited.class);

        List<Report> reports = fourReports();
        assertThat(reports.get(reports.size() - 1).number())
                .as("the number whose line reached 'out' last, of %s. The child for 0 printed its line only after "
                        + "the other three children had exited, so its line must come last. It came earlier: run() "
                        + "copies the children's output one child after another, reading the first child's pipe to "
                        + "its end before it looks at the next, so the other lines waited although they had arrived. "
                        + "Copy each child's lines as they arrive: one reader thread per child, started right after "
                        + "the child", reports)
                .isZero();
    }

    @Test
    @Tag("task:3")
    void a_fifth_childs_line_arrives_while_the_first_four_are_still_running() throws Exception {
        // The first four print at once and then stay alive for 4 s; the fifth and sixth print at once and exit.
        List<Integer> numbers = List.of(4000, 4001, 4002, 4003, 10, 11);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                FourPrinters.run(out.stream(), numbers, PrintsThenLingers.class);
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "runs FourPrinters.run");
        runner.setDaemon(true);
        runner.start();
        try {
            await("the lines of the fifth and sixth children (10 and 11), which print at once and exit, to reach "
                    + "'out' while the first four children (which stay alive 4 s) are still running. They did not "
                    + "arrive before run() ended: the copying is limited to a few children at a time (a pool of "
                    + "four threads?). Give EVERY child its own reader thread, however many children there are")
                    .atMost(Duration.ofMillis(3500))
                    .until(() -> !runner.isAlive() || numbers(reports()).containsAll(List.of(10, 11)));
            assertThat(runner.isAlive())
                    .as("run() still running when the lines of 10 and 11 had arrived: the four children for 4000 to "
                            + "4003 stay alive 4 s. run() ended early instead, with: %s. All lines: %s", thrown.get(),
                            out.lines())
                    .isTrue();
        } finally {
            runner.join(PATIENCE.toMillis());
            if (runner.isAlive()) {
                runner.interrupt();
            }
        }
        assertThat(thrown.get()).as("what run() threw for six children that all succeed").isNull();
        assertThat(numbers(reports())).as("the numbers printed by the six children")
                .containsExactlyInAnyOrderElementsOf(numbers);
    }

    @Test
    @Tag("task:3")
    void lines_printed_by_children_at_the_same_time_arrive_whole() throws Exception {
        run(List.of(1, 2, 3, 4), PrintsLongLines.class);

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
                .allSatisfy((child, count) -> assertThat(count)
                        .as("lines that arrived from the child whose line ends with \"%s\": it printed %d. Fewer "
                                + "means lines were lost or merged with another child's", child, PrintsLongLines.LINES)
                        .isEqualTo(PrintsLongLines.LINES));
        lines.stream().map(line -> Long.parseLong(line.replaceAll(".* from pid ", ""))).distinct()
                .forEach(pid -> assertThatProcess(pid).ranOutsideTheTestJvm());
    }

    @Test
    @Tag("task:3")
    void all_processes_are_done_comes_after_every_line_even_when_out_is_slow() throws Exception {
        SlowRecorder slow = new SlowRecorder();

        runTo(slow.stream(), List.of(1, 2, 3, 4), PrintsManyLines.class);

        List<String> lines = slow.lines();
        int childLines = 4 * PrintsManyLines.LINES;
        assertThat(lines.indexOf(FourPrinters.DONE))
                .as("how many of the children's %d lines had reached a slow 'out' (like a terminal) before \"%s\". "
                        + "Each child printed %d lines and exited at once, its lines still in the pipe: waitFor() "
                        + "returns when the process has exited, not when its reader has copied the last line. After "
                        + "waitFor(), join each child's reader thread", childLines, FourPrinters.DONE,
                        PrintsManyLines.LINES)
                .isEqualTo(childLines);
    }

    @Test
    @Tag("task:3")
    void a_child_that_writes_a_lot_to_stderr_does_not_block() throws Exception {
        run(List.of(10, 20, 30, 40), LogsALotToStderr.class);

        List<Report> reports = fourReports();
        assertThat(numbers(reports))
                .as("the numbers printed by four children that first write 300 KB each to their stderr")
                .containsExactlyInAnyOrder(10, 20, 30, 40);
        assertThat(out.lines()).as("the last line of 'out'").last().isEqualTo(FourPrinters.DONE);
    }

    @Test
    @Tag("task:4")
    void a_child_that_fails_makes_run_fail_naming_its_pid_and_exit_status() throws Exception {
        // The failing child is neither the first nor the last started: every child's status must be checked.
        Throwable thrown = catchThrowable(() -> run(List.of(10, 21, 30), FailsIfOdd.class));

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
    @Tag("task:4")
    void a_failing_child_does_not_stop_a_slower_sibling_from_finishing() throws Exception {
        // 21 fails at once; 900, started after it, needs 0.9 s before it prints its line and exits with 0.
        Throwable thrown = catchThrowable(() -> run(List.of(10, 21, 900), FailsIfOddElseWaitsThenPrints.class));

        assertThat(numbers(reports()))
                .as("the numbers whose lines reached 'out'. The child for 21 failed at once; the child for 900 "
                        + "only prints after 0.9 s, just before it exits with 0. Its line missing means run() gave up "
                        + "at the first failed child and killed the others: one failing child must not take its "
                        + "siblings down. Wait for EVERY child, then report the failures. All lines: %s", out.lines())
                .containsExactlyInAnyOrder(10, 21, 900);
        assertThat(thrown)
                .as("what run() threw once every child had exited, the child for 21 with status %d",
                        FailsIfOdd.STATUS)
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Tag("task:4")
    void a_number_that_comes_twice_gets_two_children_and_both_are_waited_for_and_checked() throws Exception {
        // Of each pair of twins, the one started first (the lower pid) exits with status 3, the other with 0.
        Throwable thrown = catchThrowable(() -> run(List.of(5, 5, 6, 6), TheFirstOfTwinsFails.class));

        List<Report> reports = reports();
        assertThat(numbers(reports))
                .as("the numbers printed for [5, 5, 6, 6]: one child per ENTRY of the list, twins included. All "
                        + "lines: %s", out.lines())
                .containsExactlyInAnyOrder(5, 5, 6, 6);
        reports.forEach(report -> assertThatProcess(report.pid()).ranOutsideTheTestJvm());
        for (Report report : reports) {
            assertThat(ProcessHandle.of(report.pid()).filter(ProcessHandle::isAlive))
                    .as("the child that printed %d (pid %d) was still running when run() ended. A number that "
                            + "comes twice has two children: keep them all in a list (not in a map keyed by the "
                            + "number, where the second twin replaces the first) and wait for each",
                            report.number(), report.pid())
                    .isEmpty();
        }
        List<Long> firstTwins = reports.stream()
                .collect(Collectors.groupingBy(Report::number, Collectors.mapping(Report::pid, Collectors.toList())))
                .values().stream().map(pids -> pids.stream().min(Long::compare).orElseThrow())
                .collect(Collectors.toList());
        assertThat(thrown)
                .as("what run() threw: the first-started child of each twin (pids %s) exited with status %d. A "
                        + "run() that returns normally did not check every child it started", firstTwins,
                        FailsIfOdd.STATUS)
                .isInstanceOf(IllegalStateException.class)
                .satisfies(e -> assertThat(firstTwins)
                        .as("the failed children's pids, one of which the message \"%s\" must name", e.getMessage())
                        .anyMatch(pid -> e.getMessage().contains(String.valueOf(pid))));
    }

    @Test
    @Tag("task:5")
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
        List<Report> reports = reports();
        assertThat(reports)
                .as("the children's lines in 'out' 10 s after run() started four children that print at once and "
                        + "then stay alive for 10 s, while run() was still waiting for them. A line missing means it "
                        + "has not been copied although the child printed it long ago: run() reads the children one "
                        + "after another (the first child's pipe ends only when that child exits), or not at all. "
                        + "Give every child its own reader thread, started right after the child. All lines: %s",
                        out.lines())
                .hasSize(4);
        reports.forEach(report -> assertThatProcess(report.pid()).ranOutsideTheTestJvm());

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
                            + "try/finally around the waiting, then destroyForcibly() or the process library's "
                            + "ProcessTree.kill)", report.number(), report.pid())
                    .isDeadWithin(Duration.ofSeconds(3));
        }
    }

    /** A stream that takes about 50 microseconds per line, as a terminal or a log file over a network might. */
    private static final class SlowRecorder {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final PrintStream stream = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                if (b == '\n') {
                    LockSupport.parkNanos(50_000);
                }
                synchronized (bytes) {
                    bytes.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);

        PrintStream stream() {
            return stream;
        }

        List<String> lines() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
            }
        }
    }
}
