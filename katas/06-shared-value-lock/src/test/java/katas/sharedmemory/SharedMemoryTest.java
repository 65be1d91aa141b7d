package katas.sharedmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import katas.process.CapturedProcess;
import katas.process.ExitCodes;
import katas.sharedmemory.fixtures.HoldsLock;
import katas.sharedmemory.fixtures.TriesLock;
import katas.testkit.Bounded;
import katas.testkit.ChildJvmFleet;
import katas.testkit.KataTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@KataTest
class SharedMemoryTest {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration PLENTY = Duration.ofSeconds(15);

    private static final int RACERS = 4;
    private static final int RACE_INCREMENTS = 200_000;
    private static final int RACE_ATTEMPTS = 5;
    private static final int LOCKED_INCREMENTS = 10_000;

    @TempDir
    Path dir;

    /** What the test JVM's own lock calls may take before the test gives up on them, with a message. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    /**
     * Starts {@code RACERS} incrementers that wait at a start barrier, releases them together once all have
     * arrived, waits for them and returns the final count.
     */
    private long runIncrementers(String name, Class<?> incrementer, int increments, boolean locked)
            throws Exception {
        return runIncrementers(name, incrementer, RACERS, increments, locked);
    }

    /** The same with {@code processes} incrementers. */
    private long runIncrementers(String name, Class<?> incrementer, int processes, int increments, boolean locked)
            throws Exception {
        Path counterFile = dir.resolve(name + ".counter");
        Path barrierFile = dir.resolve(name + ".barrier");
        Path lockFile = dir.resolve(name + ".lock");
        try (SharedArray counter = SharedArray.create(counterFile, 0);
             StartBarrier barrier = StartBarrier.create(barrierFile, processes);
             ChildJvmFleet children = new ChildJvmFleet()) {
            for (int party = 0; party < processes; party++) {
                if (locked) {
                    children.start(incrementer, counterFile, lockFile, barrierFile, party, increments);
                } else {
                    children.start(incrementer, counterFile, barrierFile, party, increments);
                }
            }
            awaitArrivals(barrier, children);
            assertThat(barrier.arrivedPids())
                    .as("the pids the children wrote from inside into the shared barrier: %d different processes, "
                            + "none of them the test JVM (pid %d)", processes, TEST_JVM)
                    .doesNotHaveDuplicates()
                    .doesNotContain(TEST_JVM);
            barrier.release();
            children.awaitAllSucceeded(PLENTY, locked
                    ? "A LockedIncrementer that does not finish is usually stuck in lock(): does unlock() release the "
                            + "FileLock, and is every lock() paired with an unlock() in a finally block?"
                    : "An UnsafeIncrementer has nothing to wait for once the barrier has released it: read slot 0, "
                            + "add one, write slot 0, and exit.",
                    "An incrementer fails when it cannot use the counter, lock or barrier file it gets as an "
                            + "argument, or when the barrier never releases it.");
            return counter.get(0);
        }
    }

    /** Waits until every child has written its pid into the barrier; fails at once if one exits before that. */
    private static void awaitArrivals(StartBarrier barrier, ChildJvmFleet children) throws InterruptedException {
        long deadline = System.nanoTime() + PLENTY.toNanos();
        int parties = barrier.parties();
        while (barrier.arrivedPids().size() < parties) {
            for (CapturedProcess child : children.all()) {
                if (!child.process().isAlive() && barrier.arrivedPids().size() < parties) {
                    int code = child.process().exitValue();
                    throw new AssertionError("child pid " + child.pid() + " exited with " + code
                            + ExitCodes.explain(code) + " before all children reached the start barrier. Each child "
                            + "must call arriveAndAwaitRelease(party) on the barrier file it gets as an argument "
                            + "before it starts counting. Its error output:\n" + child.stderr().text());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + barrier.arrivedPids().size() + " of " + parties + " children "
                        + "reached the start barrier within " + PLENTY.toSeconds() + " s (pids "
                        + barrier.arrivedPids() + "). Either they never call arriveAndAwaitRelease(party), or what "
                        + "they write to the shared file never reaches this process: both sides must map the same "
                        + "file. The children's error output:\n" + children.errorOutput());
            }
            Thread.sleep(5);
        }
    }

