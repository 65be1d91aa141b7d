package katas.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import katas.process.ProcessTimeline;
import katas.process.ProcessTimeline.Lane;
import katas.process.ProcessTree;
import katas.process.StartedProcesses;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Records, while a test runs, every process the test JVM's tree gains: its pid and parent, what it runs, when it
 * started and ended and, where this JVM can know it, its exit code. At the end it publishes the
 * {@link ProcessTimeline} as a JUnit report entry, which the checker's test JVM sends on with the test's result.
 *
 * <p>It records only when the configuration parameter {@link ProcessTimeline#RECORD_PARAMETER} is true: the checker
 * sets it; under Maven, PIT or an IDE nobody draws the timeline, so nobody pays for it.
 *
 * <p>A process the library starts (the kit's {@link ChildJvmFleet}, {@code JavaProcess}) is known at once and
 * exactly, exit code included, from {@link StartedProcesses}. Any other (a bare {@link ProcessBuilder}'s, a
 * grandchild) is found by looking at the test JVM's descendants: every {@link #LOOK_CLOSELY_EVERY} in the first
 * 100 ms of a test and, once code in this JVM has started a child of its own, always; else every
 * {@link #LOOK_EVERY}. A look reads every process of the machine (half a millisecond here): looking every 10 or
 * 20 ms throughout made kata 02's tests 10-15% slower. A process that lives shorter than one look may be missed;
 * a direct child's end is exact.
 */
public final class ProcessRecorder implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    static final Duration LOOK_EVERY = Duration.ofMillis(100);
    /** How often to look at first in each test, and always once code in this JVM starts children on its own. */
    static final Duration LOOK_CLOSELY_EVERY = Duration.ofMillis(10);
    private static final long FIRST_MILLIS_LOOKED_AT_CLOSELY = 100;
    /** Code in this JVM has started a child without the library (kata 01's learner code, say). */
    private static volatile boolean startsBareChildren;
    private static final java.util.Optional<String> OWN_COMMAND_LINE = ProcessHandle.current().info().commandLine();

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ProcessRecorder.class);
    private static final String RECORDING = "recording";

    @Override
    public void beforeEach(ExtensionContext context) {
        boolean wanted = context.getConfigurationParameter(ProcessTimeline.RECORD_PARAMETER)
                .map(Boolean::parseBoolean).orElse(false);
        if (wanted) {
            context.getStore(NAMESPACE).put(RECORDING, Recording.start());
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        recording(context).ifPresent(r -> r.testEnded(context.getExecutionException().isPresent()));
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        Recording recording = context.getStore(NAMESPACE).remove(RECORDING, Recording.class);
        if (recording == null) {
            return;
        }
        ProcessTimeline timeline = recording.stop();
        if (!timeline.isEmpty()) {
            context.publishReportEntry(ProcessTimeline.REPORT_KEY, timeline.encode());
        }
    }

    /**
     * Marks processes the test left running, which the {@link LeakedProcessGuard} is about to kill: their lanes are
     * drawn as leaked. Most were marked already, as running when the test's code ended; this adds the orphans the
     * recording never saw. The guard's clean-up runs before this recorder's end, which then sees them gone.
     */
    static void leaked(ExtensionContext context, Collection<ProcessHandle> processes) {
        recording(context).ifPresent(r -> r.leaked(processes));
    }

    private static java.util.Optional<Recording> recording(ExtensionContext context) {
        return java.util.Optional.ofNullable(context.getStore(NAMESPACE).get(RECORDING, Recording.class));
    }

    /** One test's recording: what it has seen, from the library's news and from its own looks. */
    static final class Recording {

        private final long startNanos = System.nanoTime();
        private final long me = ProcessHandle.current().pid();
        private final Set<Long> before;
        private final Map<Long, Seen> seen = new LinkedHashMap<>();
        private final LongConsumer started = this::startedByTheLibrary;
        private final Thread looker;
        private volatile long testEndMillis = -1;
        private long lastLookMillis;

        private Recording(Set<Long> before) {
            this.before = before;
            this.looker = new Thread(this::lookUntilStopped, "kit: process recorder");
            looker.setDaemon(true);
        }

        static Recording start() {
            Recording recording = new Recording(ProcessHandle.current().descendants().map(ProcessHandle::pid)
                    .collect(Collectors.toSet()));
            StartedProcesses.listen(recording.started);
            recording.looker.start();
            return recording;
        }

        /**
         * The test's code is done. If it failed, whatever it started and still runs now is drawn as leaked: it is
         * most often part of the story (a grandchild that survived terminate(), a worker nobody stopped), although
         * the test's own clean-up may kill it before the kit's guard looks. A passing test may leave a process for
         * its clean-up on purpose: only the guard's finds count there.
         */
        synchronized void testEnded(boolean failed) {
            testEndMillis = now();
            look();
            if (failed) {
                seen.values().stream().filter(Seen::running).forEach(p -> p.leaked = true);
            }
        }

        synchronized void leaked(Collection<ProcessHandle> processes) {
            for (ProcessHandle process : processes) {
                see(process, me).leaked = true;
            }
        }

        ProcessTimeline stop() throws InterruptedException {
            StartedProcesses.stopListening(started);
            looker.interrupt();
            looker.join(1000);
            synchronized (this) {
                look();
                endTheLibrarysChildrenThatAreGone();
                long end = now();
                List<Lane> lanes = seen.values().stream().map(Seen::lane).collect(Collectors.toList());
                return new ProcessTimeline(testEndMillis < 0 ? end : testEndMillis, end, lanes);
            }
        }

        private synchronized void startedByTheLibrary(long pid) {
            ProcessHandle.of(pid).ifPresent(p -> {
                // A look may have found it a moment earlier, on its way to its own program; the library tells of a
                // child once it runs it (and it may end at once), so what it shows now is what the child runs.
                see(p, me).readCommand(p);
            });
        }

        private void lookUntilStopped() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    boolean closely = startsBareChildren || now() < FIRST_MILLIS_LOOKED_AT_CLOSELY;
                    Thread.sleep((closely ? LOOK_CLOSELY_EVERY : LOOK_EVERY).toMillis());
                    synchronized (this) {
                        look();
                    }
                }
            } catch (InterruptedException stopped) {
                // the test is over: stop() takes the last look itself
            }
        }

        /** One look: the processes that are new since the last, and the ends of those that have gone. */
        private void look() {
            ProcessHandle.current().descendants().filter(p -> !before.contains(p.pid()))
                    .forEach(p -> see(p, p.parent().map(ProcessHandle::pid).orElse(me)));
            long now = now();
            for (Seen process : seen.values()) {
                if (!process.askedTheLibrary && process.parentPid == me && now - process.startMillis > 50) {
                    // By now the library has noted its own child (a look may find one before that); one it has
                    // not noted was started some other way.
                    process.askedTheLibrary = true;
                    startsBareChildren |= StartedProcesses.of(process.pid).isEmpty();
                }
                if (!process.commandIsWhole) {
                    ProcessHandle.of(process.pid).ifPresent(process::readCommand);
                }
                // The library's own children need no look: StartedProcesses has their end, to the millisecond.
                if (process.endMillis == Lane.STILL_RUNNING && StartedProcesses.of(process.pid).isEmpty()
                        && !ProcessTree.isRunning(process.pid)) {
                    process.endMillis = now;
                }
            }
            lastLookMillis = now;
        }

        /**
         * The library notes its children's ends from {@code Process.onExit}, which completes a moment after the
         * process is gone: a child the guard has just killed may not be noted yet when the recording stops.
         */
        private void endTheLibrarysChildrenThatAreGone() {
            long now = now();
            for (Seen process : seen.values()) {
                if (process.running() && !ProcessTree.isRunning(process.pid)) {
                    process.endMillis = now;
                }
            }
        }

        private Seen see(ProcessHandle process, long parent) {
            return seen.computeIfAbsent(process.pid(), pid -> {
                Seen found = new Seen(pid, parent, startOf(process));
                found.readCommand(process);
                if (parent == me) {
                    // this JVM's own child: the JDK tells the moment it exits
                    process.onExit().thenRun(() -> found.exitedAt(now()));
                }
                return found;
            });
        }

        /**
         * When a process found by a look started: sometime since the last look. The kernel's start time says when,
         * but only to within a second (Linux counts it from a boot time kept in whole seconds), so it is only
         * trusted within that window.
         */
        private long startOf(ProcessHandle process) {
            long now = now();
            long estimate = process.info().startInstant()
                    .map(at -> now - Duration.between(at, Instant.now()).toMillis()).orElse(now);
            return Math.max(lastLookMillis, Math.min(now, estimate));
        }

        private Lane laneOf(Seen process) {
            long start = process.startMillis;
            long end = process.endMillis;
            int exit = Lane.EXIT_UNKNOWN;
            StartedProcesses.Started known = StartedProcesses.of(process.pid).orElse(null);
            if (known != null && known.startNanos() - startNanos >= 0) {
                start = millisOf(known.startNanos());
                if (known.ended()) {
                    end = millisOf(known.endNanos());
                    exit = known.exitCode();
                }
            }
            String command = process.command == null ? "(ended while starting)" : process.command;
            return new Lane(process.pid, process.parentPid, command, start, end, exit, process.leaked);
        }

        private long now() {
            return millisOf(System.nanoTime());
        }

        private long millisOf(long nanos) {
            return Math.max(0, (nanos - startNanos) / 1_000_000);
        }

        /** A process as the recording has seen it so far. */
        private final class Seen {
            final long pid;
            final long parentPid;
            /** Null while the process is still on its way to its own program (see {@link #commandOf}). */
            String command;
            /**
             * Whether {@link #command} was read with its arguments. Right after an exec, or while the child is still a
             * copy of this JVM, Linux may show a process's arguments as empty for a moment: it is read again.
             */
            boolean commandIsWhole;
            final long startMillis;
            long endMillis = Lane.STILL_RUNNING;
            boolean leaked;
            boolean askedTheLibrary;

            Seen(long pid, long parentPid, long startMillis) {
                this.pid = pid;
                this.parentPid = parentPid;
                this.startMillis = startMillis;
            }

            /** Reads what the process runs now; keeps what was read before if it is gone or still starting. */
            void readCommand(ProcessHandle process) {
                ProcessHandle.Info info = process.info();
                String now = info.command().isPresent() ? commandOf(info) : null;
                if (now != null) {
                    command = now;
                    commandIsWhole = info.arguments().map(arguments -> arguments.length > 0).orElse(false);
                }
            }

            void exitedAt(long millis) {
                synchronized (Recording.this) {
                    if (endMillis == Lane.STILL_RUNNING) {
                        endMillis = millis;
                    }
                }
            }

            Lane lane() {
                return laneOf(this);
            }

            boolean running() {
                return endMillis == Lane.STILL_RUNNING
                        && !StartedProcesses.of(pid).map(StartedProcesses.Started::ended).orElse(false);
            }
        }
    }

    /**
     * What a process runs, short: a JVM's main class (simple name) and arguments, else its command line; null while
     * it is still starting. A child is first a copy of this JVM, then, where the JDK launches through it, the JDK's
     * {@code jspawnhelper}, and only then its own program, all under one pid.
     */
    static String commandOf(ProcessHandle.Info info) {
        String command = info.command().orElse("?");
        List<String> args = info.arguments().map(List::of).orElse(List.of());
        String program = command.substring(command.lastIndexOf('/') + 1);
        if (program.equals("jspawnhelper") || info.commandLine().equals(OWN_COMMAND_LINE)) {
            return null;
        }
        if (!program.equals("java") && !program.equals("java.exe")) {
            return String.join(" ", program, String.join(" ", args)).strip();
        }
        return JavaCommandLine.mainClassAndArguments(args);
    }
}
