package katas.testjvm;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import katas.process.ProcessTimeline;
import katas.testjvm.Outcome;
import katas.testjvm.TestResult;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of a forked test JVM: runs the tests under one classpath root with the JUnit Platform, or its share
 * of them when several JVMs split the work, and reports every test to the checker as {@link ResultRecords} on
 * standard output, as it happens: first the plan (every test there is), then each test's start and result, then
 * the end. Whatever the tests and the kata print goes to standard error. It always ends with {@code System.exit},
 * so a thread the learner's code left running cannot keep it alive.
 *
 * <p>Standard input carries the checker's {@link TestJvmRequest}, which the runner reads before any kata class is
 * loaded: the key of the records, the tests, this JVM's share of them, and its temporary folder. No arguments.
 */
public final class KataTestRunner {

    /**
     * Kata tests are JUnit Jupiter tests and need no plug-ins. Naming the engine spares each test JVM JUnit's search
     * for engines and listeners, and for a junit-platform.properties: each search reads every jar on the classpath.
     */
    private static final LauncherConfig JUPITER_ONLY = LauncherConfig.builder()
            .enableTestEngineAutoRegistration(false)
            .addTestEngines(new JupiterTestEngine())
            .enableLauncherSessionListenerAutoRegistration(false)
            .enableLauncherDiscoveryListenerAutoRegistration(false)
            .enablePostDiscoveryFilterAutoRegistration(false)
            .enableTestExecutionListenerAutoRegistration(false)
            .build();

    /** Whether the test kit records each test's processes: yes, unless KATAS_TIMELINE=off (to measure its cost). */
    private static final String RECORD = String.valueOf(!"off".equals(System.getenv("KATAS_TIMELINE")));

    private KataTestRunner() {
    }

