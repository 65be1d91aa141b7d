package katas.checker.engine;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waits for code to change, as {@code ./kata watch} and {@code ./kata interview} do between checks. Changes are
 * seen through file-system events, and by comparing the sources' fingerprint four times a second, for file
 * systems whose events do not arrive (network drives, some containers).
 */
public final class SourceChanges {

    /** Why the wait ended. */
    public enum Wake {
        /** The code differs from the code that was checked. */
        CHANGED,
        /** The clock's time is up. */
        TIME_UP,
        /** The caller's stop condition came true (the learner typed {@code done}, say). */
        STOPPED
    }

    private SourceChanges() {
    }

    /**
     * Waits until the code under {@code sources} differs from the code with fingerprint {@code checked}, the
     * clock's time is up, or {@code stop} says so. A change is looked for first: code saved as the time ran out is
     * still checked.
     *
     * @param sources     the folder to watch, e.g. a kata's {@code src}
     * @param fingerprint the code's fingerprint now (see {@link SourceFingerprint})
     */
    public static Wake awaitChange(Path sources, java.util.function.Supplier<String> fingerprint, String checked,
            PracticeClock clock, BooleanSupplier stop) throws IOException, InterruptedException {
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            register(watcher, sources);
            while (true) {
                if (!fingerprint.get().equals(checked)) {
                    return Wake.CHANGED;
                }
                if (clock.isUp()) {
                    return Wake.TIME_UP;
                }
                if (stop.getAsBoolean()) {
                    return Wake.STOPPED;
                }
                WatchKey key = watcher.poll(250, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                    TimeUnit.MILLISECONDS.sleep(200); // let an editor finish writing
                }
            }
        }
    }

    private static void register(WatchService watcher, Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var dirs = Files.walk(root)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }
}
