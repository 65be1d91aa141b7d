package katas.process;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A child process whose stdout and stderr are drained into memory as it runs. */
public final class CapturedProcess {

    private final Process process;
    private final CapturedOutput stdout;
    private final CapturedOutput stderr;

    public CapturedProcess(Process process) {
        this.process = process;
        StartedProcesses.add(process);
        this.stdout = CapturedOutput.of(process.getInputStream(), "stdout of pid " + process.pid());
        this.stderr = CapturedOutput.of(process.getErrorStream(), "stderr of pid " + process.pid());
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public CapturedOutput stdout() {
        return stdout;
    }

    public CapturedOutput stderr() {
        return stderr;
    }

    /**
     * Waits for the child to exit and for its output to be read to the end, then returns its exit code.
     *
     * @throws AssertionError if the child is still running after {@code timeout}; the child is then killed
     */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            ProcessTree.kill(process.toHandle());
            throw new AssertionError("child pid " + pid() + " was still running after " + timeout.toMillis()
                    + " ms, so it was killed. Its stderr so far:\n" + stderr.text());
        }
        stdout.awaitEnd(timeout);
        stderr.awaitEnd(timeout);
        return process.exitValue();
    }
}
