package katas.logging;

import static katas.testkit.ProcessAssert.assertThatProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import katas.logging.fixtures.DiesMidRecord;
import katas.logging.fixtures.LogsAndPrints;
import katas.logging.fixtures.LogsForever;
import katas.logging.fixtures.LogsNumbered;
import katas.logging.fixtures.LogsThenExits;
import katas.logging.fixtures.LogsThenHalts;
import katas.logging.fixtures.LogsVariously;
import katas.logging.fixtures.Records;
import katas.logging.fixtures.SaysHello;
import katas.process.ProcessTree;
import katas.testkit.Bounded;
import katas.testkit.KataTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KataTest
class LogListenerTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PLENTY = Duration.ofSeconds(15);

    /** {@code <instant> <name> (pid <pid>) <LEVEL> <logger>: <message>} */
    private static final Pattern LINE = Pattern.compile("(\\S+) (\\S+) \\(pid (\\d+)\\) ([A-Z]+) (\\S+): (.*)");
    private static final String FORMAT = "<instant> <name> (pid <pid>) <LEVEL> <logger>: <message>";

    @TempDir
    Path dir;

    private Path logFile;
    private LogListener listener;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void openTheListener() throws Exception {
        logFile = dir.resolve("all.log");
        listener = LogListener.writingTo(logFile);
    }

    /** Every child a test started is killed after the test, whatever happened (a failed test must not leak). */
    @AfterEach
    void killWhatIsLeft() {
        children.forEach(child -> ProcessTree.kill(child.toHandle()));
    }

    private Process start(String name, Class<?> mainClass, Object... args) throws Exception {
        Process child = listener.start(name, mainClass,
                java.util.Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
        assertThat(child)
                .as("the Process that start(\"%s\", ...) returned: the child it started", name)
                .isNotNull();
        children.add(child);
        return child;
    }

    /** close(), which waits for the children and their last records, bounded. */
    private void closeTheListener() {
        try {
            Bounded.within(PLENTY, "close() of the LogListener", "close() must return as soon as every child has "
                    + "exited and its last record is written. A child whose standard output nobody reads stops at "
                    + "its next write once the pipe is full (64 KiB), and never exits: is every child's stream read, "
                    + "all the time, each by a reader of its own? Does each reader see the end of its child's stream "
                    + "(read() returning -1 once the child has exited), and does close() wait for the children and "
                    + "their readers, not for something that never comes?").run(listener::close);
        } catch (Exception e) {
            throw new AssertionError("close() of the LogListener threw " + e + ". It must wait for the children and "
                    + "their last records, then close the file, and return normally: even when a child died in the "
                    + "middle of a record, that stream just ends there, and a reader catches what its stream throws.",
                    e);
        }
    }

    /** The lines of the log file, after close(). */
    private List<String> lines() throws Exception {
        return Files.readAllLines(logFile, StandardCharsets.UTF_8);
    }

    /** One line of the log, taken apart. */
    private static final class Line {
        final String text;
        final String instant;
        final String name;
        final long pid;
        final String level;
        final String logger;
        final String message;

        private Line(String text, Matcher parts) {
            this.text = text;
            this.instant = parts.group(1);
            this.name = parts.group(2);
            this.pid = Long.parseLong(parts.group(3));
            this.level = parts.group(4);
            this.logger = parts.group(5);
            this.message = parts.group(6);
        }
    }

    /** Every line of the log, taken apart; fails, showing the first bad lines, if any line is not a whole record. */
    private List<Line> records() throws Exception {
        List<String> lines = lines();
        List<String> broken = lines.stream().filter(line -> !LINE.matcher(line).matches()).collect(Collectors.toList());
        assertThat(broken.stream().limit(3).map(LogListenerTest::abbreviated).collect(Collectors.toList()))
                .as("lines of the log (%d of %d) that are not a whole record in the format \"%s\". A torn line, or "
                        + "two records run together, means two writers got in each other's way, or a reader wrote "
                        + "something that was not a whole record. The first of them", broken.size(), lines.size(),
                        FORMAT)
                .isEmpty();
        List<Line> records = new ArrayList<>();
        for (String line : lines) {
            Matcher parts = LINE.matcher(line);
            parts.matches();
            records.add(new Line(line, parts));
        }
        return records;
    }

    /** The records one child logged through the fixtures' logger (not the listener's own notes about it). */
    private static List<Line> loggedBy(List<Line> records, String name) {
        return records.stream().filter(r -> r.name.equals(name) && r.logger.equals(Records.LOGGER))
                .collect(Collectors.toList());
    }

    /**
     * The child's records are exactly records 0 to count - 1 of the given length, in order, each with the child's pid.
     */
    private static void assertNumberedRecords(List<Line> records, String name, Process child, int count, int length,
            String likelyCause) {
        List<Line> own = loggedBy(records, name);
        assertThat(firstWrongRecord(own, count, length))
                .as("what is wrong with the records of %s (pid %d), which logged records 0 to %d in that order, "
                        + "%d characters each (every %dth record %d). %s", name, child.pid(), count - 1, length,
                        Records.LONG_EVERY, length * Records.LONG_FACTOR, likelyCause)
                .isEmpty();
        assertThat(own.stream().map(r -> r.pid).distinct().collect(Collectors.toList()))
                .as("the pids in the records of %s: only its own, %d (the test JVM is %d)", name, child.pid(),
                        TEST_JVM)
                .containsExactly(child.pid());
    }

    /** The lines the listener wrote about a child itself (not records the child logged), abbreviated. */
    private static List<String> notesAbout(List<Line> records, String name) {
        return records.stream().filter(r -> r.name.equals(name) && !r.logger.equals(Records.LOGGER))
                .map(r -> abbreviated(r.logger + ": " + r.message)).collect(Collectors.toList());
    }

    /** "" if {@code own} is records 0 to count - 1, else what differs first. */
    private static String firstWrongRecord(List<Line> own, int count, int length) {
        for (int i = 0; i < Math.min(count, own.size()); i++) {
            String expected = Records.message(i, length);
            if (!own.get(i).message.equals(expected)) {
                return "record #" + i + " in the log is \"" + abbreviated(own.get(i).message) + "\" where \""
                        + abbreviated(expected) + "\" was expected (" + own.size() + " records in all)";
            }
        }
        if (own.size() != count) {
            return own.size() + " records in the log, not " + count
                    + (own.size() < count ? ": the last " + (count - own.size()) + " are missing"
                    : ": more than it logged");
        }
        return "";
    }

    private static String abbreviated(String text) {
        return text.length() <= 70 ? text : text.substring(0, 60) + "... (" + text.length() + " characters)";
    }

    @Test
    @Tag("task:1")
    void one_record_from_a_child_process_reaches_the_parents_file() throws Exception {
        Process child = start("greeter", SaysHello.class);
        closeTheListener();

        assertThatProcess(child.pid()).ranOutsideTheTestJvm();
        List<String> lines = lines();
        assertThat(lines)
                .as("the lines of the log file after close(): the child logged one record, \"hello from pid %d, a "
                        + "child of pid %d\", through java.util.logging. If there are none, check that install() "
                        + "puts your handler on the root logger, that publish() sends the record on the child's "
                        + "standard output and flushes it, and that the listener reads that stream and writes what it reads to the "
                        + "file", child.pid(), TEST_JVM)
                .hasSize(1);
        assertThat(lines.get(0))
                .as("the one line of the log: it holds the message the child logged, which names the child's pid "
                        + "and its parent, the test JVM (pid %d)", TEST_JVM)
                .contains("hello from pid " + child.pid() + ", a child of pid " + TEST_JVM);
    }

    @Test
    @Tag("task:1")
    void close_waits_for_a_child_that_logs_late() throws Exception {
        Process child = start("late", SaysHello.class, 1000);
        assertThatProcess(child.pid()).ranOutsideTheTestJvm().isChildOfTheTestJvm();

        closeTheListener();

        assertThat(child.isAlive())
                .as("whether the child (pid %d) is still running after close() returned: close() must wait until "
                        + "every child has exited", child.pid())
                .isFalse();
        assertThat(lines())
                .as("the lines of the log file after close(): the child logged its one record a second after it "
                        + "started, and close() must wait for it (and for the reader to write it) before it closes "
                        + "the file")
                .hasSize(1);
        assertThat(descriptorsOpenOn(logFile))
                .as("the file descriptors of the test JVM still open on the log file after close() returned: "
                        + "close() must close the file it writes")
                .isEmpty();
    }

    /** This JVM's file descriptors open on {@code file}, on Linux (/proc/self/fd); none where it cannot tell. */
    private static List<String> descriptorsOpenOn(Path file) throws Exception {
        Path descriptors = Path.of("/proc/self/fd");
        if (!Files.isDirectory(descriptors)) {
            return List.of();
        }
        Path target = file.toRealPath();
        List<String> open = new ArrayList<>();
        try (var entries = Files.newDirectoryStream(descriptors)) {
            for (Path fd : entries) {
                try {
                    if (Files.readSymbolicLink(fd).equals(target)) {
                        open.add(fd.toString());
                    }
                } catch (java.io.IOException gone) {
                    // closed while we looked
                }
            }
        }
        return open;
    }

    @Test
    @Tag("task:2")
    void each_line_names_the_time_the_process_its_pid_the_level_the_logger_and_the_message() throws Exception {
        Instant before = Instant.now();
        Process child = start("worker-7", LogsVariously.class);
        closeTheListener();
        Instant after = Instant.now();

        List<Line> records = records();
        assertThat(records.stream().map(r -> r.text).collect(Collectors.toList()))
                .as("the lines of the log: the child logged three records, one of them with line breaks in its "
                        + "message, which must stay on one line (written as the two characters \\n and \\r)")
                .hasSize(3);
        for (Line record : records) {
            assertThat(record.name)
                    .as("the process name in \"%s\": the name the child was started with", abbreviated(record.text))
                    .isEqualTo("worker-7");
            assertThat(record.pid)
                    .as("the pid in \"%s\": the pid of the child that logged it (%d), taken in the child or from its "
                            + "Process, not the pid of the test JVM (%d)", abbreviated(record.text), child.pid(),
                            TEST_JVM)
                    .isEqualTo(child.pid());
            assertThat(record.logger)
                    .as("the logger in \"%s\": the name of the logger the child logged through",
                            abbreviated(record.text))
                    .isEqualTo(Records.LOGGER);
            assertThat(timeOf(record))
                    .as("the time in \"%s\": the instant the child logged the record (record.getInstant(), as "
                            + "Instant.toString() writes it), between the start of the test (%s) and its end (%s)",
                            abbreviated(record.text), before, after)
                    .isBetween(before.minusSeconds(2), after.plusSeconds(2));
        }
        assertThat(records.stream().map(r -> r.level + " " + r.message).collect(Collectors.toList()))
                .as("the level and message of each record, in the order the child logged them: the message with "
                        + "its parameter filled in ({0} becomes \"disk space\": Formatter.formatMessage does it), "
                        + "and its line breaks written as \\n and \\r so that a record stays one line")
                .containsExactly("INFO starting", "WARNING disk space is low",
                        "SEVERE line one\\nline two\\r\\nline three");
    }

    private static Instant timeOf(Line record) {
        try {
            return Instant.parse(record.instant);
        } catch (DateTimeParseException e) {
            throw new AssertionError("the time in \"" + abbreviated(record.text) + "\" is \"" + record.instant
                    + "\", which is not an instant as Instant.toString() writes it (2025-01-31T09:15:30.123Z)", e);
        }
    }

    @Test
    @Tag("task:2")
    void a_childs_records_arrive_in_the_order_it_logged_them() throws Exception {
        Process child = start("counter", LogsNumbered.class, 300, 40);
        closeTheListener();

        assertNumberedRecords(records(), "counter", child, 300, 40, "One child, one stream, one reader: the "
                + "records come out in the order they went in, unless something holds them and sorts them again.");
    }

    @Test
    @Tag("task:3")
    void four_processes_logging_a_thousand_long_records_each_leave_every_line_whole_and_in_order() throws Exception {
        Map<String, Process> workers = new LinkedHashMap<>();
        for (int w = 1; w <= 4; w++) {
            workers.put("worker-" + w, start("worker-" + w, LogsNumbered.class, 1000, 1000));
        }
        closeTheListener();

        List<Line> records = records();
        workers.forEach((name, child) -> assertNumberedRecords(records, name, child, 1000, 1000, "Each child "
                + "needs a reader of its own, reading its stream to the end, and one writer for the file: records "
                + "of 1,000 and 20,000 characters written by several writers at once tear in the middle (a "
                + "20,000-character line reaches a file in several writes)."));
        assertThat(workers.values().stream().map(Process::pid).distinct().count())
                .as("the number of different pids among the four children: four processes, none of them the test "
                        + "JVM (%d)", TEST_JVM)
                .isEqualTo(4L);
        workers.values().forEach(child -> assertThatProcess(child.pid()).ranOutsideTheTestJvm());
    }

    @Test
    @Tag("task:3")
    void a_child_that_also_prints_to_its_standard_output_does_not_break_its_records() throws Exception {
        Process child = start("printer", LogsAndPrints.class, 300, 200);
        closeTheListener();

        assertNumberedRecords(records(), "printer", child, 300, 200, "The child also prints a line to System.out "
                + "after each record. If the records travel on the child's standard output, install() must keep "
                + "that stream for the handler alone: point System.out at System.err (System.setOut) and write the "
                + "records to new FileOutputStream(FileDescriptor.out).");
    }

    @Test
    @Tag("task:4")
    void a_child_that_calls_system_exit_right_after_its_last_record_loses_none() throws Exception {
        Process child = start("exits", LogsThenExits.class, 1000, 100);
        closeTheListener();

        assertNumberedRecords(records(), "exits", child, 1000, 100, "The child calls System.exit(0) right after "
                + "its last record. Records still in a buffer of the child when it exits, or not yet read by the "
                + "parent when close() closes the file, are lost.");
    }

    @Test
    @Tag("task:4")
    void a_child_that_halts_right_after_its_last_record_loses_none() throws Exception {
        Process child = start("halts", LogsThenHalts.class, 1000, 100);
        closeTheListener();

        assertNumberedRecords(records(), "halts", child, 1000, 100, "The child ends with Runtime.halt(0) right "
                + "after its last record: no shutdown hook runs, so nobody calls the handler's flush() or close(), "
                + "as when a process crashes or is killed. Only what publish() has already written to the stream "
                + "reaches the parent: flush every record in publish().");
    }

    @Test
    @Tag("task:4")
    void close_writes_every_record_a_child_sent_before_it_exited() throws Exception {
        Map<String, Process> workers = new LinkedHashMap<>();
        for (int w = 1; w <= 2; w++) {
            workers.put("quick-" + w, start("quick-" + w, LogsThenHalts.class, 2000, 500));
        }
        closeTheListener();

        List<Line> records = records();
        workers.forEach((name, child) -> assertNumberedRecords(records, name, child, 2000, 500, "When a child "
                + "exits, up to a pipe's worth of its records (64 KiB on Linux) may still wait in the pipe for the "
                + "reader. close() must wait for each reader to reach the end of its child's stream, not only for "
                + "the child to exit, before it closes the file."));
    }

    @Test
    @Tag("task:5")
    void a_child_killed_while_it_logs_loses_at_most_the_record_it_was_writing() throws Exception {
        Path progress = dir.resolve("progress");
        Process child = start("doomed", LogsForever.class, progress, 1000);
        long deadline = System.nanoTime() + PLENTY.toNanos();
        while (recordsLogged(progress) < 300 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(recordsLogged(progress))
                .as("the number of records the child (pid %d) had logged within %d s: it logs all the time until "
                        + "it is killed (alive: %s)", child.pid(), PLENTY.toSeconds(), child.isAlive())
                .isGreaterThanOrEqualTo(300);

        // kill -9 from outside: Process.destroyForcibly() would also close this JVM's end of the child's pipes
        child.toHandle().destroyForcibly();
        assertThat(child.waitFor(PLENTY.toSeconds(), TimeUnit.SECONDS))
                .as("whether the child (pid %d) was gone within %d s of kill -9", child.pid(), PLENTY.toSeconds())
                .isTrue();
        long logged = recordsLogged(progress);
        closeTheListener();

        List<Line> records = records();
        List<Line> own = loggedBy(records, "doomed");
        assertThat(own.size())
                .as("the number of records of the killed child in the log: its logger had returned from %d calls "
                        + "when it was killed, so records 0 to %d were sent (and perhaps part of the next). Fewer "
                        + "means records waited in a buffer of the child (flush each one in publish()) or the "
                        + "listener stopped reading early; more means a piece of a record was written as a record. "
                        + "The listener's own lines about the child: %s", logged, logged - 1, notesAbout(records, "doomed"))
                .isBetween((int) logged, (int) logged + 1);
        assertThat(firstWrongRecord(own, own.size(), 1000))
                .as("what is wrong with the records of the killed child: records 0 to %d, whole and in order, "
                        + "are expected", own.size() - 1)
                .isEmpty();
    }

    /** How many log calls the LogsForever child has returned from, as it wrote to its progress file. */
    private static long recordsLogged(Path progress) throws Exception {
        if (!Files.exists(progress)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(progress);
        return bytes.length < Long.BYTES ? 0 : ByteBuffer.wrap(bytes).getLong();
    }

    @Test
    @Tag("task:5")
    void a_child_that_dies_in_the_middle_of_a_record_leaves_the_log_readable() throws Exception {
        Process dying = start("dying", DiesMidRecord.class, 20, 1000);
        Process steady = start("steady", LogsNumbered.class, 1000, 200);
        closeTheListener();

        List<Line> records = records();
        assertNumberedRecords(records, "dying", dying, 20, 1000, "The child sent records 0 to 19 whole, then only "
                + "the first 100 bytes of record 20 before it died. That piece is not a record: drop it (or write "
                + "a line of your own that says so), and never write it as if it were one.");
        assertNumberedRecords(records, "steady", steady, 1000, 200, "Another child died in the middle of a record "
                + "while this one kept logging. Its reader must go on, and the listener with it: a broken stream "
                + "ends the reading of that stream only.");
    }
}
