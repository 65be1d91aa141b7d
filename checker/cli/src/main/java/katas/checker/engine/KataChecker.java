package katas.checker.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import katas.checker.model.Kata;
import katas.checker.model.KataResult;
import katas.checker.model.MainCodeAccess;
import katas.process.ChildJvmArchive;
import katas.testjvm.Outcome;

/**
 * Checks one kata: compiles its code and its tests from source, then runs the tests in a forked JVM.
 *
 * <p>Each result is remembered next to the code it was computed from, under the fingerprint of that code, so the
 * board can show a kata's state without running it again, and never shows a state the code no longer has. The
 * same fingerprint tells whether the classes of the last compile still match the sources: only a change compiles.
 */
public final class KataChecker {

    /** Whose code is checked against the kata's tests. */
    public enum Code {
        /** The learner's code in {@code katas/NN-slug/src/main/java}. */
        LEARNER,
        /** The reference solution in {@code solutions/NN-slug/src/main/java}. */
        SOLUTION
    }

    private final ObjectMapper json = new ObjectMapper();
    private final JavaSourceCompiler compiler = new JavaSourceCompiler();
    private final Path root;
    private final int testJvmsForAll;
    private Consumer<String> notices = notice -> { };
    private final Optional<TestJvmArchive> archive = TestJvmArchive.of(ToolClasspath.archiveFolder(),
            ToolClasspath.get());

    /** A checker that splits each kata's tests between as many JVMs as the manifest says (see {@link #testJvms}). */
    public KataChecker(Path root) {
        this.root = root;
        this.testJvmsForAll = 0;
    }

    /** A checker that splits every kata's tests between {@code testJvms} JVMs, whatever the manifest says. */
    public KataChecker(Path root, int testJvms) {
        if (testJvms < 1) {
            throw new IllegalArgumentException("at least one test JVM, not " + testJvms);
        }
        this.root = root;
        this.testJvmsForAll = testJvms;
    }

    /**
     * Compiles and runs the kata now. Another check of the same code waits for this one; if the code changes while
     * it runs, it checks again (up to three times), so that the result is the code's as it is now.
     */
    public KataResult check(Kata kata, Code code) throws InterruptedException {
        Path mainSources = sourcesOf(kata, code);
        Path work = workDir(kata, code);
        try (CheckLock lock = CheckLock.take(work, notices)) {
            for (int attempt = 1; ; attempt++) {
                String fingerprint = SourceFingerprint.of(mainSources, kata.testSources());
                KataResult result = compileAndRun(kata, mainSources, work, fingerprint);
                boolean unchanged = fingerprint.equals(SourceFingerprint.of(mainSources, kata.testSources()));
                if (unchanged) {
                    remember(work, fingerprint, result);
                }
                if (unchanged || attempt == 3) {
                    return result;
                }
                notices.accept("The code changed while it was being checked: checking it again ...");
            }
        }
    }

    /** Where the checker says what it is waiting for; by default nowhere. */
    public void sayNoticesTo(Consumer<String> notices) {
        this.notices = notices;
    }

    /**
     * Compiles {@code mainSources} and this repository's tests of the kata into a new temporary folder, runs them,
     * and deletes the folder. For grading: nothing from an earlier run takes part, nor anything the code's owner
     * put into a {@code target} folder, and nothing is remembered.
     */
    public KataResult checkAfresh(Kata kata, Path mainSources) throws InterruptedException {
        Path work;
        try {
            work = Files.createTempDirectory("kata-grade-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary folder to grade in", e);
        }
        try {
            Optional<KataResult> compileError = compile(kata, mainSources, work.resolve("classes"),
                    work.resolve("test-classes"));
            return compileError.isPresent() ? compileError.get() : run(kata, work);
        } finally {
            QuietFiles.deleteTree(work);
        }
    }

