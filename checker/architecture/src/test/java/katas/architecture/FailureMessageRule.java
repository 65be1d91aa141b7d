package katas.architecture;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Every assertion in a kata's tests says what it checks, so that its failure teaches: reads test sources and
 * lists each assertion whose failure would be a library's bare default.
 *
 * <ul>
 *   <li>An AssertJ chain describes itself first: {@code assertThat(x).as("...")...}, or {@code withFailMessage},
 *       {@code overridingErrorMessage}, {@code describedAs}. The test kit's {@code assertThatProcess} has its own
 *       messages.</li>
 *   <li>No one-argument {@code assertThatThrownBy(code)}: its {@code .as(...)} is lost when nothing is thrown.
 *       {@code assertThatExceptionOfType(X.class).as("...").isThrownBy(code)} keeps it.</li>
 *   <li>Awaitility waits have an alias ({@code await("what we wait for")}): else a timeout says only "Condition
 *       with lambda expression ... was not fulfilled".</li>
 *   <li>JUnit's {@code assertTimeoutPreemptively} has its message supplier; {@code fail} has a message; JUnit's
 *       other assertions are not used (AssertJ with a description says more).</li>
 * </ul>
 */
final class FailureMessageRule {

    private static final Set<String> DESCRIPTIONS = Set.of("as", "describedAs", "withFailMessage",
            "overridingErrorMessage");
    private static final Set<String> SELF_DESCRIBING = Set.of("assertThatProcess");
    private static final Set<String> JUNIT_ASSERTIONS = Set.of("assertEquals", "assertNotEquals", "assertTrue",
            "assertFalse", "assertNull", "assertNotNull", "assertSame", "assertNotSame", "assertArrayEquals",
            "assertIterableEquals", "assertLinesMatch", "assertThrows", "assertDoesNotThrow", "assertInstanceOf",
            "assertTimeout", "assertAll");

    private FailureMessageRule() {
    }

    /** The violations in one source file, each as {@code name:line: what is wrong, and what to write}. */
    static List<String> violations(String name, String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        SimpleJavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name),
                SimpleJavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, diagnostic -> { }, List.of("-proc:none"), null,
                List.of(file));
        List<String> violations = new ArrayList<>();
        try {
            for (CompilationUnitTree unit : task.parse()) {
                new Scanner(name, unit, Trees.instance(task).getSourcePositions(), violations).scan(unit, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    /** Visits every method call; judges each chain once, from its outermost call. */
    private static final class Scanner extends TreePathScanner<Void, Void> {

        private final String name;
        private final CompilationUnitTree unit;
        private final SourcePositions positions;
        private final List<String> violations;

        Scanner(String name, CompilationUnitTree unit, SourcePositions positions, List<String> violations) {
            this.name = name;
            this.unit = unit;
            this.positions = positions;
            this.violations = violations;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
            boolean outermost = !(getCurrentPath().getParentPath().getLeaf() instanceof MemberSelectTree);
            if (outermost) {
                judge(chain(call));
            }
            return super.visitMethodInvocation(call, unused);
        }

        /** The calls of a chain, from its root ({@code assertThat(x)}) to its last call. */
        private static List<MethodInvocationTree> chain(MethodInvocationTree last) {
            List<MethodInvocationTree> calls = new ArrayList<>();
            ExpressionTree at = last;
            while (at instanceof MethodInvocationTree) {
                MethodInvocationTree call = (MethodInvocationTree) at;
                calls.add(0, call);
                ExpressionTree select = call.getMethodSelect();
                at = select instanceof MemberSelectTree ? ((MemberSelectTree) select).getExpression() : null;
            }
            return calls;
        }

        private void judge(List<MethodInvocationTree> calls) {
            MethodInvocationTree root = calls.get(0);
            String method = nameOf(root);
            int arguments = root.getArguments().size();
            if (method.equals("assertThatThrownBy") && arguments == 1) {
                report(root, "assertThatThrownBy(code) loses its description when nothing is thrown: write "
                        + "assertThatExceptionOfType(X.class).as(\"...\").isThrownBy(code)");
            } else if (method.startsWith("assertThat") && !SELF_DESCRIBING.contains(method)
                    && !method.equals("assertThatThrownBy")
                    && (calls.size() < 2 || !DESCRIPTIONS.contains(nameOf(calls.get(1))))) {
                report(root, method + "(...) without a description: its failure would be AssertJ's bare default; "
                        + "write " + method + "(...).as(\"what this checks, in process terms\")...");
            } else if (method.equals("await") && arguments == 0 && isAwaitility(root)
                    && calls.stream().noneMatch(c -> nameOf(c).equals("alias"))) {
                report(root, "await() without an alias times out saying only that a lambda was not fulfilled: "
                        + "write await(\"what the test waits for\")");
            } else if (method.equals("assertTimeoutPreemptively") && arguments < 3) {
                report(root, "assertTimeoutPreemptively without a message is a bare timeout: add a supplier that "
                        + "says what was awaited and the likely cause");
            } else if (method.equals("fail") && arguments == 0) {
                report(root, "fail() without a message");
            } else if (JUNIT_ASSERTIONS.contains(method)) {
                report(root, method + ": use AssertJ's assertThat(...).as(\"...\") instead");
            }
        }

        /** Awaitility's {@code await()}, statically imported or named: not a latch's or a condition's. */
        private static boolean isAwaitility(MethodInvocationTree call) {
            ExpressionTree select = call.getMethodSelect();
            return select instanceof IdentifierTree || select instanceof MemberSelectTree
                    && ((MemberSelectTree) select).getExpression().toString().endsWith("Awaitility");
        }

        private static String nameOf(MethodInvocationTree call) {
            ExpressionTree select = call.getMethodSelect();
            if (select instanceof MemberSelectTree) {
                return ((MemberSelectTree) select).getIdentifier().toString();
            }
            return select instanceof IdentifierTree ? ((IdentifierTree) select).getName().toString() : "";
        }

        private void report(MethodInvocationTree call, String what) {
            long line = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, call));
            violations.add(name + ":" + line + ": " + what);
        }
    }
}
