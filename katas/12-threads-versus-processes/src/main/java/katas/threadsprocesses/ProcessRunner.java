package katas.threadsprocesses;

import java.io.IOException;
import java.util.List;

/**
 * Runs a {@link Job} in a child JVM of its own, waits for it, and returns what it left: its pid, its exit code and
 * its output. The child has its own heap, its own static fields and its own fate: whatever the job does there
 * (change a static field, halt, run out of memory) stays there, and the parent reads the exit code.
 *
 * <pre>{@code
 * ChildResult child = ProcessRunner.run(CountPrimes.class, "0", "1000");
 * child.output();     // "168"
 * child.exitCode();   // 0
 * }</pre>
 */
public final class ProcessRunner {

    private ProcessRunner() {
    }

    /** Runs {@code jobClass} with {@code args} in a child JVM ({@link JobProcess}) and waits for it to exit. */
    public static ChildResult run(Class<? extends Job> jobClass, String... args)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("TODO task 1: ProcessRunner.run: start JobProcess in a child JVM "
                + "with the job's class name and its arguments, wait for it, return its pid, exit code and output");
    }

    /** The same, with options for the child's JVM, such as {@code -Xmx32m}. */
    public static ChildResult run(List<String> jvmOptions, Class<? extends Job> jobClass, String... args)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("TODO task 4: ProcessRunner.run(jvmOptions, ...): the same, with "
                + "options for the child's JVM, such as -Xmx32m");
    }
}
