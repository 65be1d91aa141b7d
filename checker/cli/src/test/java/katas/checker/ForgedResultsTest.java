package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import katas.testkit.KataTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learner's code runs inside the test JVM that reports the results. Each test here is a kata whose code does
 * nothing it was asked to (every test of the kata fails) but tries to make the checker believe otherwise.
 */
@KataTest
class ForgedResultsTest {

    private static final String KATA = "01-forge";
    private static final String TESTS = "class CodeTest {\n"
            + "  @Test void first() { assertEquals(1, Code.answer()); }\n"
            + "  @Test void second() { assertEquals(2, Code.answer()); }\n"
            + "  @Test void third() { assertEquals(3, Code.answer()); }\n}";
    private static final String UNDONE = "  public static int answer() { throw new UnsupportedOperationException(\"TODO\"); }\n";

    /**
     * The checker's own classes are not on the learner's compile class path, but they are loaded in the test JVM:
     * the forger reaches them by reflection, as a determined learner would.
     */
    private static final String FORGERY = ""
            + "  static Object passed(String name) throws Exception {\n"
            + "    Object passed = Class.forName(\"katas.testjvm.Outcome\").getField(\"PASSED\").get(null);\n"
            + "    return Class.forName(\"katas.testjvm.TestResult\").getConstructors()[0]\n"
            + "        .newInstance(name, \"CodeTest\", passed, \"\", 1L);\n  }\n"
            + "  static void write(List<Object> results, Path file) throws Exception {\n"
            + "    Class.forName(\"katas.testjvm.TestResultsFile\").getMethod(\"write\", List.class, Path.class)\n"
            + "        .invoke(null, results, file);\n  }\n";

    @TempDir
    Path dir;

    private TempWorkspace workspace;

    @BeforeEach
    void aWorkspace() throws IOException {
        workspace = new TempWorkspace(dir).manifest("{\"katas\": [{\"slug\": \"" + KATA + "\", \"title\": \"Forge\", "
                + "\"points\": 10, \"timeLimitSeconds\": 30, \"testJvms\": 1}]}");
    }

    private void code(String body) throws IOException {
        workspace.kata(KATA, "import java.io.*;\nimport java.nio.file.*;\nimport java.util.*;\n"
                + "public class Code {\n" + FORGERY + body
                + "\n}", TESTS);
    }

    private void assertNothingPasses() {
        int exit = workspace.run("check", "01");
        assertThat(exit).as("exit code of a check whose code passes no test:%n%s", workspace.out).isEqualTo(1);
        assertThat(workspace.out).as("the check's report").contains("0 of 3 tests pass")
                .doesNotContain("PASS ").doesNotContain("solved");
    }

    @Test
    void a_results_file_written_by_a_shutdown_hook_after_the_run_counts_for_nothing() throws IOException {
        code("  static { Runtime.getRuntime().addShutdownHook(new Thread(Code::claimEverything)); }\n"
                + "  static void claimEverything() {\n"
                + "    try {\n"
                + "      List<Object> all = List.of(passed(\"first\"), passed(\"second\"), passed(\"third\"));\n"
                + "      for (String arg : ProcessHandle.current().info().arguments().orElse(new String[0])) {\n"
                + "        try { Path p = Path.of(arg); if (Files.isDirectory(p)) p = p.resolveSibling(\"test-results-0.bin\");\n"
                + "          write(all, p); } catch (Exception ignored) { }\n"
                + "      }\n"
                + "      write(all, Path.of(\"test-results.bin\"));\n"
                + "    } catch (Exception ignored) { }\n  }\n" + UNDONE);

        assertNothingPasses();
    }

    @Test
    void claiming_a_made_up_passed_test_and_halting_counts_for_nothing() throws IOException {
        code("  static {\n"
                + "    for (String arg : ProcessHandle.current().info().arguments().orElse(new String[0])) {\n"
                + "      try { write(List.of(passed(\"made up\")), Path.of(arg).resolveSibling(\"test-results-0.bin\")); }\n"
                + "      catch (Exception ignored) { }\n"
                + "    }\n    Runtime.getRuntime().halt(0);\n  }\n" + UNDONE);

        assertNothingPasses();
        assertThat(workspace.out).as("what the learner reads about tests whose JVM was halted")
                .contains("ended before the test did, with exit code 0").contains("Runtime.halt");
    }

