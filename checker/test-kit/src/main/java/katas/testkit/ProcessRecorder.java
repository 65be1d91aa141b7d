package katas.testkit;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * <p>A process started with a bare {@link ProcessBuilder} is found by looking at the test JVM's descendants every
 * {@link #SAMPLE_EVERY}: one look costs about half a millisecond here. A process the library started (the kit's
 * {@link ChildJvmFleet}, {@code JavaProcess}) is known exactly, exit code included, from
 * {@link StartedProcesses}. A process that lives shorter than one look may be missed.
 */
public final class ProcessRecorder implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    static final Duration SAMPLE_EVERY = Duration.ofMillis(10);
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
        recording(context).ifPresent(Recording::testEnded);
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
     * drawn as leaked. The guard's clean-up runs before this recorder's end, which then sees them gone.
     */
    static void leaked(ExtensionContext context, Collection<ProcessHandle> processes) {
        recording(context).ifPresent(r -> r.leaked(processes));
    }

    private static java.util.Optional<Recording> recording(ExtensionContext context) {
        return java.util.Optional.ofNullable(context.getStore(NAMESPACE).get(RECORDING, Recording.class));
    }

    /** One test's recording: a sampling thread, and what it has seen. */
    static final class Recording {

        private final long startNanos = System.nanoTime();
        private final Set<Long> before;
        private final Map<Long, Seen> seen = new LinkedHashMap<>();
        private final Thread sampler;
        private volatile long testEndMillis = -1;

        private Recording(Set<Long> before) {
            this.before = before;
            this.sampler = new Thread(this::sampleUntilStopped, "kit: process recorder");
            sampler.setDaemon(true);
        }

        static Recording start() {
            Recording recording = new Recording(ProcessHandle.current().descendants().map(ProcessHandle::pid)
                    .collect(Collectors.toSet()));
            recording.sampler.start();
            return recording;
        }

        void testEnded() {
            testEndMillis = now();
        }

        synchronized void leaked(Collection<ProcessHandle> processes) {
            for (ProcessHandle process : processes) {
                see(process, ProcessHandle.current().pid()).leaked = true;
            }
        }

        ProcessTimeline stop() throws InterruptedException {
            sampler.interrupt();
            sampler.join(1000);
            synchronized (this) {
                sample();
                long end = now();
                List<Lane> lanes = seen.values().stream().map(Seen::lane).collect(Collectors.toList());
                return new ProcessTimeline(testEndMillis < 0 ? end : testEndMillis, end, lanes);
            }
        }

        private void sampleUntilStopped() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    synchronized (this) {
                        sample();
                    }
                    Thread.sleep(SAMPLE_EVERY.toMillis());
                }
            } catch (InterruptedException stopped) {
                // the test is over: stop() takes the last look itself
            }
        }

        /** One look: the processes that are new since the last, and the ends of those that have gone. */
        private void sample() {
            long me = ProcessHandle.current().pid();
            ProcessHandle.current().descendants().filter(p -> !before.contains(p.pid()))
                    .forEach(p -> see(p, p.parent().map(ProcessHandle::pid).orElse(me)));
            long now = now();
            for (Seen process : seen.values()) {
                if (process.endMillis == Lane.STILL_RUNNING && !ProcessTree.isRunning(process.pid)) {
                    process.endMillis = now;
                }
            }
        }

        private Seen see(ProcessHandle process, long parent) {
            Seen known = seen.computeIfAbsent(process.pid(), pid -> new Seen(pid, parent, commandOf(process), now()));
            if (known.command == null) {
                known.command = commandOf(process);
            }
            return known;
        }

        private Lane laneOf(Seen process) {
            long start = process.startMillis;
            long end = process.endMillis;
            int exit = Lane.EXIT_UNKNOWN;
            StartedProcesses.Started known = StartedProcesses.of(process.pid).orElse(null);
            if (known != null && known.startNanos() - startNanos >= 0) {
                start = Math.min(start, millisOf(known.startNanos()));
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
            final long startMillis;
            long endMillis = Lane.STILL_RUNNING;
            boolean leaked;

            Seen(long pid, long parentPid, String command, long startMillis) {
                this.pid = pid;
                this.parentPid = parentPid;
                this.command = command;
                this.startMillis = startMillis;
            }

            Lane lane() {
                return laneOf(this);
            }
        }
    }

    /**
     * What a process runs, short: a JVM's main class (simple name) and arguments, else its command line; null while
     * it is still starting. A child is first a copy of this JVM, then, where the JDK launches through it, the JDK's
     * {@code jspawnhelper}, and only then its own program, all under one pid.
     */
    static String commandOf(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
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