    /** Why lock() in the test JVM may not return although nobody else holds the lock, or a lock() must refuse. */
    private static final String LOCK_MAY_HANG = "Nobody else holds this lock, and a lock() that must refuse (the "
            + "lock is closed, or held by this very process) refuses at once: check for that before "
            + "FileChannel.lock(), which would wait or throw something else.";

    /** A lock call in the test JVM, bounded. */
    private static Bounded inTheTestJvm(String waitingFor) {
        return Bounded.within(BOUND, waitingFor, LOCK_MAY_HANG);
    }

    /** tryLock() in the test JVM, bounded: it must answer at once. */
    private static boolean tryLockHere(CrossProcessLock lock) {
        return Bounded.within(BOUND, "tryLock() in the test JVM", "tryLock() must answer at once, not wait for the "
                + "lock: FileChannel.tryLock() returns null when another process holds it.").get(lock::tryLock);
    }

    /** Runs {@link TriesLock} in a child and returns what it printed: "acquired ..." or "busy ...". */
    private static String tryLockInAnotherProcess(ChildJvmFleet children, Path lockFile) throws Exception {
        CapturedProcess trier = children.start(TriesLock.class, lockFile);
        int code = children.exitCodeOf(trier, "child that calls tryLock() once", Duration.ofSeconds(8), "tryLock() "
                + "must answer at once, not wait for the lock: FileChannel.tryLock() returns null when another "
                + "process holds it.");
        assertThat(code)
                .as("exit code of the child (pid %d) that calls tryLock()%s; its error output:%n%s", trier.pid(),
                        ExitCodes.explain(code), trier.stderr().text())
                .isZero();
        return trier.stdout().text();
    }

    private static CapturedProcess startHolder(ChildJvmFleet children, Path lockFile) throws Exception {
        CapturedProcess holder = children.start(HoldsLock.class, lockFile);
        boolean locked = holder.stdout().awaitLine(line -> line.startsWith("locked"), PLENTY);
        assertThat(locked)
                .as("a child (pid %d) calling lock() on a fresh lock file should have it at once and print 'locked'."
                        + " Its error output:%n%s", holder.pid(), holder.stderr().text())
                .isTrue();
        return holder;
    }

    @Test
    @Tag("task:1")
    void seven_processes_each_square_their_own_slot_and_the_parent_sees_every_square() throws Exception {
        Path arrayFile = dir.resolve("numbers");
        long[] numbers = {2, 3, 4, 5, 6, 7, 8};
        try (SharedArray array = SharedArray.create(arrayFile, numbers);
             ChildJvmFleet children = new ChildJvmFleet()) {
            for (int index = 0; index < numbers.length; index++) {
                children.start(SlotSquarer.class, arrayFile, index);
            }
            children.awaitAllSucceeded(PLENTY, "A SlotSquarer has nothing to wait for: it opens the array, squares "
                    + "its slot and exits.", "A SlotSquarer fails when SharedArray.open, get or set fails in it.");

            List<Long> seen = new ArrayList<>();
            for (int index = 0; index < array.length(); index++) {
                seen.add(array.get(index));
            }
            assertThat(seen)
                    .as("the shared array as the parent sees it after seven child processes each squared their own "
                            + "slot. Unchanged values mean the children's writes never reached the parent's memory: "
                            + "both sides must map the same file")
                    .containsExactly(4L, 9L, 16L, 25L, 36L, 49L, 64L);
        }
    }

