package katas.checker.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import katas.checker.engine.BenchmarkFailedException;
import katas.checker.engine.Benchmarks;
import katas.checker.engine.Benchmarks.Contender;
import katas.checker.engine.JavaBenchmark;
import katas.checker.engine.KataChecker;
import katas.checker.engine.PythonPeer;
import katas.checker.model.BenchmarkResult;
import katas.checker.model.Kata;
import katas.checker.model.KataResult;
import katas.checker.model.Workload;
import katas.checker.report.BenchmarkTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./kata bench}: what the katas' processes, pipes, queues and locks cost, beside Python's. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the benchmark workloads of the katas that have one (or of the named katas) on your code, "
                + "once it passes its tests, and on the reference solution, beside the same work done with Python's "
                + "multiprocessing when Python 3 is on the PATH. The sides take turns, round after round, each run "
                + "doing every workload twice and keeping the second figure (the first warms up the parent; the "
                + "children are fresh processes both times); the table shows medians and ratios, and a line on "
                + "what your figure says.%n"
                + "Speed is never graded: no test asserts it. The workloads are in katas/katas.json (\"benchmarks\"), "
                + "each kata's program in its src/bench/java.%n"
                + "Exit code 0 unless a reference solution's benchmark failed.")
public final class BenchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "KATA", description = "a kata with a benchmark: 4, 04, queue-producer-"
            + "consumer or 04-queue-producer-consumer (default: every kata that has one)")
    List<String> names = List.of();

    @Option(names = "--rounds", defaultValue = "5", description = "rounds per side, 1 to 50 (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--python", paramLabel = "PATH", description = "the Python 3 to compare with (default: python3 "
            + "or python on the PATH)")
    Path python;

    @Option(names = "--without-python", description = "leave Python out")
    boolean withoutPython;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (rounds < 1 || rounds > 50) {
            throw new IllegalArgumentException("--rounds is " + rounds + ": it must be from 1 to 50");
        }
        Repo repo = Repo.open();
        List<Kata> katas = katas(repo);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<PythonPeer> peer = withoutPython ? Optional.empty()
                : PythonPeer.find(Optional.ofNullable(python), repo.root().resolve("target/kata-bench"));
        out.println(machine());
        out.flush();
        boolean referenceFailed = false;
        for (Kata kata : katas) {
            List<Contender> contenders = List.of(learner(repo, kata), reference(repo, kata), python(kata, peer));
            BenchmarkResult result = Benchmarks.run(kata, contenders, rounds, err::println);
            out.println();
            out.print(BenchmarkTable.render(result));
            out.flush();
            referenceFailed |= result.sideNamed(BenchmarkResult.REFERENCE)
                    .map(side -> !side.notMeasured().isEmpty() && Files.isDirectory(kata.solutionDir()))
                    .orElse(false);
        }
        return referenceFailed ? 1 : 0;
    }

    private List<Kata> katas(Repo repo) {
        List<Kata> withBenchmarks = repo.catalogue().available().stream()
                .filter(kata -> !kata.workloads().isEmpty()).collect(Collectors.toList());
        if (names.isEmpty()) {
            return withBenchmarks;
        }
        List<Kata> named = new ArrayList<>();
        for (String name : names) {
            Kata kata = repo.catalogue().find(name);
            if (kata.workloads().isEmpty()) {
                throw new IllegalArgumentException(kata.slug() + " has no benchmark. The katas with one are: "
                        + withBenchmarks.stream().map(Kata::slug).collect(Collectors.joining(", ")));
            }
            named.add(kata);
        }
        return named;
    }

    /** The learner's code takes part once it passes the kata's tests: a wrong answer's speed means nothing. */
    private Contender learner(Repo repo, Kata kata) throws InterruptedException {
        KataResult result = repo.checker().rememberedOrCheck(kata, KataChecker.Code.LEARNER);
        if (!result.passed()) {
            return Contender.notMeasured(BenchmarkResult.YOU, "It does not pass its tests yet ("
                    + result.passedCount() + " of " + result.tests().size() + " pass): a wrong answer's speed "
                    + "means nothing. Solve it first: ./kata check " + String.format("%02d", kata.number()));
        }
        return compiled(BenchmarkResult.YOU, kata, kata.mainSources(), kata.dir(), repo.root(),
                kata.workloads().stream().filter(w -> !w.alternative()).map(Workload::name).toList());
    }

    private Contender reference(Repo repo, Kata kata) {
        if (!Files.isDirectory(kata.solutionDir())) {
            return Contender.notMeasured(BenchmarkResult.REFERENCE, "This copy of the repository has no "
                    + "solutions/ folder.");
        }
        return compiled(BenchmarkResult.REFERENCE, kata, kata.solutionDir().resolve("src/main/java"),
                kata.solutionDir(), repo.root(), kata.workloads().stream().map(Workload::name).toList());
    }

    private static Contender compiled(String name, Kata kata, Path sources, Path home, Path root,
                                      List<String> workloads) {
        try {
            return Contender.of(name, JavaBenchmark.compile(name, kata, sources, home, root), workloads);
        } catch (BenchmarkFailedException e) {
            return Contender.notMeasured(name, e.getMessage());
        }
    }

    private Contender python(Kata kata, Optional<PythonPeer> peer) {
        if (peer.isPresent()) {
            return Contender.of(BenchmarkResult.PYTHON, peer.get(),
                    kata.workloads().stream().map(Workload::pythonName).distinct().toList());
        }
        return Contender.notMeasured(BenchmarkResult.PYTHON, withoutPython ? "Left out (--without-python)."
                : python != null ? python + " is not an executable file."
                : "No python3 (or python) on the PATH: install Python 3 to see the same work done with its "
                + "multiprocessing, or name one with --python.");
    }

    private static String machine() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "This machine: %d cores, load average %s, Java %s (%s).",
                Runtime.getRuntime().availableProcessors(),
                load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load),
                Runtime.version(), System.getProperty("java.vm.name"));
    }
}
