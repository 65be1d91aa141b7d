package katas.checker.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the root of the kata repository: the folder with {@code katas/katas.json}. */
public final class Workspace {

    /** Set by the {@code ./kata} script; otherwise the root is searched for upward from the working directory. */
    public static final String ROOT_PROPERTY = "katas.root";

    private Workspace() {
    }

    public static Path root() {
        String given = System.getProperty(ROOT_PROPERTY);
        if (given != null) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("katas/katas.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside a kata repository (no katas/katas.json here or above): "
                + "run ./kata from the repository's folder");
    }
}
