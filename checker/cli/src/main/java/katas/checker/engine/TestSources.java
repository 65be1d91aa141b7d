package katas.checker.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import katas.checker.model.KataResult;
import katas.testjvm.TestResult;

/**
 * A kata's tests as their source files give them: each {@code @Test} method, in the order of the files, with the
 * task its {@code @Tag("task:N")} puts it in and its source text. The checker reads the tests from the trusted
 * sources, never from the test JVM, which runs the learner's code.
 */
public final class TestSources {

    private static final Pattern TASK_TAG = Pattern.compile("task:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One test method.
     *
     * @param testClass the simple name of the class that declares it
     * @param method    its name
     * @param tasks     the N of each {@code @Tag("task:N")} on it: exactly one for a well-tagged test
     * @param code      its source, annotations included, as the test file has it
     * @param file      the test file, relative to the test sources
     * @param line      the line where it starts
     */
    public record TestMethod(String testClass, String method, List<Integer> tasks, String code, String file,
                             int line) {

        /** The key its result has: class and readable name, see {@link TestResult#key()}. */
        public String key() {
            return TestResult.key(testClass, method.replace('_', ' '));
        }

        /** Its task, or 0 when it has no task tag or more than one. */
        public int task() {
            return tasks.size() == 1 ? tasks.get(0) : 0;
        }
    }

    private final Map<String, TestMethod> byKey;

    private TestSources(List<TestMethod> methods) {
        this.byKey = new LinkedHashMap<>();
        methods.forEach(m -> byKey.putIfAbsent(m.key(), m));
    }

    /** Reads every {@code .java} file under {@code testRoot}; a file that does not parse has no tests here. */
    public static TestSources read(Path testRoot) {
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        List<TestMethod> methods = new ArrayList<>();
        for (Path file : SourceFingerprint.javaFiles(testRoot)) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            ParseResult<CompilationUnit> parsed = parser.parse(text);
            if (parsed.getResult().isPresent()) {
                String relative = testRoot.relativize(file).toString().replace('\\', '/');
                methods.addAll(testMethods(parsed.getResult().get(), text.split("\r?\n", -1), relative));
            }
        }
        methods.sort(Comparator.comparing(TestMethod::file).thenComparingInt(TestMethod::line));
        return new TestSources(methods);
    }

    /**
     * As {@link #read}, remembered in {@code memory} under the fingerprint of the test sources: parsing them takes
     * a few hundred milliseconds in a fresh JVM, and they change far less often than the code they test.
     */
    public static TestSources readRemembered(Path testRoot, Path memory) {
        String fingerprint = SourceFingerprint.of(testRoot);
        try {
            if (Files.isRegularFile(memory)) {
                Remembered remembered = JSON.readValue(memory.toFile(), Remembered.class);
                if (remembered.fingerprint().equals(fingerprint)) {
                    return new TestSources(remembered.methods());
                }
            }
        } catch (IOException e) {
            // a damaged memory is no memory: read the sources again
        }
        TestSources sources = read(testRoot);
        try {
            Files.createDirectories(memory.getParent());
            JSON.writeValue(memory.toFile(), new Remembered(fingerprint, sources.methods()));
        } catch (IOException e) {
            // not remembered: the next check reads the sources again
        }
        return sources;
    }

    /** The test methods and the fingerprint of the sources they were read from. */
    record Remembered(String fingerprint, List<TestMethod> methods) {
    }

    /** Every test method, in the order of the files (sorted by path), and in each file from top to bottom. */
    public List<TestMethod> methods() {
        return List.copyOf(byKey.values());
    }

    public Optional<TestMethod> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * The result with its tests in the order of the test files, each with its task; a result whose test has no
     * source here (it cannot be placed) comes last.
     */
    public KataResult arrange(KataResult result) {
        List<String> order = new ArrayList<>(byKey.keySet());
        List<TestResult> tests = result.tests().stream()
                .map(t -> t.inTask(find(t.key()).map(TestMethod::task).orElse(0)))
                .sorted(Comparator.comparingInt(t -> {
                    int at = order.indexOf(t.key());
                    return at < 0 ? Integer.MAX_VALUE : at;
                }))
                .collect(Collectors.toList());
        return new KataResult(result.slug(), result.outcome(), result.detail(), tests, result.millis());
    }

    private static List<TestMethod> testMethods(CompilationUnit unit, String[] lines, String file) {
        List<TestMethod> methods = new ArrayList<>();
        for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
            if (!method.getAnnotationByName("Test").isPresent() || method.getRange().isEmpty()) {
                continue;
            }
            String testClass = method.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString()).orElse("");
            List<Integer> tasks = method.getAnnotations().stream()
                    .filter(a -> a.getNameAsString().equals("Tag") || a.getNameAsString().endsWith(".Tag"))
                    .map(TestSources::tagValue).flatMap(Optional::stream)
                    .map(TASK_TAG::matcher).filter(Matcher::matches).map(m -> Integer.parseInt(m.group(1)))
                    .collect(Collectors.toList());
            int begin = method.getRange().get().begin.line;
            int end = method.getRange().get().end.line;
            methods.add(new TestMethod(testClass, method.getNameAsString(), tasks,
                    dedent(lines, begin - 1, end), file, begin));
        }
        return methods;
    }

    private static Optional<String> tagValue(AnnotationExpr tag) {
        if (tag instanceof SingleMemberAnnotationExpr
                && ((SingleMemberAnnotationExpr) tag).getMemberValue() instanceof StringLiteralExpr) {
            return Optional.of(((StringLiteralExpr) ((SingleMemberAnnotationExpr) tag).getMemberValue()).asString());
        }
        return Optional.empty();
    }

    /** Lines {@code from} (inclusive) to {@code to} (exclusive), without the indentation they share. */
    private static String dedent(String[] lines, int from, int to) {
        int indent = Integer.MAX_VALUE;
        for (int i = from; i < to; i++) {
            if (!lines[i].isBlank()) {
                indent = Math.min(indent, lines[i].length() - lines[i].stripLeading().length());
            }
        }
        StringBuilder code = new StringBuilder();
        for (int i = from; i < to; i++) {
            code.append(lines[i].isBlank() ? "" : lines[i].substring(indent)).append('\n');
        }
        return code.toString().stripTrailing();
    }
}