    @Test
    @Tag("task:1")
    void creating_over_a_longer_file_gives_an_array_of_exactly_the_new_length() {
        Path file = dir.resolve("reused");
        SharedArray.create(file, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).close();

        try (SharedArray array = SharedArray.create(file, 40, 41, 42)) {
            assertThat(array.length())
                    .as("length() of create(file, 40, 41, 42) over a file left by an array of 10 slots: create() "
                            + "overwrites the file, so it must cut it to 3 slots (Files.write truncates by default; "
                            + "with explicit options add TRUNCATE_EXISTING)")
                    .isEqualTo(3);
            try (SharedArray reopened = SharedArray.open(file)) {
                assertThat(reopened.length())
                        .as("length() of open(file) after create(file, 40, 41, 42) over a file of 10 slots: a child "
                                + "that opens the file sees its size, so the old slots must be gone")
                        .isEqualTo(3);
                assertThat(reopened.get(2))
                        .as("slot 2 through a second mapping of the re-created file")
                        .isEqualTo(42L);
            }
        }
    }

    @Test
    @Tag("task:2")
    void an_index_out_of_range_fails_clearly_naming_the_index_and_the_length() {
        try (SharedArray array = SharedArray.create(dir.resolve("seven"), 2, 3, 4, 5, 6, 7, 8)) {

            assertThatExceptionOfType(IndexOutOfBoundsException.class)
                    .as("get(7) on a shared array of length 7: slots are 0..6, and reading past the end of the "
                            + "mapped file must not return some other slot's bytes. The message names the slot index "
                            + "and the number of slots (\"index 7 ... length 7\"), not a byte offset")
                    .isThrownBy(() -> array.get(7))
                    .withMessageContainingAll("7", "length 7");
            assertThatExceptionOfType(IndexOutOfBoundsException.class)
                    .as("set(-1, 1) on a shared array of length 7: the message names the slot index and the number "
                            + "of slots (\"index -1 ... length 7\")")
                    .isThrownBy(() -> array.set(-1, 1))
                    .withMessageContainingAll("-1", "length 7");
        }
    }

    @Test
    @Tag("task:3")
    void on_its_own_the_unsafe_incrementer_counts_every_increment() throws Exception {
        long total = runIncrementers("alone", UnsafeIncrementer.class, 1, RACE_INCREMENTS, false);

        assertThat(total)
                .as("the shared counter after ONE process added 1 to it %,d times without a lock. Alone, nothing "
                        + "can race it, so every increment must count: read slot 0, add one, write slot 0, each "
                        + "time. Otherwise the race test below cannot tell lost updates from a miscount",
                        RACE_INCREMENTS)
                .isEqualTo(RACE_INCREMENTS);
    }

    @Test
    @Tag("task:3")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void unsynchronised_increments_from_four_processes_lose_updates_but_never_exceed_the_true_total()
            throws Exception {
        long trueTotal = (long) RACERS * RACE_INCREMENTS;
        List<Long> totals = new ArrayList<>();
        for (int attempt = 1; attempt <= RACE_ATTEMPTS; attempt++) {
            long total = runIncrementers("race" + attempt, UnsafeIncrementer.class, RACE_INCREMENTS, false);
            totals.add(total);
            assertThat(total)
                    .as("the shared counter after %d processes each added 1 to it %,d times without a lock (attempt "
                            + "%d). It can lose updates but never gain any: a higher count means a child wrote "
                            + "something other than the value it read plus one", RACERS, RACE_INCREMENTS, attempt)
                    .isLessThanOrEqualTo(trueTotal);
            if (RACE_INCREMENTS < total && total < trueTotal) {
                break;
            }
        }
        assertThat(totals)
                .as("the final counts of %d attempts of %d processes x %,d unsynchronised increments (true total "
                        + "%,d). A race shows as a count above what one process did alone (%,d: the updates of "
                        + "several processes landed in one counter) and below the true total (some were lost). "
                        + "Every count at the true total: the children did not overlap or did not read-increment-write "
                        + "slot 0 each time. A count of %,d or less: the children did not share one counter, or one "
                        + "process's writes replaced the others' (write the value read plus one, not a count of your "
                        + "own)", totals.size(), RACERS, RACE_INCREMENTS, trueTotal, RACE_INCREMENTS, RACE_INCREMENTS)
                .anyMatch(total -> RACE_INCREMENTS < total && total < trueTotal);
    }

