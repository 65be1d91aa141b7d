package katas.pit;

import java.util.Collection;
import java.util.Optional;
import org.pitest.classinfo.ClassByteArraySource;
import org.pitest.help.PitHelpError;
import org.pitest.junit5.JUnit5TestSuiteFinder;
import org.pitest.testapi.Configuration;
import org.pitest.testapi.TestGroupConfig;
import org.pitest.testapi.TestPluginFactory;
import org.pitest.testapi.TestSuiteFinder;
import org.pitest.testapi.TestUnitFinder;

/**
 * PIT finds this through {@code META-INF/services} on the minion's class path and asks its finder first (a lower
 * priority number than the JUnit 5 plugin's). Where the finder has nothing to say, outside a mutation minion, PIT
 * goes on to the JUnit 5 plugin.
 */
public final class ListingTestPluginFactory implements TestPluginFactory {

    @Override
    public Configuration createTestFrameworkConfiguration(TestGroupConfig groups, ClassByteArraySource source,
            Collection<String> excludedRunners, Collection<String> includedTestMethods) {
        return new Configuration() {
            @Override
            public int priority() {
                return DEFAULT_PRIORITY - 1;
            }

            @Override
            public TestUnitFinder testUnitFinder() {
                return new ListingTestUnitFinder(groups, ListingTestUnitFinder::calledByAMutationMinion);
            }

            @Override
            public TestSuiteFinder testSuiteFinder() {
                return new JUnit5TestSuiteFinder();
            }

            @Override
            public Optional<PitHelpError> verifyEnvironment() {
                return Optional.empty();
            }
        };
    }

    @Override
    public String name() {
        return "junit5-listing";
    }

    @Override
    public String description() {
        return "JUnit 5 tests listed without running them, in PIT's mutation minions";
    }
}
