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

    static Repo open() {
        Path root = Workspace.root();
        return new Repo(root, Catalogue.load(root), new KataChecker(root));
    }

    /** The learner's source files of a kata that still have work in them (a TODO); all of them if none has. */
    List<String> filesToEdit(Kata kata) {
        List<Path> files = SourceFingerprint.javaFiles(kata.mainSources());
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