    @Test
    @Tag("task:4")
    void while_one_process_holds_the_lock_no_other_process_can_take_it() throws Exception {
        Path lockFile = dir.resolve("exclusive.lock");
        try (ChildJvmFleet children = new ChildJvmFleet();
             CrossProcessLock ours = CrossProcessLock.open(lockFile)) {
            CapturedProcess holder = startHolder(children, lockFile);

            assertThat(tryLockInAnotherProcess(children, lockFile))
                    .as("what a second process's tryLock() got while pid %d held the lock. 'acquired' means the lock "
                            + "does not exclude other processes: take an exclusive lock on the file itself "
                            + "(FileChannel.lock, an in-memory lock exists only inside one JVM), and lock the same "
                            + "file in every process (open() must not delete or recreate it)", holder.pid())
                    .startsWith("busy");
            assertThat(tryLockHere(ours))
                    .as("tryLock() in the test JVM while child pid %d holds the lock", holder.pid())
                    .isFalse();
        }
    }

    @Test
    @Tag("task:4")
    void the_lock_is_freed_when_its_holder_is_killed() throws Exception {
        Path lockFile = dir.resolve("abandoned.lock");
        try (ChildJvmFleet children = new ChildJvmFleet();
             CrossProcessLock ours = CrossProcessLock.open(lockFile)) {
            CapturedProcess holder = startHolder(children, lockFile);
            assertThat(tryLockHere(ours))
                    .as("tryLock() in the test JVM while child pid %d holds the lock: it must say no. If it says yes, "
                            + "the lock is not shared between processes (lock the file itself, FileChannel.lock)",
                            holder.pid())
                    .isFalse();

            holder.process().destroyForcibly().waitFor(PLENTY.toMillis(), TimeUnit.MILLISECONDS);

            await("the test JVM taking the lock after its holder (pid " + holder.pid() + ") was killed with -9. The "
                    + "operating system releases a file lock (FileChannel.lock) when the process that held it ends; "
                    + "a lock made of something the holder must clean up itself (a marker file, a flag in shared "
                    + "memory) stays taken for ever after a crash")
                    .atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(50))
                    .until(ours::tryLock);
            ours.unlock();
        }
    }

    @Test
    @Tag("task:4")
    void after_unlock_another_process_can_take_the_lock() throws Exception {
        Path lockFile = dir.resolve("unlocked.lock");
        try (ChildJvmFleet children = new ChildJvmFleet();
             CrossProcessLock ours = CrossProcessLock.open(lockFile)) {
            inTheTestJvm("lock() then unlock() in the test JVM on a fresh lock file, which nobody else holds")
                    .run(() -> {
                        ours.lock();
                        ours.unlock();
                    });

            assertThat(tryLockInAnotherProcess(children, lockFile))
                    .as("what a child's tryLock() got after the test JVM called lock() and then unlock(). 'busy' "
                            + "means unlock() did not give the lock back: release the FileLock that lock() got")
                    .startsWith("acquired");
        }
    }

    @Test
    @Tag("task:4")
    void closing_a_held_lock_frees_it_for_other_processes() throws Exception {
        Path lockFile = dir.resolve("closed.lock");
        try (ChildJvmFleet children = new ChildJvmFleet()) {
            CrossProcessLock ours = CrossProcessLock.open(lockFile);
            try {
                inTheTestJvm("lock() in the test JVM on a fresh lock file, which nobody else holds").run(ours::lock);
            } finally {
                ours.close();
            }

            assertThat(tryLockInAnotherProcess(children, lockFile))
                    .as("what a child's tryLock() got after the test JVM took the lock and then closed it without "
                            + "unlock(), as try-with-resources does after an exception. 'busy' means close() left "
                            + "the lock held: close the FileChannel, which releases its lock")
                    .startsWith("acquired");
        }
    }

    @Test
    @Tag("task:4")
    void closing_a_lock_that_another_process_holds_leaves_it_held_for_everyone() throws Exception {
        Path lockFile = dir.resolve("shared-by-all.lock");
        try (ChildJvmFleet children = new ChildJvmFleet()) {
            CapturedProcess holder = startHolder(children, lockFile);
            assertThat(tryLockInAnotherProcess(children, lockFile))
                    .as("what a first child's tryLock() got while pid %d held the lock", holder.pid())
                    .startsWith("busy");

            assertThat(tryLockInAnotherProcess(children, lockFile))
                    .as("what a second child's tryLock() got while pid %d still held the lock, after a first child "
                            + "had tried, found it busy and called close(). 'acquired' means close() deleted or "
                            + "replaced the lock file: the second child then locked a new file, not the one the holder "
                            + "locks. close() only closes the FileChannel; the lock file stays for every process "
                            + "that shares it", holder.pid())
                    .startsWith("busy");
        }
    }

    @Test
    @Tag("task:5")
    void with_the_lock_four_processes_times_ten_thousand_increments_give_exactly_forty_thousand_every_time()
            throws Exception {
        for (int round = 1; round <= 2; round++) {
            long total = runIncrementers("locked" + round, LockedIncrementer.class, LOCKED_INCREMENTS, true);

            assertThat(total)
                    .as("the shared counter after %d processes each added 1 to it %,d times holding the cross-process "
                            + "lock (round %d). Fewer means two processes were inside read-increment-write at once. "
                            + "Either the lock does not exclude other processes (an in-JVM lock such as synchronized "
                            + "or ReentrantLock, a shared file lock, or processes locking different files: each must "
                            + "open the one lock file it gets and take FileChannel.lock() on it; the lock tests "
                            + "of task 4 then fail too), or the read or the write happens outside lock() .. unlock()",
                            RACERS, LOCKED_INCREMENTS, round)
                    .isEqualTo((long) RACERS * LOCKED_INCREMENTS);
        }
    }

    @Test
    @Tag("task:6")
    void a_closed_lock_refuses_to_be_taken_again() {
        CrossProcessLock lock = CrossProcessLock.open(dir.resolve("refusing.lock"));
        lock.close();

        assertThatExceptionOfType(IllegalStateException.class)
                .as("lock() after close(): the lock file is closed, so say so with an IllegalStateException "
                        + "(check at the start of lock(); FileChannel itself would throw ClosedChannelException)")
                .isThrownBy(() -> inTheTestJvm("lock() on a closed lock").run(lock::lock));
        assertThatExceptionOfType(IllegalStateException.class)
                .as("tryLock() after close(): the lock file is closed, so say so with an IllegalStateException")
                .isThrownBy(() -> tryLockHere(lock));
    }

    @Test
    @Tag("task:6")
    void locking_again_while_holding_the_lock_is_refused_because_it_is_not_re_entrant() {
        try (CrossProcessLock lock = CrossProcessLock.open(dir.resolve("twice.lock"))) {
            inTheTestJvm("lock() in the test JVM on a fresh lock file, which nobody else holds").run(lock::lock);

            assertThatExceptionOfType(IllegalStateException.class)
                    .as("lock() a second time by the process that holds the lock already: the lock is not "
                            + "re-entrant, so refuse with an IllegalStateException that says so (check a held lock at "
                            + "the start of lock(); FileChannel itself would throw OverlappingFileLockException)")
                    .isThrownBy(() -> inTheTestJvm("a second lock() by the holder").run(lock::lock))
                    .withMessageContainingAll("holds", "re-entrant");
            assertThatExceptionOfType(IllegalStateException.class)
                    .as("tryLock() by the process that holds the lock already: refuse it with an "
                            + "IllegalStateException saying the lock is not re-entrant, the same as lock()")
                    .isThrownBy(() -> tryLockHere(lock))
                    .withMessageContainingAll("holds", "re-entrant");
        }
    }
}
