package katas.checker;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import katas.checker.cli.KataCommand;
import katas.checker.engine.Workspace;
import picocli.CommandLine;

/** A throwaway kata repository for the checker's tests, built from this repository's files. */
final class TempWorkspace {

    static final Path REPO = Workspace.root();

    final Path root;
    String out = "";
    String err = "";

    TempWorkspace(Path root) {
        this.root = root;
    }

    TempWorkspace manifest(String json) throws IOException {
        Files.createDirectories(root.resolve("katas"));
        Files.writeString(root.resolve("katas/katas.json"), json);
        return this;
    }

    /** Copies a folder of this repository (e.g. {@code katas/01-create-process}) into the workspace. */
    TempWorkspace copy(String from, String to) throws IOException {
        Path source = REPO.resolve(from);
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : (Iterable<Path>) paths.filter(p -> !p.toString().contains("target"))::iterator) {
                Path target = root.resolve(to).resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return this;
    }

    /** A copy of this whole workspace at {@code to}: a student's clone of it, say. */
    TempWorkspace copyTo(Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(root.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return new TempWorkspace(to);
    }

    TempWorkspace write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return this;
    }

    /** A small kata of its own: one main class and one test class in package {@code p}, in a single task. */
    TempWorkspace kata(String slug, String mainClass, String testClass) throws IOException {
        write("katas/" + slug + "/src/main/java/p/Code.java", "package p;\n" + mainClass + "\n");
        write("katas/" + slug + "/src/test/java/p/CodeTest.java", "package p;\n"
                + "import static org.junit.jupiter.api.Assertions.*;\nimport org.junit.jupiter.api.Tag;\n"
                + "import org.junit.jupiter.api.Test;\n" + testClass + "\n");
        return write("katas/" + slug + "/README.md", "# " + slug + "\n\n## Your tasks\n\nMake it pass.\n\n"
                + "## 1. Make it pass\n\n### Hint 1\nFirst hint.\n\n### Hint 2\nSecond hint.\n\n"
                + "## Interview questions\n");
    }

    /** The tests of {@link #taskedKata}: one for task 1, two for task 2, one for task 3, in task order. */
    static final String TASKED_TESTS = "class CodeTest {\n"
            + "  @Test @Tag(\"task:1\") void one_is_one() { assertEquals(1, Code.one()); }\n"
            + "  @Test @Tag(\"task:2\") void two_is_two() { assertEquals(2, Code.two()); }\n"
            + "  @Test @Tag(\"task:2\") void two_is_one_more_than_one() { assertEquals(Code.one() + 1, Code.two()); }\n"
            + "  @Test @Tag(\"task:3\") void three_is_three() { assertEquals(3, Code.three()); }\n"
            + "}";

    /** {@code Code} with {@code one()}, {@code two()} and {@code three()}: each returns what it says or throws. */
    static String code(boolean one, boolean two, boolean three) {
        return "public class Code {\n"
                + "  public static int one() { " + (one ? "return 1;" : "throw new UnsupportedOperationException"
                + "(\"TODO task 1: return 1\");") + " }\n"
                + "  public static int two() { " + (two ? "return 2;" : "throw new UnsupportedOperationException"
                + "(\"TODO task 2: return 2\");") + " }\n"
                + "  public static int three() { " + (three ? "return 3;" : "throw new UnsupportedOperationException"
                + "(\"TODO task 3: return 3\");") + " }\n"
                + "}";
    }

    /**
     * A sound kata of three tasks ({@code one()}, then {@code two()}, then {@code three()}) with its README, its
     * solution and its task-1 state; {@code p/Code.java} is its learner file.
     */
    TempWorkspace taskedKata(String slug) throws IOException {
        kata(slug, code(false, false, false), TASKED_TESTS);
        write("katas/" + slug + "/README.md", "# " + slug + "\n\n## The concept\n\nNumbers.\n\n"
                + "## Your tasks\n\nWrite Code.java, one method per task.\n\n"
                + "## 1. Return one\n\nWrite one().\n\n### Hint 1\nOne is 1.\n\n"
                + "## 2. Return two\n\nWrite two().\n\n### Hint 1\nTwo is 2.\n\n### Hint 2\nreturn 2;\n\n"
                + "## 3. Return three\n\nWrite three().\n\n### Hint 1\nThree is 3.\n\n"
                + "## Interview questions\n\n1. Why?\n");
        write("solutions/" + slug + "/src/main/java/p/Code.java", "package p;\n" + code(true, true, true) + "\n");
        return write("solutions/" + slug + "/task-1/src/main/java/p/Code.java",
                "package p;\n" + code(true, false, false) + "\n");
    }

    /** Runs a git command in the workspace. */
    TempWorkspace git(String... args) throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("git", "-c", "user.name=t",
                "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"));
        command.addAll(java.util.List.of(args));
        Process git = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes());
        if (git.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + output);
        }
        return this;
    }

    /**
     * Starts {@code ./kata args} in this workspace as a process of its own, as a learner's terminal would, with its
     * output drained: for what only another process can do (hold a lock, be killed).
     */
    katas.process.CapturedProcess startChecker(String... args) throws IOException {
        return katas.process.JavaProcess.of("katas.checker.Main", System.getProperty("java.class.path"))
                .withJvmOptions("-D" + Workspace.ROOT_PROPERTY + "=" + root).withArgs(args).startCapturingOutput();
    }

    /** Runs {@code ./kata args} with {@code input} as its standard input. */
    int runWithInput(String input, String... args) {
        java.io.InputStream saved = System.in;
        System.setIn(new java.io.ByteArrayInputStream(input.getBytes()));
        try {
            return run(args);
        } finally {
            System.setIn(saved);
        }
    }

    /** Runs {@code ./kata args} in this workspace; returns the exit code and keeps what it printed. */
    int run(String... args) {
        String saved = System.getProperty(Workspace.ROOT_PROPERTY);
        System.setProperty(Workspace.ROOT_PROPERTY, root.toString());
        try {
            StringWriter outText = new StringWriter();
            StringWriter errText = new StringWriter();
            CommandLine commandLine = KataCommand.commandLine();
            commandLine.setOut(new PrintWriter(outText, true));
            commandLine.setErr(new PrintWriter(errText, true));
            int exit = commandLine.execute(args);
            out = outText.toString();
            err = errText.toString();
            return exit;
        } finally {
            if (saved == null) {
                System.clearProperty(Workspace.ROOT_PROPERTY);
            } else {
                System.setProperty(Workspace.ROOT_PROPERTY, saved);
            }
        }
    }
}
