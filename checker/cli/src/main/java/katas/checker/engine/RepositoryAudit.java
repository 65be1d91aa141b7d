package katas.checker.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import katas.checker.model.Kata;
import katas.checker.model.KataResult;
import katas.checker.model.MainCodeAccess;
import katas.checker.model.Task;
import katas.checker.model.TaskProgress;
import katas.testjvm.Outcome;
import katas.testjvm.TestResult;

/**
 * The one proof that a repository of katas is sound. {@code ./kata verify} prints it, the Maven build fails on it
 * ({@code checker/architecture}'s {@code TheRepositoryIsSoundTest}), and grading's tamper check is its
 * {@link #testsTamperedWith} part.
 *
 * <p>For each kata: its tests and stub are the ones {@code katas/checksums.json} records; its main files are those
 * the manifest lists, in the kata and in the solution, and the given ones are the same in both; its Maven modules
 * give its main code what the manifest allows and nothing more; its README has 3 to 6 numbered tasks with hints,
 * and each test belongs to one of them; its solution passes every test and its stub fails every one; its stub
 * with the task-1 state written over it passes task 1 and no later task. For the repository: the manifest, the katas' folders, both
 * aggregator poms' module lists, the README's table and the checksums name the same katas.
 */
public final class RepositoryAudit {

    private static final String PROCESS_LIBRARY = "process-library";
    private static final Set<String> TEST_LIBRARIES = Set.of("test-kit", "test-jvm", "junit-jupiter",
            "junit-jupiter-api", "assertj-core", "awaitility");
    private static final int TASK_ONE_TEST_JVMS = 4;
    private static final int MIN_TASKS = 3;
    private static final int MAX_TASKS = 6;
    /** How many tests without a task the audit names; it counts the rest. */
    private static final int MAX_NAMED = 3;
    /** Where a kata's solution keeps the learner files as they are after task 1. */
    public static final String TASK_ONE = "task-1/src/main/java";
    private static final Pattern README_ROW = Pattern.compile("(?m)^\\| (\\d{2}) \\| `([a-z0-9-]+)` \\|");

    private final Path root;
    private final Catalogue catalogue;
    private final KataChecker checker;
    /**
     * For the stub and the task-1 states, whose tests of unwritten tasks mostly wait out their bounds: more JVMs
     * side by side halve that time. A stub only has to fail; and the tests of task 1 that must pass are not the
     * timing-tight ones.
     */
    private final KataChecker waitingChecker;

    public RepositoryAudit(Path root, Catalogue catalogue, KataChecker checker) {
        this.root = root;
        this.catalogue = catalogue;
        this.checker = checker;
        this.waitingChecker = new KataChecker(root, TASK_ONE_TEST_JVMS);
    }

    /**
     * Where the lists of katas disagree with the manifest, or an aggregator pom widens every kata's class path. A
     * list the repository does not have (a student's has no {@code solutions/}) is not compared.
     */
    public List<String> ofTheLists() {
        List<String> manifest = catalogue.all().stream().map(Kata::slug).collect(Collectors.toList());
        List<String> problems = new ArrayList<>();
        compare("the folders in katas/", kataFolders(), manifest, problems);
        for (String aggregator : List.of("katas/pom.xml", "solutions/pom.xml")) {
            Path pom = root.resolve(aggregator);
            if (Files.isRegularFile(pom)) {
                MavenPom read = MavenPom.read(pom);
                compare("the modules of " + aggregator, read.modules(), manifest, problems);
                read.mainDependencies().keySet().forEach(given -> problems.add(aggregator + " gives every kata's "
                        + "main code " + given + ": the manifest decides that per kata, in the kata's own pom"));
            }
        }
        Path readme = root.resolve("README.md");
        if (Files.isRegularFile(readme)) {
            compare("the rows of the table of katas in README.md", readmeTable(readme), manifest, problems);
        }
        Path sums = root.resolve(Checksums.FILE);
        if (Files.isRegularFile(sums)) {
            compare("the katas in " + Checksums.FILE, Checksums.load(root).katas(), manifest, problems);
        }
        return problems;
    }

