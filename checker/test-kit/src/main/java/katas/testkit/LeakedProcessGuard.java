package katas.testkit;

import java.time.Duration;
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
 */
public final class LeakedProcessGuard implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LeakedProcessGuard.class);
    private static final String BEFORE = "processes before the test";
    private static final Duration ON_ITS_WAY_OUT = Duration.ofSeconds(1);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(BEFORE, pidsOf(ours()));
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        @SuppressWarnings("unchecked")
        Set<Long> before = context.getStore(NAMESPACE).get(BEFORE, Set.class);
        List<ProcessHandle> leaked = ours().filter(p -> !before.contains(p.pid())).collect(Collectors.toList());
        if (leaked.isEmpty()) {
            return;
        }
        // Anything that exits on its own within a moment was on its way out, not leaked.
        long deadline = System.nanoTime() + ON_ITS_WAY_OUT.toNanos();
        for (ProcessHandle p : leaked) {
            ProcessTree.awaitExit(p, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        leaked = leaked.stream().filter(ProcessTree::isRunning).collect(Collectors.toList());
        if (leaked.isEmpty()) {
            return;
        }
        String names = leaked.stream().map(ProcessTree::describe).collect(Collectors.joining("\n  "));
        leaked.forEach(ProcessTree::kill);
        throw new AssertionError("This test left " + leaked.size() + " process(es) running; the kit killed them:\n  "
                + names + "\nEvery process a test starts must have exited when the test ends: join, close or "
                + "terminate what you started, also when something fails (try/finally, try-with-resources).");
    }

    private static Stream<ProcessHandle> ours() {
        return ProcessTree.ownedBy(ProcessHandle.current());
    }

    private static Set<Long> pidsOf(Stream<ProcessHandle> processes) {
        return processes.map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
