package katas.checker.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import katas.checker.engine.Checksums;
import katas.checker.engine.KataChecker;
import katas.checker.engine.Readme;
import katas.checker.model.Kata;
import katas.checker.model.KataResult;
import katas.checker.model.Outcome;
import katas.checker.model.TestResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./kata verify}: the maintainers' proof that every kata is sound. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "For maintainers: for every kata, the solution passes, the stub fails every test, the "
                + "tests and stub match katas/checksums.json, and the README has a task and hints.%n"
                + "Exit code 0 only when all of that holds.")
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Repo repo = Repo.open();
        Checksums checksums = Checksums.load(repo.root());
        PrintWriter out = spec.commandLine().getOut();
        int broken = 0;
        for (Kata kata : repo.catalogue().all()) {
            List<String> problems = problems(repo, checksums, kata);
            if (problems.isEmpty()) {
                out.println("ok    " + kata.slug());
            } else {
                broken++;
                out.println("FAIL  " + kata.slug() + "\n        " + String.join("\n        ", problems));
            }
            out.flush();
        }
        out.println(broken == 0 ? "\nEvery kata is sound." : "\n" + broken + " kata(s) need attention.");
        out.flush();
        return broken == 0 ? 0 : 1;
    }

    private static List<String> problems(Repo repo, Checksums checksums, Kata kata) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(kata.dir())) {
            problems.add("the folder katas/" + kata.slug() + " is missing");
            return problems;
        }
        Checksums.KataSums sums = checksums.of(kata);
        Checksums.differences(kata.dir(), kata.testSources(), sums.tests())
                .forEach(d -> problems.add("tests differ from katas/checksums.json: " + d));
        Checksums.differences(kata.dir(), kata.mainSources(), sums.stub())
                .forEach(d -> problems.add("stub differs from katas/checksums.json: " + d));
        Readme readme = Readme.of(kata.readme());
        if (readme.section("Your task").map(String::isBlank).orElse(true)) {
            problems.add("README.md has no \"## Your task\" section");
        }
        if (readme.hints().isEmpty()) {
            problems.add("README.md has no hints (\"## Hints\" with \"### Hint 1\" ...)");
        }
        if (!Files.isDirectory(kata.solutionDir())) {
            problems.add("no reference solution in solutions/" + kata.slug());
        } else {
            KataResult solution = repo.checker().check(kata, KataChecker.Code.SOLUTION);
            if (!solution.passed()) {
                problems.add("the solution does not pass: " + describe(solution, false));
            }
        }
        KataResult stub = repo.checker().check(kata, KataChecker.Code.LEARNER);
        if (stub.outcome() != Outcome.FAILED || stub.passedCount() > 0) {
            problems.add("the stub must fail every test, but: " + describe(stub, true));
        }
        return problems;
    }

    private static String describe(KataResult result, boolean namePasses) {
        if (result.outcome() != Outcome.PASSED && result.outcome() != Outcome.FAILED) {
            return result.outcome() + " " + result.detail();
        }
        List<String> named = result.tests().stream()
                .filter(t -> namePasses ? t.passed() : t.outcome() == Outcome.FAILED)
                .map(TestResult::name).collect(Collectors.toList());
        if (result.tests().isEmpty()) {
            return "no test ran";
        }
        return named.size() + " of " + result.tests().size() + (namePasses ? " pass" : " fail") + ": "
                + String.join("; ", named);
    }
}
