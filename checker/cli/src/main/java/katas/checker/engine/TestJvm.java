package katas.checker.engine;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import katas.checker.model.KataResult;
import katas.process.ChildJvmArchive;
import katas.process.Classpath;
import katas.process.JavaProcess;
import katas.process.JvmOptions;
import katas.process.ProcessTree;
import katas.testjvm.KataTestRunner;
import katas.testjvm.Outcome;
import katas.testjvm.ResultRecords;
import katas.testjvm.TestJvmRequest;
import katas.testjvm.TestResult;
import katas.testjvm.TestResultsFile;

/**
 * Runs a kata's compiled tests in forked JVMs, under a time limit. Several JVMs split the tests and run side by side
 * (see {@code KataTestRunner}); each is the root of its own process tree, so the tests' checks of "my child
 * processes" and "what this test leaked" stay exact. Past the limit every JVM is killed together with every
 * process it started, so a learner's infinite loop or leaked child costs that kata only.
 *
 * <p>The learner's code runs inside these JVMs, so their word is taken only where it cannot be forged: a test
 * counts as passed only if its JVM reported it in records signed with the key this checker gave that JVM (see
 * {@link ResultRecords}). A test of the plan without a result (the JVM exited, halted or crashed first) fails,
 * and says why. A process that outlives the run, also one that left the tree, is killed and fails the kata.
 */
final class TestJvm {

    private static final Duration ON_ITS_WAY_OUT = Duration.ofSeconds(1);

    private final Process process;
    private final TestJvmReport report;
    private final OutputTail stdout;
    private final OutputTail stderr;

    private TestJvm(Process process, ResultRecords records) {
        this.process = process;
        this.report = new TestJvmReport(records);
        this.stdout = OutputTail.of(process.getInputStream(), report::take, "test JVM stdout");
        this.stderr = OutputTail.of(process.getErrorStream(), line -> false, "test JVM stderr");
    }

