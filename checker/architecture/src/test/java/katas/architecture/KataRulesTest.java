package katas.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
    Stream<DynamicTest> katas_and_solutions_use_only_the_kits_public_api() {
        return katasAndSolutions().map(m -> DynamicTest.dynamicTest(name(m),
                () -> Rules.ONLY_THE_KITS_PUBLIC_API.check(Modules.mainClasses(m))));
    }

    @TestFactory
    Stream<DynamicTest> every_solution_with_its_tests_starts_a_real_process() {
        return Modules.under("solutions").stream().map(m -> DynamicTest.dynamicTest(name(m),
                () -> Rules.STARTS_A_PROCESS.check(Modules.mainAndTestClasses(m))));
    }

    @TestFactory
    Stream<DynamicTest> kata_01_and_its_solution_write_their_own_launcher() {
        return katasAndSolutions().filter(m -> m.getFileName().toString().equals("01-create-process"))
                .map(m -> DynamicTest.dynamicTest(name(m),
                        () -> Rules.KATA_01_WRITES_ITS_OWN_LAUNCHER.check(Modules.mainClasses(m))));
    }

    @Test
    void the_kit_and_the_checker_depend_on_no_kata() {
        Rules.THE_HARNESS_DOES_NOT_DEPEND_ON_KATAS.check(Modules.mainClasses(Modules.ROOT.resolve("checker/kit")));
        Rules.THE_HARNESS_DOES_NOT_DEPEND_ON_KATAS.check(Modules.mainClasses(Modules.ROOT.resolve("checker/cli")));
    }

    @Test
    void the_checkers_layers_depend_one_way() {
        Rules.CHECKER_LAYERS.check(Modules.mainClasses(Modules.ROOT.resolve("checker/cli")));
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
