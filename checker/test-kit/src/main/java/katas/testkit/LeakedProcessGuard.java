package katas.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import katas.process.ProcessTree;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves a process running, after killing that process and everything it started.
 *
 * <p>A leaked process is one that was not there before the test and is alive after it: a descendant of the test
 * JVM, or an orphan that a kit-started child left behind (see {@link ProcessTree#ownedBy}).
 *
 * <p>It also closes every {@link ChildJvmFleet} the test opened and did not close: the fleet's children that still
 * run are killed, and the test fails naming them.
 */
public final class LeakedProcessGuard implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LeakedProcessGuard.class);
    private static final String BEFORE = "processes before the test";
    private static final String FLEETS_BEFORE = "child JVM fleets open before the test";
    private static final Duration ON_ITS_WAY_OUT = Duration.ofSeconds(1);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(BEFORE, pidsOf(ours()));
        context.getStore(NAMESPACE).put(FLEETS_BEFORE, ChildJvmFleet.open());
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        @SuppressWarnings("unchecked")
        Set<Long> before = context.getStore(NAMESPACE).get(BEFORE, Set.class);
        @SuppressWarnings("unchecked")
        Set<ChildJvmFleet> fleetsBefore = context.getStore(NAMESPACE).get(FLEETS_BEFORE, Set.class);
        List<String> problems = new ArrayList<>();
        List<String> killedByFleets = ChildJvmFleet.closeForgotten(fleetsBefore);
        if (!killedByFleets.isEmpty()) {
            problems.add("This test did not close its ChildJvmFleet, and " + killedByFleets.size() + " of the child "
                    + "JVMs it started were still running; the kit killed them:\n  " + String.join("\n  ", killedByFleets)
                    + "\nClose a fleet when the test ends, also when something fails: "
                    + "try (ChildJvmFleet children = new ChildJvmFleet()) { ... }.");
        }
        List<ProcessHandle> leaked = leakedSince(before);
        if (!leaked.isEmpty()) {
            String names = leaked.stream().map(ProcessTree::describe).collect(Collectors.joining("\n  "));
            ProcessRecorder.leaked(context, leaked);
            leaked.forEach(ProcessTree::kill);
            problems.add("This test left " + leaked.size() + " process(es) running; the kit killed them:\n  "
                    + names + "\nEvery process a test starts must have exited when the test ends: join, close or "
                    + "terminate what you started, also when something fails (try/finally, try-with-resources).");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }

    /** The processes that were not there before the test and still run; what is on its way out is not leaked. */
    private static List<ProcessHandle> leakedSince(Set<Long> before) throws InterruptedException {
        List<ProcessHandle> leaked = ours().filter(p -> !before.contains(p.pid())).collect(Collectors.toList());
        long deadline = System.nanoTime() + ON_ITS_WAY_OUT.toNanos();
        for (ProcessHandle p : leaked) {
            ProcessTree.awaitExit(p, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        return leaked.stream().filter(ProcessTree::isRunning).collect(Collectors.toList());
    }

    private static Stream<ProcessHandle> ours() {
        return ProcessTree.ownedBy(ProcessHandle.current());
    }

    private static Set<Long> pidsOf(Stream<ProcessHandle> processes) {
        return processes.map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