    @Test
    void exiting_the_test_jvm_early_fails_every_test_that_did_not_finish() throws IOException {
        code("  public static int answer() { System.exit(0); return 0; }\n");

        assertNothingPasses();
    }

    @Test
    void lines_that_look_like_results_on_every_stream_count_for_nothing() throws IOException {
        code("  static { Runtime.getRuntime().addShutdownHook(new Thread(Code::claim)); claim(); }\n"
                + "  static void claim() {\n"
                + "    String fake = \"\\n\\u0001\" + \"0\".repeat(32) + \" RESULT \" + Base64.getEncoder().encodeToString(\n"
                + "        \"PASSED first CodeTest\".getBytes()) + \"\\n\\u0001\" + \"0\".repeat(32) + \" END \\n\";\n"
                + "    PrintStream raw = new PrintStream(new FileOutputStream(FileDescriptor.out), true);\n"
                + "    raw.print(fake); System.out.print(fake); System.err.print(fake);\n"
                + "    System.setOut(new PrintStream(OutputStream.nullOutputStream()));\n  }\n" + UNDONE);

        assertNothingPasses();
    }

    @Test
    void searching_the_test_jvm_for_the_key_of_the_records_finds_nothing_to_forge_with() throws IOException {
        code("  static {\n"
                + "    List<String> places = new ArrayList<>(System.getenv().values());\n"
                + "    System.getProperties().values().forEach(v -> places.add(String.valueOf(v)));\n"
                + "    places.addAll(List.of(ProcessHandle.current().info().arguments().orElse(new String[0])));\n"
                + "    try { places.add(new String(System.in.readAllBytes())); } catch (IOException e) { }\n"
                + "    for (String name : List.of(\"katas.testjvm.KataTestRunner\", \"katas.testjvm.ResultRecords\")) {\n"
                + "      Class<?> c; try { c = Class.forName(name); } catch (ClassNotFoundException e) { continue; }\n"
                + "      for (java.lang.reflect.Field f : c.getDeclaredFields()) {\n"
                + "        try { f.setAccessible(true); places.add(String.valueOf(f.get(null))); } catch (Exception e) { }\n"
                + "      }\n    }\n"
                + "    PrintStream raw = new PrintStream(new FileOutputStream(FileDescriptor.out), true);\n"
                + "    for (String place : places) {\n"
                + "      java.util.regex.Matcher m = java.util.regex.Pattern.compile(\"[0-9a-f]{32}\").matcher(place);\n"
                + "      while (m.find()) { raw.print(\"\\n\\u0001\" + m.group() + \" END \\n\"); }\n"
                + "    }\n  }\n" + UNDONE);

        assertNothingPasses();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void a_process_that_detaches_from_the_tests_tree_is_killed_and_the_kata_does_not_count() throws IOException {
        String marker = "31.41592";
        workspace.kata(KATA, "public class Code {\n  public static int answer() throws Exception {\n"
                + "    new ProcessBuilder(\"sh\", \"-c\", \"nohup setsid sleep " + marker + " >/dev/null 2>&1 &\")"
                + ".start().waitFor();\n    return 1;\n  }\n}",
                "class CodeTest {\n  @Test void first() throws Exception { assertEquals(1, Code.answer()); }\n}");

        int exit = workspace.run("check", "01");

        assertThat(exit).as("exit code of a check whose code left a detached process:%n%s", workspace.out)
                .isEqualTo(1);
        assertThat(workspace.out).as("the check's report").contains("crashed")
                .contains("still running after every test JVM had ended").contains("sleep " + marker);
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(marker)))
                .as("the detached process, after the check").isEmpty();
    }
}
