package katas.semaphore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import katas.process.CapturedProcess;
import katas.process.ExitCodes;
import katas.semaphore.fixtures.AcquiresPermit;
import katas.semaphore.fixtures.HoldsPermit;
import katas.semaphore.fixtures.SetsEvent;
import katas.semaphore.fixtures.Tally;
import katas.semaphore.fixtures.TriesPermit;
import katas.semaphore.fixtures.UsesPermits;
import katas.semaphore.fixtures.WaitsForEvent;
import katas.testkit.Bounded;
import katas.testkit.ChildJvmFleet;
import katas.testkit.KataTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KataTest
class SemaphoreEventTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PLENTY = Duration.ofSeconds(10);
    /** How long a child may take for what it does at once once it can (its JVM's start included). */
    private static final Duration PROMPTLY = Duration.ofSeconds(5);
    /** What the test JVM's own calls that must not wait may take before the test gives up on them. */
    private static final Duration BOUND = Duration.ofSeconds(5);
    /** How long a child that must be blocked is watched: long enough for a wait that does not block to end. */
    private static final long STILL_BLOCKED_MILLIS = 500;

    @TempDir
    Path dir;

    // ----- helpers: the semaphore -----

    /** tryAcquire() in the test JVM, bounded: it must answer at once. */
    private static boolean tryHere(ProcessSemaphore semaphore) {
        try {
            return Bounded.within(BOUND, "tryAcquire() in the test JVM", "tryAcquire() must answer at once, not "
                    + "wait for a permit: FileChannel.tryLock(position, 1, false) returns null when another process "
                    + "holds that byte.").get(semaphore::tryAcquire);
        } catch (OverlappingFileLockException e) {
            throw new AssertionError("tryAcquire() in the test JVM threw OverlappingFileLockException: it tried to "
                    + "lock a byte that this JVM holds already (a permit this process took before). A FileLock "
                    + "belongs to the whole JVM, and FileChannel.tryLock throws instead of returning null for such a "
                    + "byte: catch the exception, count that permit as taken and try the next byte.", e);
        }
    }

    /**
     * Starts a child that takes a permit and keeps it until it is killed; returns once it holds it.
     *
     * @param when what else holds permits then, for the message: "while another child held one of two permits"
     */
    private static CapturedProcess startHolder(ChildJvmFleet children, Path file, String when) throws Exception {
        CapturedProcess holder = children.start(HoldsPermit.class, file);
        boolean acquired = holder.stdout().awaitLine(line -> line.startsWith("acquired"), PROMPTLY);
        assertThat(acquired)
                .as("a child (pid %d) calling acquire() %s should have a permit within %d s and print "
                        + "'acquired'. If it waits, acquire() finds no free permit although one is: each permit is a "
                        + "byte of its own in the file, and acquire() tries every one of them. Its error output:%n%s",
                        holder.pid(), when, PROMPTLY.toSeconds(), holder.stderr().text())
                .isTrue();
        return holder;
    }

    /** Runs {@link TriesPermit} in a child and returns what it printed: "acquired ..." or "busy ...". */
    private static String tryInAnotherProcess(ChildJvmFleet children, Path file) throws Exception {
        CapturedProcess trier = children.start(TriesPermit.class, file);
        int code = children.exitCodeOf(trier, "child that calls tryAcquire() once", PROMPTLY, "tryAcquire() must "
                + "answer at once, not wait for a permit: FileChannel.tryLock returns null when another process holds "
                + "the byte.");
        assertThat(code)
                .as("exit code of the child (pid %d) that calls tryAcquire()%s; its error output:%n%s", trier.pid(),
                        ExitCodes.explain(code), trier.stderr().text())
                .isZero();
        return trier.stdout().text();
    }

    /**
     * Starts {@code processes} children that each take and give back a permit {@code rounds} times, holding it
     * {@code holdMillis}, all released at the same moment; waits for them and returns the tally they kept.
     */
    private Tally runPermitUsers(String name, int permits, int processes, int rounds, long holdMillis)
            throws Exception {
        Path semaphoreFile = dir.resolve(name + ".semaphore");
        Tally tally = Tally.create(dir.resolve(name + ".tally"), processes);
        try (ProcessSemaphore semaphore = ProcessSemaphore.create(semaphoreFile, permits);
             ChildJvmFleet children = new ChildJvmFleet()) {
            for (int party = 0; party < processes; party++) {
                children.start(UsesPermits.class, semaphoreFile, dir.resolve(name + ".tally"), party, rounds,
                        holdMillis);
            }
            awaitArrivals(tally, children);
            assertThat(tally.arrivedPids())
                    .as("the pids the children wrote from inside into the shared tally: %d different processes, "
                            + "none of them the test JVM (pid %d)", processes, TEST_JVM)
                    .doesNotHaveDuplicates()
                    .doesNotContain(TEST_JVM);
            tally.go();
            children.awaitAllSucceeded(PLENTY, "A child that does not finish is waiting in acquire() for a permit "
                    + "that never comes free. Does release() give the permit back (release its FileLock), and does "
                    + "acquire() try every permit again after a short sleep? A count of free permits kept in a file "
                    + "and changed without a lock can lose a release, and then the permits run out for good.",
                    "A child fails when ProcessSemaphore.open, acquire or release fails in it (release() must not "
                            + "throw after acquire() returned).");
        }
        return tally;
    }

    /** Waits until every child has written its pid into the tally; fails at once if one exits before that. */
    private static void awaitArrivals(Tally tally, ChildJvmFleet children) throws InterruptedException {
        long deadline = System.nanoTime() + PLENTY.toNanos();
        while (tally.arrivedPids().size() < tally.parties()) {
            for (CapturedProcess child : children.all()) {
                if (!child.process().isAlive() && tally.arrivedPids().size() < tally.parties()) {
                    throw new AssertionError("A child exited before all of them reached the starting line: "
                            + ChildJvmFleet.describeExit(child) + "\nIt fails there when ProcessSemaphore.open(file) "
                            + "fails on the file the test made with ProcessSemaphore.create(file, permits).");
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + tally.arrivedPids().size() + " of " + tally.parties()
                        + " children reached the starting line within " + PLENTY.toSeconds() + " s. They get there "
                        + "right after ProcessSemaphore.open(file): does it wait for something? The children's "
                        + "error output:\n" + children.errorOutput());
            }
            Thread.sleep(5);
        }
    }

    // ----- helpers: the event -----

    /** Starts a child that waits for the event (with a timeout in ms, if given); returns once it waits. */
    private static CapturedProcess startWaiter(ChildJvmFleet children, Path file, Object... timeoutMillis)
            throws Exception {
        CapturedProcess waiter = timeoutMillis.length == 0
                ? children.start(WaitsForEvent.class, file)
                : children.start(WaitsForEvent.class, file, timeoutMillis[0]);
        boolean waiting = waiter.stdout().awaitLine(line -> line.startsWith("waiting"), PLENTY);
        assertThat(waiting)
                .as("a child (pid %d) that opens the event with ProcessEvent.open(file) and is about to wait should "
                        + "print 'waiting' within %d s. Its error output:%n%s", waiter.pid(), PLENTY.toSeconds(),
                        waiter.stderr().text())
                .isTrue();
        return waiter;
    }

    /** The children's lines that tell how their wait ended ("proceeding ...", "returned ..."), so far. */
    private static List<String> endedWaits(CapturedProcess waiter) {
        return waiter.stdout().lines().stream().filter(line -> !line.startsWith("waiting")).toList();
    }

    /** Asserts that each waiter is still blocked in its wait, some time after it began to wait. */
    private static void assertStillWaiting(List<CapturedProcess> waiters, String why) throws InterruptedException {
        Thread.sleep(STILL_BLOCKED_MILLIS);
        for (CapturedProcess waiter : waiters) {
            assertThat(endedWaits(waiter))
                    .as("what the child (pid %d) printed after its wait on the event ended, %d ms after it began to "
                            + "wait, %s. It must still be blocked in await(): it may go on only once the flag is set. "
                            + "await() loops while the flag is clear: read it, sleep a moment, read it again (one look "
                            + "and one sleep is not a wait). Its error output:%n%s",
                            waiter.pid(), STILL_BLOCKED_MILLIS, why, waiter.stderr().text())
                    .isEmpty();
            assertThat(waiter.process().isAlive())
                    .as("whether the waiting child (pid %d) is still running %d ms after it began to wait, %s. It "
                            + "exited with %s; its error output:%n%s", waiter.pid(), STILL_BLOCKED_MILLIS, why,
                            waiter.process().isAlive() ? "-" : waiter.process().exitValue()
                                    + ExitCodes.explain(waiter.process().exitValue()), waiter.stderr().text())
                    .isTrue();
        }
    }

    /** Waits for the waiter to exit by itself with 0, and returns the line that tells how its wait ended. */
    private static String awaitWaitEnded(ChildJvmFleet children, CapturedProcess waiter, String after)
            throws InterruptedException {
        int code = children.exitCodeOf(waiter, "child waiting for the event", PROMPTLY, "It was still waiting " + after
                + ". await() must see the flag another process set: read it from the shared file (a mapped file, or "
                + "the file's bytes) every millisecond or so, never from a field of this JVM.");
        assertThat(code)
                .as("exit code of the child (pid %d) that waited for the event%s; its error output:%n%s", waiter.pid(),
                        ExitCodes.explain(code), waiter.stderr().text())
                .isZero();
        List<String> ended = endedWaits(waiter);
        assertThat(ended)
                .as("what the child (pid %d) printed when its wait ended, %s", waiter.pid(), after)
                .hasSize(1);
        return ended.get(0);
    }

    /** The milliseconds a wait took, from a waiter's line "... after N ms". */
    private static long millisOf(String line) {
        Matcher millis = Pattern.compile("after (\\d+) ms").matcher(line);
        assertThat(millis.find())
                .as("the waiter's line '%s' ends with 'after N ms'", line)
                .isTrue();
        return Long.parseLong(millis.group(1));
    }

    // ----- task 1: one permit -----

    @Test
    @Tag("task:1")
    void while_a_process_holds_the_only_permit_no_other_process_gets_it() throws Exception {
        Path file = dir.resolve("one.semaphore");
        try (ChildJvmFleet children = new ChildJvmFleet();
             ProcessSemaphore ours = ProcessSemaphore.create(file, 1)) {
            CapturedProcess holder = startHolder(children, file, "on a semaphore of one permit that nobody held");

            assertThat(tryInAnotherProcess(children, file))
                    .as("what a second process's tryAcquire() got while pid %d held the only permit. 'acquired' "
                            + "means the permit is not shared between processes: a java.util.concurrent.Semaphore "
                            + "or a field exists once per JVM, so each process has a permit of its own. Take an "
                            + "exclusive lock on the file itself (FileChannel.tryLock), which the operating system "
                            + "enforces between processes, and open the same file in every process (open() must not "
                            + "recreate it)", holder.pid())
                    .startsWith("busy");
            assertThat(tryHere(ours))
                    .as("tryAcquire() in the test JVM while child pid %d holds the only permit", holder.pid())
                    .isFalse();
        }
    }

    @Test
    @Tag("task:1")
    void after_release_another_process_gets_the_permit() throws Exception {
        Path file = dir.resolve("given-back.semaphore");
        try (ChildJvmFleet children = new ChildJvmFleet();
             ProcessSemaphore ours = ProcessSemaphore.create(file, 1)) {
            assertThat(tryHere(ours))
                    .as("tryAcquire() in the test JVM on a new semaphore of one permit, which nobody holds")
                    .isTrue();
            assertThat(tryInAnotherProcess(children, file))
                    .as("what a child's tryAcquire() got while the test JVM held the only permit")
                    .startsWith("busy");

            Bounded.within(BOUND, "release() in the test JVM", "release() gives the permit back and returns.")
                    .run(ours::release);

            assertThat(tryInAnotherProcess(children, file))
                    .as("what a child's tryAcquire() got after the test JVM called release(). 'busy' means release() "
                            + "did not give the permit back: release the FileLock that tryAcquire() got")
                    .startsWith("acquired");
        }
    }

    @Test
    @Tag("task:1")
    void acquire_waits_until_the_permit_is_released() throws Exception {
        Path file = dir.resolve("waited-for.semaphore");
        try (ChildJvmFleet children = new ChildJvmFleet();
             ProcessSemaphore ours = ProcessSemaphore.create(file, 1)) {
            Bounded.within(BOUND, "acquire() in the test JVM on a new semaphore of one permit, which nobody holds",
                    "A permit nobody holds is taken at once.").run(ours::acquire);
            CapturedProcess waiter = children.start(AcquiresPermit.class, file);
            assertThat(waiter.stdout().awaitLine(line -> line.startsWith("acquiring"), PLENTY))
                    .as("the child (pid %d) printed 'acquiring' just before its acquire(). Its error output:%n%s",
                            waiter.pid(), waiter.stderr().text())
                    .isTrue();
            Thread.sleep(STILL_BLOCKED_MILLIS);
            assertThat(waiter.stdout().lines())
                    .as("what the child (pid %d) printed %d ms into its acquire(), while the test JVM held the only "
                            + "permit. 'acquired' means acquire() did not wait for the permit: the lock must exclude "
                            + "other processes (FileChannel.lock or tryLock on the file, not an object in memory). "
                            + "Its error output:%n%s", waiter.pid(), STILL_BLOCKED_MILLIS, waiter.stderr().text())
                    .noneMatch(line -> line.startsWith("acquired"));
            assertThat(waiter.process().isAlive())
                    .as("whether the child (pid %d) is still waiting in acquire() while the test JVM holds the only "
                            + "permit. It ended: acquire() must wait, not fail. Its error output:%n%s", waiter.pid(),
                            waiter.stderr().text())
                    .isTrue();

            ours.release();

            int code = children.exitCodeOf(waiter, "child waiting in acquire()", PROMPTLY, "It was still waiting after "
                    + "the test JVM released the only permit: acquire() must try again until it gets it (a short "
                    + "sleep between tries, or FileChannel.lock, which waits).");
            assertThat(code)
                    .as("exit code of the child (pid %d) that waited in acquire()%s; its error output:%n%s",
                            waiter.pid(), ExitCodes.explain(code), waiter.stderr().text())
                    .isZero();
            assertThat(waiter.stdout().lines())
                    .as("what the child (pid %d) printed once the test JVM released the permit", waiter.pid())
                    .anyMatch(line -> line.startsWith("acquired"));
        }
    }

    // ----- task 2: K permits -----

    @Test
    @Tag("task:2")
    void three_processes_take_the_three_permits_and_a_fourth_finds_none() throws Exception {
        Path file = dir.resolve("three.semaphore");
        ProcessSemaphore.create(file, 3).close();
        try (ChildJvmFleet children = new ChildJvmFleet();
             ProcessSemaphore ours = ProcessSemaphore.open(file)) {
            CapturedProcess first = startHolder(children, file, "on a semaphore of three permits that nobody held");
            CapturedProcess second = startHolder(children, file, "while another child held one of three "
                    + "permits");
            CapturedProcess third = startHolder(children, file, "while two other children held one of three "
                    + "permits each");

            assertThat(tryInAnotherProcess(children, file))
                    .as("what a fourth process's tryAcquire() got while pids %d, %d and %d held the three permits. "
                            + "'acquired' means the semaphore lets more processes in than it has permits: an object in "
                            + "memory exists once per JVM, so count permits in the file (a locked byte each)",
                            first.pid(), second.pid(), third.pid())
                    .startsWith("busy");
            assertThat(tryHere(ours))
                    .as("tryAcquire() in the test JVM, which opened the file with ProcessSemaphore.open(file) as the "
                            + "children did, while three children hold the three permits")
                    .isFalse();
        }
    }

    @Test
    @Tag("task:2")
    void one_process_may_hold_several_permits() throws Exception {
        Path file = dir.resolve("several.semaphore");
        try (ChildJvmFleet children = new ChildJvmFleet();
             ProcessSemaphore ours = ProcessSemaphore.create(file, 3)) {
            Bounded.within(BOUND, "acquire() in the test JVM on a new semaphore of 3 permits, which nobody holds",
                    "A free permit is taken at once.").run(ours::acquire);
            assertThat(tryHere(ours))
                    .as("tryAcquire() in the test JVM after its acquire(): it holds one permit of three, so two are "
                            + "free. false: acquire() took more than one permit, or tryAcquire() tries only one byte")
                    .isTrue();
            assertThat(tryInAnotherProcess(children, file))
                    .as("what a child's tryAcquire() got while the test JVM held two of the three permits")
                    .startsWith("acquired");
            assertThat(tryHere(ours))
                    .as("a third tryAcquire() in the test JVM, which holds two of the three permits")
                    .isTrue();
            assertThat(tryHere(ours))
                    .as("a fourth tryAcquire() in the test JVM, which holds all three permits")
                    .isFalse();
            assertThat(tryInAnotherProcess(children, file))
                    .as("what a child's tryAcquire() got while the test JVM held all three permits")
                    .startsWith("busy");

            ours.release();
            assertThat(tryInAnotherProcess(children, file))
                    .as("what a child's tryAcquire() got after the test JVM, holding all three permits, called "
                            + "release() once: one permit is free again")
                    .startsWith("acquired");
        }
    }

    @Test
    @Tag("task:2")
    void eight_processes_sharing_three_permits_are_never_more_than_three_inside() throws Exception {
        int processes = 8;
        int rounds = 20;
        Tally tally = runPermitUsers("at-most", 3, processes, rounds, 5);

        assertThat(tally.mostInside())
                .as("the most of %d processes that were inside at once (between acquire() returning and release()), "
                        + "counted by the children themselves in shared memory, each taking a permit of 3 %d times. "
                        + "More than 3: the semaphore does not limit processes. A java.util.concurrent.Semaphore or "
                        + "any object in memory exists once per JVM, so each child had 3 permits of its own; a count "
                        + "of permits in a file that is read, checked and written back without a lock lets two "
                        + "processes take the last permit at the same moment. Hold each permit as an exclusive file "
                        + "lock on a byte of its own (FileChannel.tryLock(position, 1, false))", processes, rounds)
                .isLessThanOrEqualTo(3);
        assertThat(tally.entries())
                .as("how many times the %d processes came inside in all (%d rounds each)", processes, rounds)
                .isEqualTo((long) processes * rounds);
    }

    @Test
    @Tag("task:2")
    void three_of_the_processes_are_inside_at_the_same_moment() throws Exception {
        Tally tally = runPermitUsers("at-once", 3, 4, 1, 600);

        assertThat(tally.mostInside())
                .as("the most of 4 processes that were inside at once, counted by the children themselves in shared "
                        + "memory, with a semaphore of 3 permits: all 4 start together and each keeps its permit for "
                        + "600 ms, so 3 of them must be inside at the same moment. Fewer: the semaphore lets in "
                        + "fewer processes than it has permits (one lock on the whole file, or on one byte, is a "
                        + "semaphore of one permit: lock byte i for permit i, and let acquire() try every byte). More: "
                        + "it lets in more than it has (see the test of eight processes)")
                .isEqualTo(3);
    }

    // ----- task 3: permits of a dead holder, and a release without acquire -----

    @Test
    @Tag("task:3")
    void a_permit_held_by_a_process_that_is_killed_is_given_back() throws Exception {
        Path file = dir.resolve("abandoned.semaphore");
        try (ChildJvmFleet children = new ChildJvmFleet();
             ProcessSemaphore ours = ProcessSemaphore.create(file, 2)) {
            CapturedProcess doomed = startHolder(children, file, "on a semaphore of two permits that nobody held");
            CapturedProcess survivor = startHolder(children, file, "while another child held one of two "
                    + "permits");
            assertThat(tryHere(ours))
                    .as("tryAcquire() in the test JVM while children %d and %d hold the two permits", doomed.pid(),
                            survivor.pid())
                    .isFalse();

            doomed.process().destroyForcibly().waitFor(PLENTY.toMillis(), TimeUnit.MILLISECONDS);

            await("the test JVM taking a permit after its holder (pid " + doomed.pid() + ") was killed with -9. A "
                    + "killed process runs no finally block and no shutdown hook: only the operating system can give "
                    + "its permit back, and it does for file locks (FileChannel.tryLock). A count of free permits in a "
                    + "file, which the holder itself must put back, stays one short for ever after a crash")
                    .atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> tryHere(ours));
            assertThat(tryHere(ours))
                    .as("a second tryAcquire() in the test JVM after the killed child's permit was given back, while "
                            + "child %d is alive and holds the other one", survivor.pid())
                    .isFalse();
        }
    }

    @Test
    @Tag("task:3")
    void closing_the_semaphore_gives_back_every_permit_the_process_holds() throws Exception {
        Path file = dir.resolve("closed.semaphore");
        try (ChildJvmFleet children = new ChildJvmFleet()) {
            ProcessSemaphore ours = ProcessSemaphore.create(file, 2);
            try {
                assertThat(tryHere(ours))
                        .as("tryAcquire() in the test JVM on a new semaphore of 2 permits")
                        .isTrue();
                assertThat(tryHere(ours))
                        .as("a second tryAcquire() in the test JVM, which holds one of the 2 permits")
                        .isTrue();
                assertThat(tryInAnotherProcess(children, file))
                        .as("what a child's tryAcquire() got while the test JVM held both permits")
                        .startsWith("busy");
            } finally {
                ours.close();
            }

            assertThat(tryInAnotherProcess(children, file))
                    .as("what a child's tryAcquire() got after the test JVM, holding both permits, called close() "
                            + "without release(), as try-with-resources does after an exception. 'busy': close() "
                            + "kept the permits; closing the FileChannel releases every lock taken through it")
                    .startsWith("acquired");
        }
    }

    @Test
    @Tag("task:3")
    void release_without_acquire_fails_clearly() {
        try (ProcessSemaphore semaphore = ProcessSemaphore.create(dir.resolve("none-held.semaphore"), 2)) {
            assertThatExceptionOfType(IllegalStateException.class)
                    .as("release() in a process that never acquired a permit: it has none to give back, so refuse "
                            + "with an IllegalStateException whose message says this process holds no permit. "
                            + "Python's BoundedSemaphore raises ValueError here; a plain counter would silently grow "
                            + "a permit")
                    .isThrownBy(semaphore::release)
                    .withMessageContaining("permit");

            assertThat(tryHere(semaphore))
                    .as("tryAcquire() on a semaphore of 2 permits that nobody holds, after the refused release()")
                    .isTrue();
            semaphore.release();
            assertThatExceptionOfType(IllegalStateException.class)
                    .as("a second release() after one tryAcquire() and one release(): the one permit is given back "
                            + "already, so refuse with an IllegalStateException")
                    .isThrownBy(semaphore::release)
                    .withMessageContaining("permit");
            assertThat(tryHere(semaphore))
                    .as("tryAcquire() after the refused second release(): the semaphore still works")
                    .isTrue();
        }
    }

    @Test
    @Tag("task:3")
    void a_process_cannot_release_a_permit_that_another_process_holds() throws Exception {
        Path file = dir.resolve("not-yours.semaphore");
        try (ChildJvmFleet children = new ChildJvmFleet();
             ProcessSemaphore ours = ProcessSemaphore.create(file, 1)) {
            CapturedProcess holder = startHolder(children, file, "on a semaphore of one permit that nobody held");

            assertThatExceptionOfType(IllegalStateException.class)
                    .as("release() in the test JVM, which holds no permit, while child pid %d holds the only one: "
                            + "refuse it with an IllegalStateException. A process can only give back what it took "
                            + "(remember the FileLocks this process got)", holder.pid())
                    .isThrownBy(ours::release);
            assertThat(tryInAnotherProcess(children, file))
                    .as("what another child's tryAcquire() got after the test JVM's refused release(), while pid %d "
                            + "still holds the only permit. 'acquired' means another process's release() freed the "
                            + "holder's permit (a shared count of free permits, put back by whoever calls release)",
                            holder.pid())
                    .startsWith("busy");
        }
    }

    // ----- task 4: the event -----

    @Test
    @Tag("task:4")
    void children_wait_until_the_parent_sets_the_event_then_all_proceed() throws Exception {
        Path file = dir.resolve("start.event");
        try (ChildJvmFleet children = new ChildJvmFleet();
             ProcessEvent event = ProcessEvent.create(file)) {
            List<CapturedProcess> waiters = List.of(startWaiter(children, file), startWaiter(children, file),
                    startWaiter(children, file));
            assertStillWaiting(waiters, "while nobody had set it");

            event.set();

            for (CapturedProcess waiter : waiters) {
                assertThat(awaitWaitEnded(children, waiter, "after the test JVM called set()"))
                        .as("how the wait of child pid %d ended after set()", waiter.pid())
                        .startsWith("proceeding");
            }
            assertThat(event.isSet())
                    .as("isSet() in the test JVM after it called set(): the flag stays set until clear()")
                    .isTrue();
        }
    }

    @Test
    @Tag("task:4")
    void a_child_that_sets_the_event_is_seen_by_the_parent() throws Exception {
        Path file = dir.resolve("child-sets.event");
        try (ChildJvmFleet children = new ChildJvmFleet();
             ProcessEvent event = ProcessEvent.create(file)) {
            assertThat(event.isSet())
                    .as("isSet() of a new event: create() makes it clear")
                    .isFalse();

            CapturedProcess setter = children.start(SetsEvent.class, file);
            int code = children.exitCodeOf(setter, "child that calls set()", PROMPTLY, "set() only writes the flag.");
            assertThat(code)
                    .as("exit code of the child (pid %d) that calls ProcessEvent.open(file).set()%s; its error "
                            + "output:%n%s", setter.pid(), ExitCodes.explain(code), setter.stderr().text())
                    .isZero();

            assertThat(event.isSet())
                    .as("isSet() in the test JVM after child pid %d set the event. false: the child's set() never "
                            + "reached this process. Keep the flag in the file both processes open (a mapped file, or "
                            + "its bytes read afresh each time), not in a field", setter.pid())
                    .isTrue();
            Bounded.within(BOUND, "await() in the test JVM on an event a child has set", "The flag is set: await() "
                    + "must return at once. Does it read the flag from the shared file, not from a field of this JVM?")
                    .run(event::await);
        }
    }

    // ----- task 5: clear, and a wait with a timeout -----

    @Test
    @Tag("task:5")
    void after_clear_later_waits_block_again_until_the_next_set() throws Exception {
        Path file = dir.resolve("cleared.event");
        try (ChildJvmFleet children = new ChildJvmFleet();
             ProcessEvent event = ProcessEvent.create(file)) {
            event.set();
            CapturedProcess clearer = children.start(SetsEvent.class, file, "clear");
            int code = children.exitCodeOf(clearer, "child that calls clear()", PROMPTLY, "clear() only writes the "
                    + "flag.");
            assertThat(code)
                    .as("exit code of the child (pid %d) that calls ProcessEvent.open(file).clear()%s; its error "
                            + "output:%n%s", clearer.pid(), ExitCodes.explain(code), clearer.stderr().text())
                    .isZero();
            assertThat(event.isSet())
                    .as("isSet() in the test JVM after it set the event and child pid %d cleared it", clearer.pid())
                    .isFalse();

            CapturedProcess waiter = startWaiter(children, file);
            assertStillWaiting(List.of(waiter), "after the event was set and then cleared");

            event.set();
            assertThat(awaitWaitEnded(children, waiter, "after the test JVM set the cleared event again"))
                    .as("how the wait of child pid %d ended after the second set()", waiter.pid())
                    .startsWith("proceeding");

            event.clear();
            assertThat(event.isSet())
                    .as("isSet() in the test JVM after it cleared the event itself")
                    .isFalse();
        }
    }

    @Test
    @Tag("task:5")
    void a_wait_with_a_timeout_gives_up_after_about_that_time() throws Exception {
        try (ProcessEvent event = ProcessEvent.create(dir.resolve("never-set.event"))) {
            long start = System.nanoTime();
            boolean set = Bounded.within(BOUND, "await(300 ms) in the test JVM on an event nobody sets",
                    "await(timeout) must give up once the timeout has passed and return false: compute a deadline "
                    + "from System.nanoTime() and check it each time round the waiting loop.")
                    .get(() -> event.await(Duration.ofMillis(300)));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(set)
                    .as("what await(300 ms) returned on an event nobody set: false, the time ran out")
                    .isFalse();
            assertThat(tookMillis)
                    .as("how long await(300 ms) took, in ms, on an event nobody set. It must wait the whole timeout "
                            + "before it gives up (use the Duration's whole length: toMillis(), not toSeconds()), and "
                            + "not much longer")
                    .isBetween(250L, 3_000L);
        }
    }

    @Test
    @Tag("task:5")
    void a_wait_with_a_timeout_returns_true_once_the_event_is_set() throws Exception {
        Path file = dir.resolve("set-in-time.event");
        try (ChildJvmFleet children = new ChildJvmFleet();
             ProcessEvent event = ProcessEvent.create(file)) {
            CapturedProcess waiter = startWaiter(children, file, 20_000);
            Thread.sleep(300);
            event.set();

            String ended = awaitWaitEnded(children, waiter, "in await(20 s), after the test JVM set the event");
            assertThat(ended)
                    .as("what await(20 s) returned in child pid %d once the test JVM set the event: true",
                            waiter.pid())
                    .startsWith("returned true");
            assertThat(millisOf(ended))
                    .as("how long await(20 s) in child pid %d took, in ms, when the event was set about 300 ms into "
                            + "it: it must return as soon as it sees the flag set, not wait out the timeout",
                            waiter.pid())
                    .isLessThan(10_000L);

            boolean already = Bounded.within(BOUND, "await(20 s) in the test JVM on an event that is set",
                    "The flag is set: await(timeout) must return true at once.")
                    .get(() -> event.await(Duration.ofSeconds(20)));
            assertThat(already)
                    .as("what await(20 s) returned in the test JVM on an event that was set already")
                    .isTrue();
        }
    }
}
