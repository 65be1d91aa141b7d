package katas.sharedmemory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import katas.process.CapturedProcess;
import katas.process.ExitCodes;
import katas.process.JavaProcess;
import katas.process.ProcessTree;

/** The child JVMs one test started; closing kills whichever are still running, so no test leaves one behind. */
final class ChildJvms implements AutoCloseable {

    private final List<CapturedProcess> children = new ArrayList<>();

    CapturedProcess start(Class<?> mainClass, Object... args) throws IOException {
        String[] text = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = String.valueOf(args[i]);
        }
        CapturedProcess child = JavaProcess.of(mainClass).withArgs(text).startCapturingOutput();
        children.add(child);
        return child;
    }

    List<CapturedProcess> all() {
        return List.copyOf(children);
    }

    /**
     * Waits for every child to exit and fails, with its error output, if one did not exit with 0, or with
     * {@code whyItMayHang} if one is still running after {@code timeout} (it is killed then).
     */
    void awaitAllSucceeded(Duration timeout, String whyItMayHang) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CapturedProcess child : children) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!child.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                throw new AssertionError("child pid " + child.pid() + " was still running " + timeout.toSeconds()
                        + " s after the children started, so it was killed. " + whyItMayHang + "\nIts error "
                        + "output:\n" + child.stderr().text());
            }
            int code = child.awaitExit(timeout);
            if (code != 0) {
                throw new AssertionError("child pid " + child.pid() + " exited with " + code + ExitCodes.explain(code)
                        + ". Its error output:\n" + child.stderr().text());
            }
        }
    }

    /** The error output of all children, for failure messages. */
    String errorOutput() {
        StringBuilder text = new StringBuilder();
        for (CapturedProcess child : children) {
            text.append("--- stderr of pid ").append(child.pid()).append(":\n").append(child.stderr().text())
                    .append('\n');
        }
        return text.toString();
    }

    @Override
    public void close() {
        for (CapturedProcess child : children) {
            if (child.process().isAlive()) {
                ProcessTree.kill(child.process().toHandle());
            }
        }
    }
}