    /** The remembered result for the kata's current code, if it was checked since it last changed. */
    public Optional<KataResult> remembered(Kata kata, Code code) {
        Path work = workDir(kata, code);
        Path file = work.resolve("result.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Remembered remembered = json.readValue(file.toFile(), Remembered.class);
            String now = SourceFingerprint.of(sourcesOf(kata, code), kata.testSources());
            return now.equals(remembered.fingerprint()) ? Optional.of(remembered.result()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a damaged memory is no memory: check again
        }
    }

    /** The remembered result if still valid, else a fresh check. */
    public KataResult rememberedOrCheck(Kata kata, Code code) throws InterruptedException {
        Optional<KataResult> remembered = remembered(kata, code);
        return remembered.isPresent() ? remembered.get() : check(kata, code);
    }

    private KataResult compileAndRun(Kata kata, Path mainSources, Path work, String fingerprint)
            throws InterruptedException {
        Path mainClasses = work.resolve("classes");
        Path testClasses = work.resolve("test-classes");
        Path compiledStamp = work.resolve("compiled-from.txt");
        // The compiler's options are part of the stamp: a checker that compiles differently compiles again.
        String compiledFrom = fingerprint + " " + String.join(" ", JavaSourceCompiler.OPTIONS);
        if (!compiledFrom.equals(QuietFiles.read(compiledStamp)) || !Files.isDirectory(mainClasses)
                || !Files.isDirectory(testClasses)) {
            QuietFiles.delete(compiledStamp);
            Optional<KataResult> compileError = compile(kata, mainSources, mainClasses, testClasses);
            if (compileError.isPresent()) {
                return compileError.get();
            }
            QuietFiles.write(compiledStamp, compiledFrom);
        }
        return run(kata, work);
    }

    private KataResult run(Kata kata, Path work) throws InterruptedException {
        ChildJvmArchive.createIn(ToolClasspath.archiveFolder());
        KataResult result = TestJvm.run(kata.slug(), work.resolve("test-classes"), work.resolve("classes"),
                work.resolve("test-results.bin"), Duration.ofSeconds(kata.timeLimitSeconds()), testJvms(kata),
                archive);
        if (archive.isPresent()) {
            archive.get().createIfMissing();
        }
        return TestSources.readRemembered(kata.testSources(), work.resolve("test-sources.json")).arrange(result);
    }

    /** As the manifest says, but at most one more than the cores: a JVM more fills the gaps where tests wait. */
    private int testJvms(Kata kata) {
        return testJvmsForAll > 0 ? testJvmsForAll
                : Math.min(kata.testJvms(), Runtime.getRuntime().availableProcessors() + 1);
    }

    /**
     * Compiles the code on the class path the manifest gives it (the JDK, or the JDK and the process library),
     * then the tests against it and the test tools; a compile error as the kata's result, else empty.
     */
    private Optional<KataResult> compile(Kata kata, Path mainSources, Path mainClasses, Path testClasses) {
        long started = System.nanoTime();
        Optional<String> mainErrors = compiler.compile(mainSources, mainClasses,
                ToolClasspath.forMainCode(kata.mainCodeMayUse()), root);
        if (mainErrors.isPresent()) {
            return Optional.of(KataResult.problem(kata.slug(), Outcome.COMPILE_ERROR,
                    "Your code does not compile:\n" + mainErrors.get() + notAllowedHint(kata, mainErrors.get()),
                    elapsed(started)));
        }
        Optional<String> testErrors = compiler.compile(kata.testSources(), testClasses,
                mainClasses + File.pathSeparator + ToolClasspath.get(), root);
        if (testErrors.isPresent()) {
            return Optional.of(KataResult.problem(kata.slug(), Outcome.COMPILE_ERROR, "The tests do not compile "
                    + "against your code. Did you change a public class, constructor or method the tests use?\n"
                    + testErrors.get(), elapsed(started)));
        }
        return Optional.empty();
    }

    /** Packages that exist, but not for this kata's main code: test libraries always, the process library in 01. */
    private static final Pattern OFF_LIMITS = Pattern.compile(
            "package (katas\\.(process|testkit|testjvm|checker)|org\\.(junit|assertj|awaitility|opentest4j))\\S* "
                    + "does not exist");

    private static String notAllowedHint(Kata kata, String errors) {
        if (!OFF_LIMITS.matcher(errors).find()) {
            return "";
        }
        return "\nIn this kata your code may use " + kata.mainCodeMayUse().description() + " (katas/katas.json, "
                + "\"mainCodeMayUse\"): nothing else is on its class path, here or in the Maven build."
                + (kata.mainCodeMayUse() == MainCodeAccess.JDK ? " This kata is about writing what the process "
                + "library would do for you, with ProcessBuilder." : "")
                + " JUnit, AssertJ and the test kit are for the tests, not for the code they test.";
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private void remember(Path work, String fingerprint, KataResult result) {
        try {
            Files.createDirectories(work);
            json.writeValue(work.resolve("result.json").toFile(), new Remembered(fingerprint, result));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + work, e);
        }
    }

    private static Path sourcesOf(Kata kata, Code code) {
        return (code == Code.LEARNER ? kata.dir() : kata.solutionDir()).resolve("src/main/java");
    }

    private static Path workDir(Kata kata, Code code) {
        return (code == Code.LEARNER ? kata.dir() : kata.solutionDir()).resolve("target/kata-check");
    }

    /** A result and the fingerprint of the code it was computed from. */
    record Remembered(String fingerprint, KataResult result) {
    }
}
