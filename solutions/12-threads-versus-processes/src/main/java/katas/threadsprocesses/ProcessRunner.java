package katas.threadsprocesses;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import katas.process.CapturedProcess;
import katas.process.JavaProcess;

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

    /** The longest a job may run before its child is killed. */
    static final Duration LONGEST = Duration.ofMinutes(2);

    private ProcessRunner() {
    }

    /** Runs {@code jobClass} with {@code args} in a child JVM ({@link JobProcess}) and waits for it to exit. */
    public static ChildResult run(Class<? extends Job> jobClass, String... args)
            throws IOException, InterruptedException {
        return run(List.of(), jobClass, args);
    }

    /** The same, with options for the child's JVM, such as {@code -Xmx32m}. */
    public static ChildResult run(List<String> jvmOptions, Class<? extends Job> jobClass, String... args)
            throws IOException, InterruptedException {
        CapturedProcess child = JavaProcess.of(JobProcess.class)
                .withJvmOptions(jvmOptions.toArray(String[]::new))
                .withArgs(jobClass.getName())
                .withArgs(args)
                .startCapturingOutput();
        int exitCode = child.awaitExit(LONGEST);
        return new ChildResult(child.pid(), exitCode, child.stdout().text(), child.stderr().text());
    }
}
