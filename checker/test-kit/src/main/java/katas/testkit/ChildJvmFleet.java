package katas.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import katas.process.CapturedProcess;
import katas.process.ExitCodes;
import katas.process.JavaProcess;
import katas.process.ProcessTree;

/**
 * The child JVMs one test starts, their output captured. Closing the fleet kills whichever of them still run,
 * with everything they started.
 *
 * <pre>{@code
 * try (ChildJvmFleet children = new ChildJvmFleet()) {
 *     CapturedProcess producer = children.start(Producer.class, address);
 *     assertThat(children.exitCodeOf(producer, "producer", PLENTY, WHY_A_PRODUCER_MAY_HANG)).as(...).isZero();
 * }
 * }</pre>
 *
 * <p>A fleet belongs to the test that opened it: {@link LeakedProcessGuard} closes, at the end of the test, every
 * fleet the test forgot to close, and fails the test naming the children it had to kill.
 */
public final class ChildJvmFleet implements AutoCloseable {

    /** The fleets opened and not yet closed, for the guard to close at the end of a test. */
    private static final Set<ChildJvmFleet> OPEN = ConcurrentHashMap.newKeySet();

    private final List<CapturedProcess> children = new ArrayList<>();
    private final List<String> mainClasses = new ArrayList<>();

    public ChildJvmFleet() {
        OPEN.add(this);
    }

    /** Starts {@code mainClass} in a child JVM with these arguments (each one turned into text). */
    public CapturedProcess start(Class<?> mainClass, Object... args) throws IOException {
        String[] text = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        return start(JavaProcess.of(mainClass).withArgs(text), mainClass.getSimpleName());
    }

    /** Starts a child JVM set up by the test (JVM options, an explicit classpath). */
    public CapturedProcess start(JavaProcess child) throws IOException {
        return start(child, "child JVM");
    }

    private CapturedProcess start(JavaProcess child, String name) throws IOException {
        return add(new CapturedProcess(child.start()), name);
    }

    /** Takes charge of a process the code under test started, capturing its output from now on. */
    public CapturedProcess adopt(Process process) {
        return add(new CapturedProcess(process), "child");
    }

    private synchronized CapturedProcess add(CapturedProcess child, String name) {
        children.add(child);
        mainClasses.add(name);
        return child;
    }

    /** Every child started so far, in the order they were started. */
    public synchronized List<CapturedProcess> all() {
        return List.copyOf(children);
    }

    /**
     * Waits for {@code child} to exit by itself and for its output to end, and returns its exit code. If it is
     * still running after {@code patience}, it is killed and the test fails with {@code whyItMayHang} and the
     * child's output.
     *
     * @param role what the child is in this test, for the message: "producer", "the receiver"
     */
    public int exitCodeOf(CapturedProcess child, String role, Duration patience, String whyItMayHang)
            throws InterruptedException {
        if (!child.process().waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            ProcessTree.kill(child.process().toHandle());
            throw new AssertionError("The " + role + " (pid " + child.pid() + ") was still running after "
                    + Bounded.describe(patience) + ", so it was killed. " + whyItMayHang + "\n" + output(child));
        }
        child.stdout().awaitEnd(patience);
        child.stderr().awaitEnd(patience);
        return child.process().exitValue();
    }

