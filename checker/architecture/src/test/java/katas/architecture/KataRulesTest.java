package katas.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import katas.checker.engine.Catalogue;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The rules, run over every kata's stub and every reference solution. */
class KataRulesTest {

    private static Stream<Path> katasAndSolutions() {
        return Stream.concat(Modules.under("katas").stream(), Modules.under("solutions").stream());
    }

    private static String name(Path module) {
        return Modules.ROOT.relativize(module).toString().replace('\\', '/');
    }

    @TestFactory
    Stream<DynamicTest> no_kata_or_solution_uses_threads_as_a_stand_in_for_processes() {
        return katasAndSolutions().map(m -> DynamicTest.dynamicTest(name(m),
                () -> Rules.NO_THREADS_AS_A_STAND_IN_FOR_PROCESSES.check(Modules.mainClasses(m))));
    }

    @TestFactory
    Stream<DynamicTest> a_katas_main_code_uses_only_what_the_manifest_allows() {
        return Catalogue.load(Modules.ROOT).all().stream()
                .flatMap(kata -> Stream.of(kata.dir(), kata.solutionDir()).filter(Files::isDirectory)
                        .map(m -> DynamicTest.dynamicTest(name(m) + " (" + kata.mainCodeMayUse().manifestName() + ")",
                                () -> Rules.mainCodeMayUse(kata.mainCodeMayUse()).check(Modules.mainClasses(m)))));
    }

    @TestFactory
    Stream<DynamicTest> a_katas_tests_use_the_test_kit_not_the_checker() {
        return Modules.under("katas").stream().map(m -> DynamicTest.dynamicTest(name(m),
                () -> Rules.KATA_TESTS_USE_THE_KITS_NOT_THE_CHECKER.check(Modules.testClasses(m))));
    }

    @TestFactory
    Stream<DynamicTest> a_katas_tests_bound_their_calls_with_the_test_kit() {
        return Modules.under("katas").stream().map(m -> DynamicTest.dynamicTest(name(m),
                () -> Rules.KATA_TESTS_BOUND_THEIR_CALLS_WITH_THE_KIT.check(Modules.testClasses(m))));
    }

    @TestFactory
    Stream<DynamicTest> every_solution_with_its_tests_starts_a_real_process() {
        return Modules.under("solutions").stream().map(m -> DynamicTest.dynamicTest(name(m),
                () -> Rules.STARTS_A_PROCESS.check(Modules.mainAndTestClasses(m))));
    }

    @TestFactory
    Stream<DynamicTest> the_libraries_and_the_checker_depend_on_no_kata() {
        return Stream.of("checker/process-library", "checker/test-kit", "checker/test-jvm", "checker/cli")
                .map(m -> DynamicTest.dynamicTest(m, () -> Rules.THE_HARNESS_DOES_NOT_DEPEND_ON_KATAS
                        .check(Modules.mainClasses(Modules.ROOT.resolve(m)))));
    }

    @Test
    void the_process_library_needs_only_the_jdk() {
        Rules.THE_PROCESS_LIBRARY_NEEDS_ONLY_THE_JDK.check(module("checker/process-library"));
    }

    @Test
    void the_test_kit_stands_on_the_process_library_alone() {
        Rules.THE_TEST_KIT_STANDS_ON_THE_PROCESS_LIBRARY.check(module("checker/test-kit"));
    }

    @Test
    void the_test_jvms_code_knows_nothing_of_the_checker() {
        Rules.THE_TEST_JVM_KNOWS_NOTHING_OF_THE_CHECKER.check(module("checker/test-jvm"));
    }

    @Test
    void the_checkers_layers_depend_one_way() {
        Rules.CHECKER_LAYERS.check(module("checker/cli"));
    }

    private static JavaClasses module(String path) {
        return Modules.mainClasses(Modules.ROOT.resolve(path));
    }

    @Test
    void nothing_but_the_solutions_aggregator_refers_to_a_solution_module() throws IOException {
        List<Path> poms = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Modules.ROOT)) {
            files.filter(f -> f.getFileName().toString().equals("pom.xml"))
                    .filter(f -> !f.toString().contains("target"))
                    .filter(f -> !Modules.ROOT.relativize(f).startsWith("solutions"))
                    .forEach(poms::add);
        }
        List<String> offenders = new ArrayList<>();
        for (Path pom : poms) {
            if (Files.readString(pom).contains("<artifactId>solution-")) {
                offenders.add(name(pom));
            }
        }
        assertThat(offenders).as("poms outside solutions/ that depend on a solution module").isEmpty();
        assertThat(poms.stream().map(KataRulesTest::name).collect(Collectors.toList())).contains("pom.xml");
    }
}
