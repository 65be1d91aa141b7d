package katas.checker.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import katas.checker.model.Outcome;
import katas.checker.model.TestResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of the forked test JVM: runs every test under one classpath root with the JUnit Platform and
 * writes the results as JSON. It always ends with {@code System.exit}, so a thread the learner's code left running
 * cannot keep it alive.
 *
 * <p>Arguments: the result file to write, the test classes folder.
 */
public final class KataTestRunner {

    private KataTestRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path resultFile = Path.of(args[0]);
        Path testClasses = Path.of(args[1]);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(testClasses)))
                .build();
        Collector collector = new Collector();
        LauncherFactory.create().execute(request, collector);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(resultFile.toFile(), collector.results);
        System.exit(0);
    }

    /** Turns JUnit's events into one {@link TestResult} per test. */
    static final class Collector implements TestExecutionListener {

        final List<TestResult> results = new ArrayList<>();
        private final Map<String, Long> started = new ConcurrentHashMap<>();

        @Override
        public void executionStarted(TestIdentifier test) {
            started.put(test.getUniqueId(), System.nanoTime());
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
            results.add(new TestResult(readableName(test), testClass(test), outcome, message, millis));
        }

        private static String readableName(TestIdentifier test) {
            String name = test.getDisplayName();
            if (name.endsWith("()")) {
                name = name.substring(0, name.length() - 2);
            }
            return name.replace('_', ' ');
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