    /**
     * Waits, at most {@code timeout} from now for all of them together, for every child to exit, and fails if one
     * is still running then (it is killed, and the message gives {@code whyOneMayHang}) or has exited with
     * anything but 0 (the message gives {@code whyOneMayFail}). Both messages show the child's output.
     */
    public void awaitAllSucceeded(Duration timeout, String whyOneMayHang, String whyOneMayFail)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CapturedProcess> all = all();
        for (int i = 0; i < all.size(); i++) {
            CapturedProcess child = all.get(i);
            long left = Math.max(0, deadline - System.nanoTime());
            if (!child.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                ProcessTree.kill(child.process().toHandle());
                throw new AssertionError(nameOf(i) + " was still running " + Bounded.describe(timeout)
                        + " after the test began to wait for its " + all.size() + " child JVM(s), so it was killed. "
                        + whyOneMayHang + "\n" + output(child));
            }
            child.stdout().awaitEnd(timeout);
            child.stderr().awaitEnd(timeout);
            int code = child.process().exitValue();
            if (code != 0) {
                throw new AssertionError(nameOf(i) + " exited with " + code + ExitCodes.explain(code)
                        + ", not with 0. " + whyOneMayFail + "\n" + output(child));
            }
        }
    }

    /**
     * Waits until every child has printed a line that {@code line} accepts, at most {@code timeout} for each, and
     * fails naming the first child that has not, with its output.
     *
     * @param whichLine the line, for the message: "the line 'connected'"
     * @param whyItMayNot what that line means and why it may not come
     */
    public void awaitEachPrinted(Predicate<String> line, String whichLine, Duration timeout, String whyItMayNot)
            throws InterruptedException {
        List<CapturedProcess> all = all();
        for (int i = 0; i < all.size(); i++) {
            CapturedProcess child = all.get(i);
            if (!child.stdout().awaitLine(line, timeout)) {
                throw new AssertionError(nameOf(i) + " had not printed " + whichLine + " after "
                        + Bounded.describe(timeout) + (child.process().isAlive() ? "" : ", and it has exited with "
                        + child.process().exitValue() + ExitCodes.explain(child.process().exitValue())) + ". "
                        + whyItMayNot + "\n" + output(child));
            }
        }
    }

    /** Closes the standard input of every child: a child that waits for the end of its input goes on now. */
    public void closeAllInputs() {
        for (CapturedProcess child : all()) {
            try {
                child.process().getOutputStream().close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing the stdin of pid " + child.pid(), e);
            }
        }
    }

    /** The error output of every child, for failure messages. */
    public String errorOutput() {
        return all().stream().map(c -> "--- stderr of pid " + c.pid() + ":\n" + c.stderr().text() + "\n")
                .collect(Collectors.joining());
    }

    /** How {@code child}, which has exited, ended, for failure messages: its pid, exit code and error output. */
    public static String describeExit(CapturedProcess child) {
        int code = child.process().exitValue();
        return "pid " + child.pid() + " exited with " + code + ExitCodes.explain(code) + "; its stderr:\n"
                + child.stderr().text();
    }

    private synchronized String nameOf(int index) {
        return "The child " + mainClasses.get(index) + " (pid " + children.get(index).pid() + ")";
    }

    private static String output(CapturedProcess child) {
        return "Its stdout:\n" + child.stdout().text() + "\nIts stderr:\n" + child.stderr().text();
    }

    /** Kills every child that is still running, with everything it started. */
    @Override
    public void close() {
        OPEN.remove(this);
        stillRunning().forEach(ProcessTree::kill);
    }

    private List<ProcessHandle> stillRunning() {
        return all().stream().map(c -> c.process().toHandle()).filter(ProcessTree::isRunning)
                .collect(Collectors.toList());
    }

    /** The fleets open now; the guard notes them before a test, so that it closes only the test's own. */
    static Set<ChildJvmFleet> open() {
        return Set.copyOf(OPEN);
    }

    /**
     * Closes every fleet opened since {@code before} and not closed, and describes the children that were still
     * running, which are now killed (empty if there were none: a forgotten fleet whose children all exited
     * leaked nothing).
     */
    static List<String> closeForgotten(Set<ChildJvmFleet> before) {
        List<String> killed = new ArrayList<>();
        for (ChildJvmFleet fleet : open()) {
            if (before.contains(fleet)) {
                continue;
            }
            List<ProcessHandle> running = fleet.stillRunning();
            running.forEach(p -> killed.add(ProcessTree.describe(p)));
            fleet.close();
        }
        return killed;
    }
}
