package katas.process;

import java.util.Optional;

/**
 * Ties a test's child program to the test run: when the JVM that owns the tree ends, the child ends too.
 *
 * <p>The test kit's leak guard kills what a test leaves behind, but it cannot run when the test JVM itself is killed
 * (a test runner's timeout, a mutation-testing minion, Ctrl-C). A fixture that would otherwise sleep or loop
 * forever calls {@link #holdOn()} first thing in its {@code main}, and can never outlive the run.
 *
 * <p>It watches the tree's owner ({@link JavaProcess#OWNER_PROPERTY}), not its parent, so a grandchild still
 * outlives its own parent, as a test of process-tree termination needs.
 */
public final class Lifeline {

    private Lifeline() {
    }

    /** Ends this JVM, at once and without shutdown hooks, as soon as the owner of its tree has ended. */
    public static void holdOn() {
        Optional<ProcessHandle> owner = owner();
        if (owner.isEmpty()) {
            Runtime.getRuntime().halt(3);
        }
        owner.get().onExit().thenRun(() -> Runtime.getRuntime().halt(3));
    }

    /** The owner of the tree: the JVM the owner mark names, or else the parent (a child not started by JavaProcess). */
    static Optional<ProcessHandle> owner() {
        String mark = System.getProperty(JavaProcess.OWNER_PROPERTY);
        return mark != null ? ProcessHandle.of(Long.parseLong(mark)) : ProcessHandle.current().parent();
    }
}
