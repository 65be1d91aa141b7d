package katas.checker.engine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import katas.checker.model.Kata;
import katas.process.ChildJvmArchive;
import katas.process.JavaProcess;

/**
 * A kata's benchmark program ({@code src/bench/java}, the one class named {@code *Benchmark}) compiled against one
 * side's main code, the learner's or the reference solution's, in that side's {@code target/kata-bench}.
 */
public final class JavaBenchmark implements BenchmarkSide {

    private final String name;
    private final String mainClass;
    private final String classpath;
    private final Path folder;

    private JavaBenchmark(String name, String mainClass, String classpath, Path folder) {
        this.name = name;
        this.mainClass = mainClass;
        this.classpath = classpath;
        this.folder = folder;
    }

    /**
     * Compiles {@code mainSources} and the kata's benchmark program against them.
     *
     * @param name what the table calls this side
     * @param home the side's module ({@code katas/NN-slug} or {@code solutions/NN-slug}): its {@code target} is used
     * @throws BenchmarkFailedException if either does not compile, or the kata has no single benchmark class
     */
    public static JavaBenchmark compile(String name, Kata kata, Path mainSources, Path home, Path root) {
        Path work = home.resolve("target/kata-bench");
        Path classes = work.resolve("classes");
        Path benchClasses = work.resolve("bench-classes");
        String libraries = ToolClasspath.forMainCode(kata.mainCodeMayUse());
        JavaSourceCompiler compiler = new JavaSourceCompiler();
        compiler.compile(mainSources, classes, libraries, root).ifPresent(errors -> {
            throw new BenchmarkFailedException(name + ": the code does not compile:\n" + errors);
        });
        String codeAndLibraries = join(classes.toString(), libraries);
        compiler.compile(kata.benchmarkSources(), benchClasses, codeAndLibraries, root).ifPresent(errors -> {
            throw new BenchmarkFailedException(name + ": the benchmark program does not compile against the code "
                    + "(was a public class or method the benchmark uses changed?):\n" + errors);
        });
        return new JavaBenchmark(name, mainClassOf(kata), join(benchClasses.toString(), codeAndLibraries),
                work.resolve("run"));
    }

    private static String mainClassOf(Kata kata) {
        List<Path> programs = SourceFingerprint.javaFiles(kata.benchmarkSources()).stream()
                .filter(file -> file.getFileName().toString().endsWith("Benchmark.java"))
                .collect(Collectors.toList());
        if (programs.size() != 1) {
            throw new BenchmarkFailedException(kata.slug() + " needs exactly one *Benchmark.java under "
                    + kata.benchmarkSources() + ", not " + programs.size());
        }
        String relative = kata.benchmarkSources().relativize(programs.get(0)).toString();
        return relative.substring(0, relative.length() - ".java".length()).replace(File.separatorChar, '.');
    }

    private static String join(String first, String second) {
        return second.isEmpty() ? first : first + File.pathSeparator + second;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * One run in a fresh JVM with the JDK's default options (the parent side of the code runs as an application
     * would); the children the code starts take the process library's. Its temporary files go to a new folder of
     * the system's temporary folder, deleted after the run: a short path, since a Unix-domain socket's path may
     * have 108 bytes at most (04's queue binds one there).
     */
    @Override
    public Map<String, Double> runOnce(List<String> workloads) throws InterruptedException {
        Path temporary;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempDirectory("kata-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary folder for the benchmark", e);
        }
        ChildJvmArchive.createIn(ToolClasspath.archiveFolder());
        List<String> command = new ArrayList<>(List.of(JavaProcess.javaBinary().toString(), "-Xshare:auto",
                "-Djava.io.tmpdir=" + temporary,
                "-D" + ChildJvmArchive.DIR_PROPERTY + "=" + ToolClasspath.archiveFolder(),
                "-cp", classpath, mainClass));
        command.addAll(workloads);
        try {
            return BenchmarkSide.figuresOf(command, folder, workloads, name);
        } finally {
            QuietFiles.deleteTree(temporary);
        }
    }
}
