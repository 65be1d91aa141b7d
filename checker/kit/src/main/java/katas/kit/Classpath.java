package katas.kit;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The classpath a child JVM needs.
 *
 * <p>{@code java.class.path} alone is not enough: under Surefire it is rewritten to the test classpath, but with
 * {@code forkCount=0}, under a JUnit launcher given {@code --class-path}, or in some IDE modes it names only the
 * launcher. So the classpath is built from where the given classes were actually loaded from (their
 * {@link CodeSource}), followed by every existing entry of {@code java.class.path}.
 */
public final class Classpath {

    private Classpath() {
    }

    /** A classpath on which a child JVM can load each of {@code anchors}, the kit, and this JVM's classpath. */
    public static String including(Class<?>... anchors) {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> anchor : anchors) {
            entries.add(locationOf(anchor).toString());
        }
        entries.add(locationOf(Classpath.class).toString());
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank() && Files.exists(Path.of(entry))) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The directory or jar a class was loaded from. */
    public static Path locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalArgumentException(type.getName()
                    + " comes from the JDK itself (no code source): a child JVM already has it");
        }
        try {
            return Path.of(source.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unreadable code source of " + type.getName(), e);
        }
    }
}