    public static void main(String[] args) throws Exception {
        // Before any class of the kata is loaded: the request with its key, and the only stream that carries records.
        TestJvmRequest request = TestJvmRequest.readFrom(System.in);
        ResultRecords records = ResultRecords.withKey(request.key());
        OutputStream toChecker = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        CheckerLifeline.holdOn(request.tempDir());

        Path testClasses = request.testClasses();
        int shard = request.shard();
        int shards = request.shards();
        Map<String, Long> lastMillis = request.lastResults().map(KataTestRunner::lastMillis).orElse(Map.of());

        Launcher launcher = LauncherFactory.create(JUPITER_ONLY);
        LauncherDiscoveryRequest everything = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(testClasses)))
                .enableImplicitConfigurationParameters(false)
                .configurationParameter(ProcessTimeline.RECORD_PARAMETER, RECORD)
                .build();
        TestPlan plan = launcher.discover(everything);
        Map<String, String> tests = tests(plan);
        ResultRecords.write(toChecker, records.plan(List.copyOf(tests.values())));
        Collector collector = new Collector(records, toChecker);
        if (shards == 1 || tests.isEmpty()) {
            if (shard == 0) {
                launcher.execute(plan, collector); // with no test found, JVM 0 runs it all to report why
            }
        } else {
            shareOf(tests, lastMillis, shard, shards).ifPresent(r -> launcher.execute(r, collector));
        }
        ResultRecords.write(toChecker, records.end());
        System.exit(0);
    }

    /** Every test of the plan: its unique id and its key. */
    private static Map<String, String> tests(TestPlan plan) {
        Map<String, String> tests = new TreeMap<>();
        plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .filter(TestIdentifier::isTest)
                .forEach(test -> tests.put(test.getUniqueId(), Collector.key(test)));
        return tests;
    }

    /** This JVM's share of the tests; empty if it has none. */
    private static Optional<LauncherDiscoveryRequest> shareOf(Map<String, String> tests,
            Map<String, Long> lastMillis, int shard, int shards) {
        List<DiscoverySelector> mine = TestShards.share(tests, lastMillis, shard, shards).stream()
                .map(DiscoverySelectors::selectUniqueId).collect(Collectors.toList());
        return mine.isEmpty() ? Optional.empty()
                : Optional.of(LauncherDiscoveryRequestBuilder.request().selectors(mine)
                        .enableImplicitConfigurationParameters(false)
                        .configurationParameter(ProcessTimeline.RECORD_PARAMETER, RECORD).build());
    }

    /** How long each test took in the last run, by {@link Collector#key}; nothing if there was no readable run. */
    private static Map<String, Long> lastMillis(Path lastResults) {
        if (!Files.isRegularFile(lastResults)) {
            return Map.of();
        }
        try {
            return TestResultsFile.read(lastResults).stream()
                    .collect(Collectors.toMap(TestResult::key, TestResult::millis, Math::max));
        } catch (IOException e) {
            return Map.of(); // an even split by count is still a split
        }
    }

    /**
     * Turns JUnit's events into records: a start and one {@link TestResult} per test, with the process timeline the
     * test kit published for it.
     */
    static final class Collector implements TestExecutionListener {

        private final ResultRecords records;
        private final OutputStream toChecker;
        private final Map<String, Long> started = new ConcurrentHashMap<>();
        private final Map<String, ProcessTimeline> timelines = new ConcurrentHashMap<>();
        private final Map<String, String> notes = new ConcurrentHashMap<>();

        Collector(ResultRecords records, OutputStream toChecker) {
            this.records = records;
            this.toChecker = toChecker;
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            started.put(test.getUniqueId(), System.nanoTime());
            if (test.isTest()) {
                send(records.start(key(test)));
            }
        }

        @Override
        public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
            String timeline = entry.getKeyValuePairs().get(ProcessTimeline.REPORT_KEY);
            if (test.isTest() && timeline != null) {
                timelines.put(test.getUniqueId(), ProcessTimeline.decode(timeline));
            }
            String note = entry.getKeyValuePairs().get(TestResult.NOTE_REPORT_KEY);
            if (test.isTest() && note != null) {
                notes.merge(test.getUniqueId(), note, (earlier, later) -> earlier + "\n" + later);
            }
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            if (test.isTest()) {
                add(test, Outcome.SKIPPED, reason == null ? "" : reason);
            }
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            Outcome outcome = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                    ? Outcome.PASSED : Outcome.FAILED;
            String message = result.getThrowable().map(FailureMessages::of).orElse("");
            if (test.isTest()) {
                add(test, outcome, message);
            } else if (outcome == Outcome.FAILED && test.getSource().isPresent()) {
                // A whole class failed before or after its tests ran (e.g. a static initializer threw).
                add(test, outcome, message);
            }
        }

        private synchronized void add(TestIdentifier test, Outcome outcome, String message) {
            Long start = started.remove(test.getUniqueId());
            long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
            ProcessTimeline timeline = timelines.getOrDefault(test.getUniqueId(), ProcessTimeline.NONE);
            timelines.remove(test.getUniqueId());
            String note = notes.remove(test.getUniqueId());
            if (outcome == Outcome.PASSED && note != null) {
                message = note; // what a passing test measured for the learner: its message, as a failure has one
            }
            send(records.result(new TestResult(readableName(test), testClass(test), outcome, message, millis)
                    .withTimeline(timeline)));
        }

        private synchronized void send(byte[] record) {
            ResultRecords.write(toChecker, record);
        }

        /** The key that names a test across runs: its class and readable name, as its {@link TestResult} has them. */
        static String key(TestIdentifier test) {
            return TestResult.key(testClass(test), readableName(test));
        }

        private static String readableName(TestIdentifier test) {
            // A method's display name ends in its parameter types, "measures(TestReporter)": the key is its name.
            return test.getDisplayName().replaceFirst("\\([^()]*\\)$", "").replace('_', ' ');
        }

        private static String testClass(TestIdentifier test) {
            return test.getSource().map(source -> {
                if (source instanceof MethodSource) {
                    return simpleName(((MethodSource) source).getClassName());
                }
                if (source instanceof ClassSource) {
                    return simpleName(((ClassSource) source).getClassName());
                }
                return "";
            }).orElse("");
        }

        private static String simpleName(String className) {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }
}
