package katas.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.LongConsumer;

/**
 * The child processes this JVM started through the library, by pid: when each started and, once it has ended, when
 * and with which exit code. The test kit's process recorder reads it; for a process started some other way (a bare
 * {@link ProcessBuilder}), it sees only what {@link ProcessHandle} tells, which has no exit code.
 */
public final class StartedProcesses {

    /** When and how one child ran, in {@link System#nanoTime()} terms; the end fields are set once it has exited. */
    public record Started(long startNanos, long endNanos, int exitCode, boolean ended) {
    }

    /** Enough for every child of one test many times over; the oldest are forgotten first. */
    private static final int REMEMBERED = 4096;

    private static final Map<Long, Started> BY_PID = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Started> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Told the pid of every child noted from now on: the test kit's recorder, while a test runs. */
    private static final Set<LongConsumer> LISTENERS = new CopyOnWriteArraySet<>();

    private StartedProcesses() {
    }

    public static void listen(LongConsumer listener) {
        LISTENERS.add(listener);
    }

    public static void stopListening(LongConsumer listener) {
        LISTENERS.remove(listener);
    }

    /** Notes a child that has just started (noting it twice keeps the first start). */
    public static void add(Process process) {
        long pid = process.pid();
        synchronized (BY_PID) {
            if (BY_PID.putIfAbsent(pid, new Started(System.nanoTime(), 0, 0, false)) != null) {
                return;
            }
        }
        LISTENERS.forEach(listener -> listener.accept(pid));
        process.onExit().thenAccept(p -> {
            long end = System.nanoTime();
            synchronized (BY_PID) {
                BY_PID.computeIfPresent(pid, (k, s) -> new Started(s.startNanos(), end, p.exitValue(), true));
            }
        });
    }

    /** What is known of the child with this pid, if this JVM started it through the library. */
    public static Optional<Started> of(long pid) {
        synchronized (BY_PID) {
            return Optional.ofNullable(BY_PID.get(pid));
        }
    }
}
