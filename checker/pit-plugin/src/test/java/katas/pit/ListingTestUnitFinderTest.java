package katas.pit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pitest.testapi.Description;
import org.pitest.testapi.NullExecutionListener;
import org.pitest.testapi.TestGroupConfig;
import org.pitest.testapi.TestUnit;

@Timeout(30)
class ListingTestUnitFinderTest {

    private static final ListingTestUnitFinder IN_A_MUTATION_MINION =
            new ListingTestUnitFinder(new TestGroupConfig(), () -> true);

    @Test
    void in_a_mutation_minion_every_test_of_the_class_is_listed_by_its_unique_id_and_none_runs() {
        TwoSampleTestMethods.RUNS.set(0);

        List<TestUnit> units = IN_A_MUTATION_MINION.findTestUnits(TwoSampleTestMethods.class, new NullExecutionListener());

        assertThat(units.stream().map(unit -> unit.getDescription().getName()).collect(Collectors.toList()))
                .as("the names of the units, which must be the unique ids PIT's coverage analysis gave the tests")
                .containsExactlyInAnyOrder(
                        "[engine:junit-jupiter]/[class:katas.pit.TwoSampleTestMethods]/[method:one()]",
                        "[engine:junit-jupiter]/[class:katas.pit.TwoSampleTestMethods]/[method:two()]");
        assertThat(TwoSampleTestMethods.RUNS).as("tests that ran while they were being listed").hasValue(0);
    }

    @Test
    void a_listed_unit_runs_its_one_test() {
        TwoSampleTestMethods.RUNS.set(0);
        TestUnit one = IN_A_MUTATION_MINION.findTestUnits(TwoSampleTestMethods.class, new NullExecutionListener()).stream()
                .filter(unit -> unit.getDescription().getName().endsWith("[method:one()]")).findFirst().orElseThrow();
        RecordingCollector collector = new RecordingCollector();

        one.execute(collector);

        assertThat(TwoSampleTestMethods.RUNS).as("tests that ran when the unit of TwoSampleTestMethods.one ran").hasValue(1);
        assertThat(collector.ended).as("the tests whose end the unit reported to PIT").containsExactly(
                "[engine:junit-jupiter]/[class:katas.pit.TwoSampleTestMethods]/[method:one()]");
    }

    @Test
    void outside_a_mutation_minion_nothing_is_listed_so_that_pit_asks_its_junit_5_plugin() {
        ListingTestUnitFinder elsewhere = new ListingTestUnitFinder(new TestGroupConfig(), () -> false);

        assertThat(elsewhere.findTestUnits(TwoSampleTestMethods.class, new NullExecutionListener()))
                .as("what the finder lists outside a mutation minion (in the coverage analysis, say)").isEmpty();
    }

    @Test
    void a_class_with_a_parameterized_test_is_left_to_the_junit_5_plugin() {
        assertThat(IN_A_MUTATION_MINION.findTestUnits(ParameterizedSampleTestMethod.class, new NullExecutionListener()))
                .as("what the finder lists for a class whose tests are only known once they run").isEmpty();
    }

    @Test
    void excluded_tags_are_left_out() {
        ListingTestUnitFinder withoutSlow = new ListingTestUnitFinder(
                new TestGroupConfig(List.of("slow"), List.of()), () -> true);

        assertThat(withoutSlow.findTestUnits(TwoSampleTestMethods.class, new NullExecutionListener()))
                .as("the units listed when tests tagged 'slow' are excluded").singleElement()
                .satisfies(unit -> assertThat(unit.getDescription().getName()).endsWith("[method:one()]"));
    }

    @Test
    void here_no_mutation_minion_is_looking_for_tests() {
        assertThat(ListingTestUnitFinder.calledByAMutationMinion())
                .as("whether PIT's MutationTestMinion is on this test's stack").isFalse();
    }

    private static final class RecordingCollector implements org.pitest.testapi.ResultCollector {
        final List<String> ended = new java.util.ArrayList<>();

        @Override
        public void notifyEnd(Description description, Throwable t) {
            ended.add(description.getName());
        }

        @Override
        public void notifyEnd(Description description) {
            ended.add(description.getName());
        }

        @Override
        public void notifyStart(Description description) {
        }

        @Override
        public void notifySkipped(Description description) {
        }

        @Override
        public boolean shouldExit() {
            return false;
        }
    }
}
