package katas.checker.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import katas.checker.model.KataResult;
import katas.checker.model.Outcome;
import katas.checker.model.TestResult;
import katas.checker.runner.KataTestRunner;
import katas.checker.runner.TestResultsFile;
import katas.kit.CapturedOutput;
import katas.kit.Classpath;
import katas.kit.JavaProcess;
import katas.kit.ProcessTree;

/**
 * Runs a kata's compiled tests in forked JVMs, under a time limit. Several JVMs split the tests and run side by side
 * (see {@code KataTestRunner}); each is the root of its own process tree, so the tests' checks of "my child
 * processes" and "what this test leaked" stay exact. Past the limit every JVM is killed together with every
 * process it started, so a learner's infinite loop or leaked child costs that kata only.
 */
final class TestJvm {

    private static final int OUTPUT_TAIL_LINES = 30;

    private final Process process;
    private final Path resultFile;
    private final CapturedOutput stdout;
    private final CapturedOutput stderr;

    private TestJvm(Process process, Path resultFile) {
        this.process = process;
        this.resultFile = resultFile;
        this.stdout = CapturedOutput.of(process.getInputStream(), "test JVM stdout");
        this.stderr = CapturedOutput.of(process.getErrorStream(), "test JVM stderr");
    }

    /**
     * Runs the tests in {@code jvms} JVMs side by side, and writes the combined results to {@code resultFile},
     * where the next run finds how long each test took.
     */
    static KataResult run(String slug, Path testClasses, Path mainClasses, Path resultFile, Duration limit, int jvms,
            Optional<TestJvmArchive> archive) throws InterruptedException {
        long started = System.nanoTime();
        List<TestJvm> running = new CopyOnWriteArrayList<>();
        // Ctrl-C ends the checker, but not its children: take them along.
        Thread reaper = new Thread(() -> running.forEach(TestJvm::killWithEverythingItStarted),
                "reaper of the test JVMs");
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            for (int shard = 0; shard < jvms; shard++) {
                Path shardResults = resultFile.resolveSibling("test-results-" + shard + ".bin");
                List<String> args = List.of(shardResults.toString(), testClasses.toString(),
                        String.valueOf(shard), String.valueOf(jvms), resultFile.toString());
                List<String> sharing = archive.map(a -> a.jvmOptions(running.isEmpty())).orElse(List.of());
                running.add(start(sharing, classpath(testClasses, mainClasses), forChildren(testClasses, mainClasses),
                        args, shardResults));
            }
            return await(slug, running, resultFile, limit, started);
        } catch (IOException e) {
            running.forEach(TestJvm::killWithEverythingItStarted);
            return KataResult.problem(slug, Outcome.CRASHED, "could not start a test JVM: " + e.getMessage(),
                    elapsed(started));
        } finally {
            removeHook(reaper);
        }
    }

    private static KataResult await(String slug, List<TestJvm> running, Path resultFile, Duration limit,
            long started) throws InterruptedException {
        long deadline = started + limit.toNanos();
        for (TestJvm jvm : running) {
            if (!jvm.process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                running.forEach(TestJvm::killWithEverythingItStarted);
                return KataResult.problem(slug, Outcome.TIMED_OUT, "the tests did not finish within "
                        + limit.toSeconds() + " s, so they were stopped (with every process they started). "
                        + "Look for an endless loop, or a wait on a process that never ends.", elapsed(started));
            }
        }
        Map<String, TestResult> tests = new LinkedHashMap<>();
        for (TestJvm jvm : running) {
            Optional<List<TestResult>> results = jvm.results();
            if (results.isEmpty()) {
                return KataResult.problem(slug, Outcome.CRASHED, "the test JVM exited with "
                        + jvm.process.exitValue() + " without results. Its last output:\n" + jvm.tail(),
                        elapsed(started));
            }
            // A class that fails as a whole (its static initializer threw, say) fails in every JVM: report it once.
            results.get().forEach(r -> tests.putIfAbsent(r.key(), r));
        }
        List<TestResult> sorted = new ArrayList<>(tests.values());
        sorted.sort(Comparator.comparing(TestResult::testClass).thenComparing(TestResult::name));
        remember(sorted, resultFile);
        return KataResult.of(slug, sorted, elapsed(started));
    }

    private static TestJvm start(List<String> sharing, String classpath, String forChildren, List<String> args,
            Path resultFile) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(JavaProcess.javaBinary().toString());
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                "-XX:-UsePerfData"));
        command.addAll(sharing.isEmpty() ? List.of("-Xshare:auto") : sharing);
        command.addAll(List.of("-Djava.awt.headless=true", "-D" + Classpath.FOR_CHILDREN_PROPERTY + "=" + forChildren,
                "-cp", classpath, KataTestRunner.class.getName()));
        command.addAll(args);
        Files.deleteIfExists(resultFile);
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .start();
        return new TestJvm(process, resultFile);
    }

    /** The tools first: a class-data-sharing archive covers a classpath's leading jars, never folders. */
    private static String classpath(Path testClasses, Path mainClasses) {
        return String.join(File.pathSeparator, ToolClasspath.get(), testClasses.toString(), mainClasses.toString());
    }

    /** The kata's classes and the test libraries: what the tests' child JVMs may need. */
    private static String forChildren(Path testClasses, Path mainClasses) {
        return String.join(File.pathSeparator, testClasses.toString(), mainClasses.toString(),
                ToolClasspath.forChildren());
    }

    /** This JVM's results, once it has exited; empty if it left none (it crashed, or was killed). */
    private Optional<List<TestResult>> results() throws InterruptedException {
        stdout.awaitEnd(Duration.ofSeconds(5));
        stderr.awaitEnd(Duration.ofSeconds(5));
        if (!Files.isRegularFile(resultFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(TestResultsFile.read(resultFile));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void remember(List<TestResult> tests, Path resultFile) {
        try {
            TestResultsFile.write(tests, resultFile);
        } catch (IOException e) {
            // without the durations, the next run splits the tests by count: slower, still right
        }
    }

    private void killWithEverythingItStarted() {
        List<ProcessHandle> tree = ProcessTree.ownedBy(process.toHandle()).collect(Collectors.toList());
        ProcessTree.kill(process.toHandle());
        tree.forEach(ProcessTree::kill);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to: it does the cleanup
        }
    }

    private String tail() {
        List<String> lines = new ArrayList<>(stdout.lines());
        lines.addAll(stderr.lines());
        return lines.subList(Math.max(0, lines.size() - OUTPUT_TAIL_LINES), lines.size()).stream()
                .map(l -> "  " + l).collect(Collectors.joining("\n"));
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static File nullDevice() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }
}