    /**
     * Runs the tests in {@code jvms} JVMs side by side, and writes the combined results to {@code resultFile},
     * where the next run finds how long each test took.
     */
    static KataResult run(String slug, Path testClasses, Path mainClasses, Path resultFile, Duration limit, int jvms,
            Optional<TestJvmArchive> archive) throws InterruptedException {
        long started = System.nanoTime();
        RunMark mark = RunMark.random();
        // The tests' temporary files, and the kata's, go into a folder of this run, which goes with it.
        Path tempDir = resultFile.resolveSibling("tmp");
        List<TestJvm> running = new CopyOnWriteArrayList<>();
        // Ctrl-C ends the checker, but not its children: take them along.
        Thread reaper = new Thread(() -> {
            running.forEach(TestJvm::killWithEverythingItStarted);
            mark.survivors().forEach(ProcessTree::kill);
            QuietFiles.deleteTree(tempDir);
        }, "reaper of the test JVMs");
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            QuietFiles.deleteTree(tempDir);
            Files.createDirectories(tempDir);
            for (int shard = 0; shard < jvms; shard++) {
                ResultRecords records = ResultRecords.withRandomKey();
                TestJvmRequest request = new TestJvmRequest(records.key(), testClasses, shard, jvms,
                        Optional.of(resultFile), tempDir);
                List<String> sharing = archive.map(a -> a.jvmOptions(running.isEmpty())).orElse(List.of());
                running.add(start(sharing, classpath(testClasses, mainClasses), forChildren(testClasses, mainClasses),
                        request, records, mark));
            }
            KataResult result = await(slug, running, limit, started);
            List<String> escaped = killSurvivors(mark);
            if (!escaped.isEmpty()) {
                return escaped(result, escaped);
            }
            if (result.outcome() == Outcome.PASSED || result.outcome() == Outcome.FAILED) {
                remember(result.tests(), resultFile);
            }
            return result;
        } catch (IOException e) {
            running.forEach(TestJvm::killWithEverythingItStarted);
            return KataResult.problem(slug, Outcome.CRASHED, "could not start a test JVM: " + e.getMessage(),
                    elapsed(started));
        } finally {
            removeHook(reaper);
            QuietFiles.deleteTree(tempDir);
        }
    }

    private static KataResult await(String slug, List<TestJvm> running, Duration limit, long started)
            throws InterruptedException {
        long deadline = started + limit.toNanos();
        for (TestJvm jvm : running) {
            if (!jvm.process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                running.forEach(TestJvm::killWithEverythingItStarted);
                return KataResult.problem(slug, Outcome.TIMED_OUT, "the tests did not finish within "
                        + limit.toSeconds() + " s, so they were stopped (with every process they started)."
                        + stillRunning(running) + " Look for an endless loop, or a wait on a process that never "
                        + "ends.", elapsed(started));
            }
        }
        for (TestJvm jvm : running) {
            jvm.stdout.awaitEnd(Duration.ofSeconds(5));
            jvm.stderr.awaitEnd(Duration.ofSeconds(5));
        }
        Set<String> plan = new TreeSet<>();
        running.forEach(jvm -> plan.addAll(jvm.report.plan()));
        if (plan.isEmpty()) {
            TestJvm first = running.get(0);
            String why = first.report.planned() ? "found no test to run." : "exited with "
                    + first.process.exitValue() + " before it reported which tests there are.";
            return KataResult.problem(slug, Outcome.CRASHED, "the test JVM " + why + " Its last output:\n"
                    + first.tail(), elapsed(started));
        }
        List<TestResult> tests = new ArrayList<>();
        for (String key : plan) {
            tests.add(running.stream().map(jvm -> jvm.report.result(key)).flatMap(Optional::stream).findFirst()
                    .orElseGet(() -> notReported(key, running)));
        }
        tests.sort(Comparator.comparing(TestResult::testClass).thenComparing(TestResult::name));
        return KataResult.of(slug, tests, elapsed(started));
    }

    /** A test of the plan that no JVM reported a result for: a failure that says what became of it. */
    private static TestResult notReported(String key, List<TestJvm> running) {
        String testClass = key.substring(0, key.indexOf('#'));
        String name = key.substring(key.indexOf('#') + 1);
        Optional<TestResult> classFailure = running.stream().map(jvm -> jvm.report.classFailure(testClass))
                .flatMap(Optional::stream).findFirst();
        if (classFailure.isPresent()) {
            return new TestResult(name, testClass, Outcome.FAILED, "The test class failed as a whole, before this "
                    + "test could run:\n" + classFailure.get().message(), 0);
        }
        Optional<TestJvm> where = running.stream().filter(jvm -> jvm.report.started(key)).findFirst();
        String message = where.map(jvm -> "This test started, but its test JVM (pid " + jvm.process.pid()
                + ") ended before the test did, with exit code " + jvm.process.exitValue() + ". Did the code under "
                + "test call System.exit or Runtime.halt, or crash the JVM? Those end the whole JVM, tests and all: "
                + "end a child process instead, or throw an exception.")
                .orElse("This test never ran: its test JVM ended before it, or reported no result for it. "
                + "Another test's code probably ended the JVM (System.exit, Runtime.halt, a crash): see the first "
                + "failing test.");
        return new TestResult(name, testClass, Outcome.FAILED, message, 0);
    }

    private static String stillRunning(List<TestJvm> running) {
        List<String> tests = running.stream().flatMap(jvm -> jvm.report.unfinished().stream())
                .map(key -> key.replace('#', '.')).collect(Collectors.toList());
        return tests.isEmpty() ? "" : " Still running then: " + String.join(", ", tests) + ".";
    }

    /** Kills what carries the run's mark once the JVMs are gone; a description of each, if there were any. */
    private static List<String> killSurvivors(RunMark mark) throws InterruptedException {
        List<ProcessHandle> survivors = mark.survivors();
        if (survivors.isEmpty()) {
            return List.of();
        }
        long deadline = System.nanoTime() + ON_ITS_WAY_OUT.toNanos();
        for (ProcessHandle p : survivors) {
            ProcessTree.awaitExit(p, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        List<String> escaped = survivors.stream().filter(ProcessTree::isRunning).map(ProcessTree::describe)
                .collect(Collectors.toList());
        survivors.forEach(ProcessTree::kill);
        return escaped;
    }

    private static KataResult escaped(KataResult result, List<String> escaped) {
        return new KataResult(result.slug(), Outcome.CRASHED, escaped.size() + " process(es) started during the "
                + "tests were still running after every test JVM had ended, so they were killed and the kata does "
                + "not count:\n  " + String.join("\n  ", escaped) + "\nA process that detaches itself (setsid, "
                + "nohup, a daemon) leaves the tests' process tree, where the leak guard cannot see it: end every "
                + "process you start, and do not detach one." + (result.detail().isEmpty() ? ""
                : "\n" + result.detail()), result.tests(), result.millis());
    }

    private static TestJvm start(List<String> sharing, String classpath, String forChildren, TestJvmRequest request,
            ResultRecords records, RunMark mark) throws IOException {
        Path tempDir = request.tempDir();
        List<String> command = new ArrayList<>();
        command.add(JavaProcess.javaBinary().toString());
        command.addAll(JvmOptions.FAST_START);
        command.add("-XX:+DisableAttachMechanism");
        command.add("-D" + ChildJvmArchive.DIR_PROPERTY + "=" + ToolClasspath.archiveFolder());
        command.addAll(sharing.isEmpty() ? List.of("-Xshare:auto") : sharing);
        command.addAll(List.of("-Djava.awt.headless=true", "-Djava.io.tmpdir=" + tempDir,
                "-D" + Classpath.FOR_CHILDREN_PROPERTY + "=" + forChildren,
                "-cp", classpath, KataTestRunner.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command);
        mark.mark(builder);
        // A relative path in the tests or the kata's code lands in the run's folder, not in the repository.
        builder.directory(tempDir.toFile());
        builder.environment().put("TMPDIR", tempDir.toString());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            request.writeTo(in);
        } catch (IOException exitedAlready) {
            // it reports nothing then, which the results say
        }
        return new TestJvm(process, records);
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

    private static void remember(List<TestResult> tests, Path resultFile) {
        try {
            TestResultsFile.write(tests, resultFile);
        } catch (IOException e) {
            // without the durations, the next run splits the tests by count: slower, still right
        }
    }

    private void killWithEverythingItStarted() {
        ProcessTree.killWithEverythingItOwns(process.toHandle());
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
        return lines.subList(Math.max(0, lines.size() - OutputTail.LINES), lines.size()).stream()
                .map(l -> "  " + l).collect(Collectors.joining("\n"));
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
