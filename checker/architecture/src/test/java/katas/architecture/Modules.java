package katas.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import katas.checker.engine.Workspace;

/** The compiled main classes of the repository's modules, read from their target/classes folders. */
final class Modules {

    static final Path ROOT = Workspace.root();

    private Modules() {
    }

    /** The module folders under {@code katas/} or {@code solutions/}, e.g. {@code solutions/01-create-process}. */
    static List<Path> under(String parent) {
        if (!Files.isDirectory(ROOT.resolve(parent))) {
            return List.of(); // a student template has no solutions/
        }
        try (Stream<Path> dirs = Files.list(ROOT.resolve(parent))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .filter(d -> d.getFileName().toString().matches("\\d\\d-.*"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The main classes of one module; fails if it was not compiled (the build compiles it before this). */
    static JavaClasses mainClasses(Path module) {
        Path classes = module.resolve("target/classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException(classes + " does not exist: compile the module first (./mvnw verify "
                    + "builds every module before this one)");
        }
        return new ClassFileImporter().importPath(classes);
    }

    /** The test classes of one module. */
    static JavaClasses testClasses(Path module) {
        mainClasses(module);
        return new ClassFileImporter().importPath(module.resolve("target/test-classes"));
    }

    /** The main and test classes of one module: together they show whether the kata's processes are real. */
    static JavaClasses mainAndTestClasses(Path module) {
        mainClasses(module);
        return new ClassFileImporter().importPaths(module.resolve("target/classes"),
                module.resolve("target/test-classes"));
    }

}