    /** What is wrong with one kata; empty when it is sound. Runs its solution and its stub through the checker. */
    public List<String> ofKata(Kata kata) throws InterruptedException {
        List<String> problems = ofKataWithoutRunningIt(kata);
        if (!Files.isDirectory(kata.dir())) {
            return problems;
        }
        if (Files.isDirectory(kata.solutionDir())) {
            KataResult solution = checker.check(kata, KataChecker.Code.SOLUTION);
            if (!solution.passed()) {
                problems.add("the solution does not pass: " + describe(solution, false));
            }
            problems.addAll(taskOne(kata));
        } else {
            problems.add("no reference solution in solutions/" + kata.slug());
        }
        KataResult stub = waitingChecker.check(kata, KataChecker.Code.LEARNER);
        if (stub.outcome() != Outcome.FAILED || stub.passedCount() > 0) {
            problems.add("the stub must fail every test, but: " + describe(stub, true));
        }
        return problems;
    }

    /**
     * What is wrong with one kata's files, poms, README and benchmark program: everything {@link #ofKata} finds but
     * what only running the solution, the task-1 state and the stub can show.
     */
    public List<String> ofKataWithoutRunningIt(Kata kata) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(kata.dir())) {
            problems.add("the folder katas/" + kata.slug() + " is missing");
            return problems;
        }
        problems.addAll(shipped(kata));
        problems.addAll(files(kata));
        problems.addAll(poms(kata));
        problems.addAll(tasks(kata));
        problems.addAll(benchmark(kata));
        return problems;
    }

    /**
     * The differences between the test files under {@code kataDir} (a kata's folder, maybe in a student's
     * repository) and those the checksums record: empty when they are the shipped tests.
     */
    public static List<String> testsTamperedWith(Kata kata, Path kataDir, Checksums checksums) {
        return Checksums.differences(kataDir, kataDir.resolve("src/test/java"), checksums.of(kata).tests());
    }

    private List<String> shipped(Kata kata) {
        Checksums checksums = Checksums.load(root);
        List<String> problems = new ArrayList<>();
        testsTamperedWith(kata, kata.dir(), checksums)
                .forEach(d -> problems.add("tests differ from " + Checksums.FILE + ": " + d));
        Checksums.differences(kata.dir(), kata.mainSources(), checksums.of(kata).stub())
                .forEach(d -> problems.add("stub differs from " + Checksums.FILE + ": " + d));
        return problems;
    }

    /**
     * The benchmark program and the manifest's workloads go together, and the program compiles against the stub and
     * against the solution, so that {@code ./kata bench} can run it on both.
     */
    private List<String> benchmark(Kata kata) {
        boolean program = Files.isDirectory(kata.benchmarkSources());
        if (kata.workloads().isEmpty()) {
            return program ? List.of("it has a benchmark program (src/bench/java) but katas/katas.json lists no "
                    + "\"benchmarks\" for it") : List.of();
        }
        List<String> problems = new ArrayList<>();
        if (!program) {
            problems.add("katas/katas.json lists benchmarks for it, but it has no src/bench/java");
            return problems;
        }
        compiles("stub", kata, kata.mainSources(), kata.dir(), problems);
        if (Files.isDirectory(kata.solutionDir())) {
            compiles("solution", kata, kata.solutionDir().resolve("src/main/java"), kata.solutionDir(), problems);
        }
        return problems;
    }

    private void compiles(String side, Kata kata, Path sources, Path home, List<String> problems) {
        try {
            JavaBenchmark.compile(side, kata, sources, home, root);
        } catch (BenchmarkFailedException e) {
            problems.add("the benchmark program: " + e.getMessage());
        }
    }

    /** The main files are the manifest's, in the kata and its solution; a given file is the same in both. */
    private static List<String> files(Kata kata) {
        List<String> problems = new ArrayList<>();
        if (kata.learnerFiles().isEmpty()) {
            problems.add("katas/katas.json lists no \"learnerFiles\" for it: name the files the learner edits");
        }
        Set<String> listed = new TreeSet<>(kata.learnerFiles());
        listed.addAll(kata.givenFiles());
        compareFiles("katas/" + kata.slug() + "/src/main/java", kata.mainSources(), listed, problems);
        Path solutionSources = kata.solutionDir().resolve("src/main/java");
        if (Files.isDirectory(solutionSources)) {
            compareFiles("solutions/" + kata.slug() + "/src/main/java", solutionSources, listed, problems);
            for (String given : kata.givenFiles()) {
                if (!sameContent(kata.mainSources().resolve(given), solutionSources.resolve(given))) {
                    problems.add("the given file " + given + " differs between the kata and its solution");
                }
            }
        }
        return problems;
    }

    /** A kata's Maven modules give its main code what the manifest allows, and never a test library. */
    private static List<String> poms(Kata kata) {
        List<String> problems = new ArrayList<>();
        for (Path module : List.of(kata.dir(), kata.solutionDir())) {
            Path file = module.resolve("pom.xml");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String where = module.getParent().getFileName() + "/" + kata.slug() + "/pom.xml";
            Map<String, String> mainDependencies = MavenPom.read(file).mainDependencies();
            boolean library = mainDependencies.containsKey(PROCESS_LIBRARY);
            if (library != (kata.mainCodeMayUse() == MainCodeAccess.PROCESS_LIBRARY)) {
                problems.add(where + (library ? " gives the main code the process library" : " does not give the "
                        + "main code the process library") + ", but katas/katas.json says it may use "
                        + kata.mainCodeMayUse().description());
            }
            mainDependencies.keySet().stream().filter(TEST_LIBRARIES::contains).forEach(test -> problems.add(
                    where + " puts the test library " + test + " on the main code's class path: give it test scope"));
        }
        return problems;
    }

    /**
     * The README is cut into 3 to 6 numbered tasks, each with hints; every test belongs to exactly one of them,
     * each task has tests, and each test file has its tests in task order.
     */
    private static List<String> tasks(Kata kata) {
        List<String> problems = new ArrayList<>();
        Readme readme = Readme.of(kata.readme());
        if (readme.section("Your tasks").map(String::isBlank).orElse(true)) {
            problems.add("README.md has no \"## Your tasks\" section (the API, the files to edit, how to check)");
        }
        List<Task> tasks = readme.tasks();
        if (tasks.size() < MIN_TASKS || tasks.size() > MAX_TASKS) {
            problems.add("README.md has " + tasks.size() + " numbered task sections (\"## 1. Title\"): a kata has "
                    + MIN_TASKS + " to " + MAX_TASKS);
        }
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            if (task.number() != i + 1) {
                problems.add("README.md's task \"" + task.heading() + "\" should be number " + (i + 1)
                        + ": the tasks count 1, 2, 3 ...");
            }
            if (task.hints().isEmpty()) {
                problems.add("README.md's task \"" + task.heading() + "\" has no hint (\"### Hint 1\" ...)");
            }
        }
        List<TestSources.TestMethod> tests = TestSources.read(kata.testSources()).methods();
        List<String> untagged = new ArrayList<>();
        for (TestSources.TestMethod test : tests) {
            if (test.tasks().size() != 1 || test.task() < 1 || test.task() > tasks.size()) {
                untagged.add(test.testClass() + "." + test.method() + " has " + (test.tasks().isEmpty()
                        ? "no task tag" : "the task tags " + test.tasks()) + ": every test has exactly one "
                        + "@Tag(\"task:N\"), N from 1 to " + tasks.size());
            }
        }
        problems.addAll(untagged.subList(0, Math.min(untagged.size(), MAX_NAMED)));
        if (untagged.size() > MAX_NAMED) {
            problems.add("and " + (untagged.size() - MAX_NAMED) + " more tests like those");
        }
        for (Task task : tasks) {
            if (tests.stream().noneMatch(t -> t.task() == task.number())) {
                problems.add("no test is tagged task:" + task.number() + " (\"" + task.title() + "\")");
            }
        }
        for (int i = 1; i < tests.size(); i++) {
            TestSources.TestMethod before = tests.get(i - 1);
            TestSources.TestMethod test = tests.get(i);
            if (before.file().equals(test.file()) && test.task() < before.task()) {
                problems.add(test.file() + " has " + test.method() + " (task " + test.task() + ") after "
                        + before.method() + " (task " + before.task() + "): put the tests in task order");
            }
        }
        return problems;
    }

    /**
     * The stub with the kata's task-1 state ({@code solutions/NN-slug/task-1/src/main/java}) written over it, as
     * a learner who did what task 1 says would have it: every test of task 1 passes, and every later task still has
     * a failing test, so that task 2 is next.
     */
    private List<String> taskOne(Kata kata) throws InterruptedException {
        Path taskOne = kata.solutionDir().resolve(TASK_ONE);
        String where = "solutions/" + kata.slug() + "/" + TASK_ONE;
        List<String> problems = new ArrayList<>();
        List<Path> files = SourceFingerprint.javaFiles(taskOne);
        if (files.isEmpty()) {
            problems.add(where + " is missing: the learner files as they are after task 1, for this check");
            return problems;
        }
        Path work;
        Path sources;
        try {
            work = Files.createTempDirectory("kata-task-1-");
            sources = work.resolve("src/main/java");
            FileTrees.copy(kata.mainSources(), sources);
            FileTrees.copy(taskOne, sources);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the stub and " + where + " to a temporary folder", e);
        }
        for (Path file : files) {
            String relative = taskOne.relativize(file).toString().replace('\\', '/');
            if (!kata.learnerFiles().contains(relative)) {
                problems.add(where + " has " + relative + ", which is not one of the kata's learner files");
            }
        }
        try {
            KataResult result = waitingChecker.checkAfresh(kata, sources);
            TaskProgress progress = TaskProgress.of(Readme.of(kata.readme()).tasks(), result);
            if (progress.steps().isEmpty()) {
                return problems;
            }
            TaskProgress.Step first = progress.steps().get(0);
            if (!first.done()) {
                problems.add("with " + where + " over the stub, task 1 is not done: " + describe(result, false)
                        + first.tests().stream().filter(t -> t.outcome() == Outcome.FAILED).findFirst()
                                .map(t -> "\nThe first of task 1's failures, " + t.name() + ":\n" + t.message())
                                .orElse(""));
            }
            for (TaskProgress.Step later : progress.steps().subList(1, progress.steps().size())) {
                if (later.done()) {
                    problems.add("with " + where + " over the stub, task " + later.task().heading() + " passes "
                            + "already: its tests must need more than task 1");
                }
            }
            if (problems.isEmpty() && progress.current().map(s -> s.task().number()).orElse(0) != 2) {
                problems.add("with " + where + " over the stub, the next task is not task 2");
            }
            return problems;
        } finally {
            QuietFiles.deleteTree(work);
        }
    }

    private static void compareFiles(String where, Path sources, Set<String> listed, List<String> problems) {
        Set<String> present = SourceFingerprint.javaFiles(sources).stream()
                .map(f -> sources.relativize(f).toString().replace('\\', '/'))
                .collect(Collectors.toCollection(TreeSet::new));
        present.stream().filter(f -> !listed.contains(f)).forEach(f -> problems.add(where + " has " + f
                + ", which katas/katas.json lists neither in \"learnerFiles\" nor in \"givenFiles\""));
        listed.stream().filter(f -> !present.contains(f)).forEach(f -> problems.add(where + " lacks " + f
                + ", which katas/katas.json lists"));
    }

    private static boolean sameContent(Path a, Path b) {
        try {
            return Files.isRegularFile(a) && Files.isRegularFile(b)
                    && Arrays.equals(Checksums.normalised(Files.readAllBytes(a)),
                    Checksums.normalised(Files.readAllBytes(b)));
        } catch (IOException e) {
            return false;
        }
    }

    private List<String> kataFolders() {
        try (var dirs = Files.list(root.resolve("katas"))) {
            return dirs.filter(d -> Files.isDirectory(d) && d.getFileName().toString().matches("\\d{2}-.+"))
                    .map(d -> d.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> readmeTable(Path readme) {
        List<String> rows = new ArrayList<>();
        Matcher row = README_ROW.matcher(QuietFiles.read(readme));
        while (row.find()) {
            rows.add(row.group(1) + "-" + row.group(2));
        }
        return rows;
    }

    private static void compare(String list, List<String> found, List<String> manifest, List<String> problems) {
        if (found.equals(manifest)) {
            return;
        }
        List<String> missing = manifest.stream().filter(s -> !found.contains(s)).collect(Collectors.toList());
        List<String> extra = found.stream().filter(s -> !manifest.contains(s)).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            problems.add(list + " lack " + String.join(", ", missing) + ", which katas/katas.json lists");
        }
        if (!extra.isEmpty()) {
            problems.add(list + " have " + String.join(", ", extra) + ", which katas/katas.json does not list");
        }
        if (missing.isEmpty() && extra.isEmpty()) {
            problems.add(list + " are in another order than in katas/katas.json: " + String.join(", ", found));
        }
    }

    private static String describe(KataResult result, boolean namePasses) {
        if (result.outcome() != Outcome.PASSED && result.outcome() != Outcome.FAILED) {
            return result.outcome() + " " + result.detail();
        }
        if (result.tests().isEmpty()) {
            return "no test ran";
        }
        List<String> named = result.tests().stream()
                .filter(t -> namePasses ? t.passed() : t.outcome() == Outcome.FAILED)
                .map(TestResult::name).collect(Collectors.toList());
        return named.size() + " of " + result.tests().size() + (namePasses ? " pass" : " fail") + ": "
                + String.join("; ", named);
    }
}
