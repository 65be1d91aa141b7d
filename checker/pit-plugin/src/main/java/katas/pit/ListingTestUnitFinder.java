package katas.pit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.pitest.junit5.JUnit5TestUnit;
import org.pitest.testapi.TestGroupConfig;
import org.pitest.testapi.TestUnit;
import org.pitest.testapi.TestUnitExecutionListener;
import org.pitest.testapi.TestUnitFinder;

/**
 * Lists a test class's tests from JUnit's test plan, without running them, as the units PIT's JUnit 5 plugin
 * makes (each runs its one test by its unique id, and is named by it, as the coverage analysis named it).
 *
 * <p>Only in a mutation minion. There PIT asks for every test class of the mutants it was given before it runs
 * the first, and the JUnit 5 plugin answers by running the whole class: for a kata, dozens of child JVMs per
 * minion, which was most of the mutation analysis. The coverage analysis does want them run (that is how it
 * learns what each test covers), so there this finder lists nothing and PIT asks the JUnit 5 plugin.
 *
 * <p>A test whose identity only its run reveals (a parameterized or dynamic test) has no entry in the plan, only
 * its method as a container: for a class with one, this finder lists nothing, and the JUnit 5 plugin runs it.
 */
final class ListingTestUnitFinder implements TestUnitFinder {

    private static final String MUTATION_MINION = "org.pitest.mutationtest.execute.MutationTestMinion";

    private final TestGroupConfig groups;
    private final BooleanSupplier inAMutationMinion;

    ListingTestUnitFinder(TestGroupConfig groups, BooleanSupplier inAMutationMinion) {
        this.groups = groups;
        this.inAMutationMinion = inAMutationMinion;
    }

    @Override
    public List<TestUnit> findTestUnits(Class<?> testClass, TestUnitExecutionListener notUsed) {
        if (!inAMutationMinion.getAsBoolean() || testClass.getEnclosingClass() != null) {
            return List.of();
        }
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(testClass)).filters(tagFilters()).build());
        List<TestIdentifier> found = new ArrayList<>();
        plan.getRoots().forEach(root -> found.addAll(plan.getDescendants(root)));
        if (found.stream().anyMatch(ListingTestUnitFinder::testsKnownOnlyOnceItRuns)) {
            return List.of();
        }
        List<TestUnit> units = new ArrayList<>();
        found.stream().filter(TestIdentifier::isTest).forEach(test -> units.add(new JUnit5TestUnit(testClass, test)));
        return units;
    }

    private Filter<?>[] tagFilters() {
        List<Filter<?>> filters = new ArrayList<>();
        if (groups.getExcludedGroups() != null && !groups.getExcludedGroups().isEmpty()) {
            filters.add(TagFilter.excludeTags(groups.getExcludedGroups()));
        }
        if (groups.getIncludedGroups() != null && !groups.getIncludedGroups().isEmpty()) {
            filters.add(TagFilter.includeTags(groups.getIncludedGroups()));
        }
        return filters.toArray(new Filter<?>[0]);
    }

    /** A method that holds tests (a parameterized test, a test factory) instead of being one. */
    private static boolean testsKnownOnlyOnceItRuns(TestIdentifier identifier) {
        return identifier.isContainer() && identifier.getSource().filter(MethodSource.class::isInstance).isPresent();
    }

    /** Whether PIT's mutation minion is looking for tests now (its coverage minion is another class). */
    static boolean calledByAMutationMinion() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                frame -> frame.getClassName().equals(MUTATION_MINION)));
    }
}
