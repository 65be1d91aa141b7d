package katas.testjvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import katas.process.ProcessTree;

/**
 * Ends this test JVM, with every process it started and its temporary folder, soon after the checker that
 * started it has gone. A checker that is killed outright (kill -9, a CI job's time limit) cannot take its test
 * JVMs along itself, and without this they would run on until their tests end, or for ever.
 */
public final class CheckerLifeline {

    private static final long POLL_MILLIS = 100;

    private CheckerLifeline() {
    }

    /**
     * Watches the parent process; {@code tempDir}, the checker's folder for this JVM, goes too.
     *
     * <p>When a process ends, its children are given to another parent at once (PID 1, or a subreaper), so a change
     * of parent is the checker's end, also while it is a zombie that nobody has collected yet.
     */
    static void holdOn(Path tempDir) {
        Optional<Long> checker = parentPid();
        if (checker.isEmpty()) {
            return;
        }
        Thread watch = new Thread(() -> {
            try {
                while (parentPid().equals(checker)) {
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            }
            ProcessHandle.current().children().forEach(ProcessTree::kill);
            deleteTree(tempDir);
            Runtime.getRuntime().halt(130);
        }, "lifeline to the checker");
        watch.setDaemon(true);
        watch.start();
    }

    private static Optional<Long> parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // the checker's next run of this kata deletes what is left
        }
    }
}
