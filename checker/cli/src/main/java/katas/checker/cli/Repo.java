package katas.checker.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import katas.checker.engine.Catalogue;
import katas.checker.engine.KataChecker;
import katas.checker.engine.SourceFingerprint;
import katas.checker.engine.Workspace;
import katas.checker.model.Kata;

/** What every command starts from: the repository, its katas, and a checker for them. */
record Repo(Path root, Catalogue catalogue, KataChecker checker) {

    /** How many JVMs share a kata's tests: the environment may say, e.g. 1 to run every test in one JVM. */
    static final String TEST_JVMS = "KATA_TEST_JVMS";

    static Repo open() {
        Path root = Workspace.root();
        String jvms = System.getenv(TEST_JVMS);
        KataChecker checker = jvms == null || jvms.isBlank() ? new KataChecker(root)
                : new KataChecker(root, testJvms(jvms.trim()));
        checker.sayNoticesTo(System.err::println);
        return new Repo(root, Catalogue.load(root), checker);
    }

    static int testJvms(String value) {
        try {
            int jvms = Integer.parseInt(value);
            if (jvms >= 1 && jvms <= 16) {
                return jvms;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new IllegalArgumentException(TEST_JVMS + " is '" + value + "': it must be a number of test JVMs "
                + "from 1 to 16, or unset for the default");
    }

    /**
     * The files the manifest says the learner edits that still have work in them (a TODO); all of them if none
     * has. A manifest that names none (a kata being written) makes every source file one to edit.
     */
    List<String> filesToEdit(Kata kata) {
        List<Path> files = kata.learnerFiles().isEmpty() ? SourceFingerprint.javaFiles(kata.mainSources())
                : kata.learnerFiles().stream().map(kata.mainSources()::resolve).collect(Collectors.toList());
        List<Path> todo = files.stream().filter(Repo::hasTodo).collect(Collectors.toList());
        return (todo.isEmpty() ? files : todo).stream()
                .map(f -> root.relativize(f).toString().replace('\\', '/'))
                .collect(Collectors.toList());
    }

    private static boolean hasTodo(Path file) {
        try {
            return Files.readString(file).contains("\"TODO");
        } catch (IOException e) {
            return false;
        }
    }
}
