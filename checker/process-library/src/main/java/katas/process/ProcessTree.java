package katas.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Operations on a process together with everything it started. */
public final class ProcessTree {

    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 5;

    private ProcessTree() {
    }

    /**
     * Kills {@code root} and all its descendants, deepest first, and waits for them to be gone.
     *
     * <p>Descendants go first because killing only the root leaves its children running, re-parented to PID 1,
     * where nobody will ever find them again.
     */
    public static void kill(ProcessHandle root) {
        List<ProcessHandle> victims = new ArrayList<>(root.descendants()
                .sorted(Comparator.comparingInt(ProcessTree::depthBelowCurrent).reversed())
                .collect(Collectors.toList()));
        victims.add(root);
        victims.forEach(ProcessHandle::destroyForcibly);
        victims.forEach(ProcessTree::awaitGone);
    }

    private static int depthBelowCurrent(ProcessHandle handle) {
        int depth = 0;
        for (ProcessHandle p = handle; p.parent().isPresent() && depth < 64; p = p.parent().get()) {
            depth++;
        }
        return depth;
    }

    private static void awaitGone(ProcessHandle handle) {
        try {
            awaitExit(handle, EXIT_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the process has exited, at most {@code timeout}; true if it has.
     *
     * <p>For this JVM's own child that is {@code onExit()}. For any other process (a grandchild, say) the JDK polls,
     * first after 300 ms, then less and less often; this polls every few milliseconds instead, and counts a zombie
     * as exited (see {@link #isRunning}).
     */
    public static boolean awaitExit(ProcessHandle handle, Duration timeout) throws InterruptedException {
        if (handle.parent().map(ProcessHandle.current()::equals).orElse(false)) {
            try {
                handle.onExit().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                return true;
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                return !handle.isAlive();
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(handle)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    /**
     * The process is alive and not a zombie. {@link ProcessHandle#isAlive()} is also true for a zombie: a process
     * that has exited, but whose exit status nobody has collected yet. An orphan's zombie lasts until PID 1 collects
     * it, which some init processes (in containers, say) do only every second or two. On Linux the state in
     * {@code /proc/PID/stat} tells the two apart; elsewhere zombies are collected at once and isAlive() is enough.
     */
    public static boolean isRunning(ProcessHandle handle) {
        return handle.isAlive() && !isZombie(handle.pid());
    }

    /** The process with this pid is running and not a zombie (see {@link #isRunning(ProcessHandle)}). */
    public static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::isRunning).orElse(false);
    }

    private static boolean isZombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            // "pid (command) S ...": the command may contain spaces and parentheses, the state follows the last ')'
            String line = Files.readString(stat);
            int end = line.lastIndexOf(')');
            return end > 0 && end + 2 < line.length() && "ZX".indexOf(line.charAt(end + 2)) >= 0;
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return false; // no /proc here, or the process is gone: isAlive() has the answer
        }
    }

    /**
     * Ends a child politely: closes its standard input (a child that reads requests from it sees the end and
     * exits), waits up to {@code grace} for it to exit, and kills it with its tree if it has not.
     *
     * @return the child's exit code
     */
    public static int closeInputThenStop(Process process, Duration grace) throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (java.io.IOException alreadyGone) {
            // the child has exited and its end of the pipe is closed: nothing to tell it
        }
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill(process.toHandle());
        }
        return process.waitFor();
    }

    /**
     * The live processes {@code owner} is responsible for: its descendants, and the orphans its kit-started
     * children left behind. An orphan is re-parented to PID 1 and is nobody's descendant any more, so it is found
     * by the {@link JavaProcess#OWNER_PROPERTY} mark on its command line instead.
     */
    public static Stream<ProcessHandle> ownedBy(ProcessHandle owner) {
        String mark = "-D" + JavaProcess.OWNER_PROPERTY + "=" + owner.pid();
        Stream<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(mark)).orElse(false));
        return Stream.concat(owner.descendants(), orphans)
                .filter(ProcessTree::isRunning)
                .distinct();
    }

    /**
     * Kills {@code owner} and every process it is responsible for ({@link #ownedBy}): its tree, and the orphans
     * that left the tree. The list is taken first, since the orphans' mark names an owner that is about to go.
     */
    public static void killWithEverythingItOwns(ProcessHandle owner) {
        List<ProcessHandle> owned = ownedBy(owner).collect(Collectors.toList());
        kill(owner);
        owned.forEach(ProcessTree::kill);
    }

    /** A one-line description of a process for failure messages: its PID and command line. */
    public static String describe(ProcessHandle handle) {
        String command = handle.info().commandLine().orElseGet(() -> handle.info().command().orElse("?"));
        if (command.length() > 160) {
            command = command.substring(0, 80) + " ... " + command.substring(command.length() - 75);
        }
        return "pid " + handle.pid() + " (" + command + ")";
    }
}
