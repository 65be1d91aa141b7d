package katas.checker.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import katas.checker.model.KataResult;
import katas.checker.model.Outcome;
import katas.checker.model.TestResult;
import katas.checker.runner.KataTestRunner;
import katas.kit.CapturedOutput;
import katas.kit.JavaProcess;
import katas.kit.ProcessTree;

/**
 * Runs a kata's compiled tests in one forked JVM, under a time limit. Past the limit the JVM is killed together
 * with every process it started, so a learner's infinite loop or leaked child costs that kata only.
 */
final class TestJvm {

    private static final int OUTPUT_TAIL_LINES = 30;

    private TestJvm() {
    }

    static KataResult run(String slug, Path testClasses, Path mainClasses, Path resultFile, Duration limit)
            throws InterruptedException {
        long started = System.nanoTime();
        String classpath = String.join(File.pathSeparator, testClasses.toString(), mainClasses.toString(),
                ToolClasspath.get());
        List<String> command = new ArrayList<>();
        command.add(JavaProcess.javaBinary().toString());
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto",
                "-Djava.awt.headless=true", "-cp", classpath, KataTestRunner.class.getName(),
                resultFile.toString(), testClasses.toString()));
        Process jvm;
        try {
            Files.deleteIfExists(resultFile);
            jvm = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        } catch (IOException e) {
            return KataResult.problem(slug, Outcome.CRASHED, "could not start the test JVM: " + e.getMessage(), 0);
        }
        CapturedOutput stdout = CapturedOutput.of(jvm.getInputStream(), "test JVM stdout");
        CapturedOutput stderr = CapturedOutput.of(jvm.getErrorStream(), "test JVM stderr");
        // Ctrl-C ends the checker, but not its children: take them along.
        Thread reaper = new Thread(() -> killWithEverythingItStarted(jvm), "reaper of the test JVM");
        Runtime.getRuntime().addShutdownHook(reaper);
        boolean finished;
        try {
            finished = jvm.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            removeHook(reaper);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (!finished) {
            killWithEverythingItStarted(jvm);
            return KataResult.problem(slug, Outcome.TIMED_OUT, "the tests did not finish within "
                    + limit.toSeconds() + " s, so they were stopped (with every process they started). "
                    + "Look for an endless loop, or a wait on a process that never ends.", millis);
        }
        stdout.awaitEnd(Duration.ofSeconds(5));
        stderr.awaitEnd(Duration.ofSeconds(5));
        if (!Files.isRegularFile(resultFile)) {
            return KataResult.problem(slug, Outcome.CRASHED, "the test JVM exited with " + jvm.exitValue()
                    + " without results. Its last output:\n" + tail(stdout, stderr), millis);
        }
        try {
            List<TestResult> tests = new ObjectMapper().readValue(resultFile.toFile(),
                    new TypeReference<List<TestResult>>() { });
            return KataResult.of(slug, tests, millis);
        } catch (IOException e) {
            return KataResult.problem(slug, Outcome.CRASHED, "unreadable test results: " + e.getMessage(), millis);
        }
    }

    private static void killWithEverythingItStarted(Process jvm) {
        List<ProcessHandle> tree = ProcessTree.ownedBy(jvm.toHandle()).collect(Collectors.toList());
        ProcessTree.kill(jvm.toHandle());
        tree.forEach(ProcessTree::kill);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to: it does the cleanup
        }
    }

    private static String tail(CapturedOutput stdout, CapturedOutput stderr) {
        List<String> lines = new ArrayList<>(stdout.lines());
        lines.addAll(stderr.lines());
        return lines.subList(Math.max(0, lines.size() - OUTPUT_TAIL_LINES), lines.size()).stream()
                .map(l -> "  " + l).collect(Collectors.joining("\n"));
    }

    private static File nullDevice() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }
}
