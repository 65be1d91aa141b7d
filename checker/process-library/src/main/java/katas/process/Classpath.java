package katas.process;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
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
 * {@link CodeSource}), then every entry of the class loaders that loaded them and of the thread's context class
 * loader (a launcher's {@code --class-path} becomes such a loader), then every existing entry of
 * {@code java.class.path}, or of {@value #FOR_CHILDREN_PROPERTY} when the JVM was given it.
 */
public final class Classpath {

    /**
     * What a child JVM needs of this JVM's classpath, when a test runner knows better than {@code java.class.path}:
     * the checker leaves out its own machinery (the JUnit launcher and engines, byte-buddy), because every JVM that
     * deserializes or signs looks for services in each jar on its classpath once, which costs a child about 10 ms.
     */
    public static final String FOR_CHILDREN_PROPERTY = "katas.process.childClasspath";

    private Classpath() {
    }

    /**
     * A classpath on which a child JVM can load each of {@code anchors}, the process library, and this JVM's classpath (or what
     * {@value #FOR_CHILDREN_PROPERTY} names of it).
     */
    public static String including(Class<?>... anchors) {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> anchor : anchors) {
            entries.add(locationOf(anchor).toString());
        }
        entries.add(locationOf(Classpath.class).toString());
        if (System.getProperty(FOR_CHILDREN_PROPERTY) == null) {
            for (Class<?> anchor : anchors) {
                addEntriesOf(anchor.getClassLoader(), entries);
            }
            addEntriesOf(Thread.currentThread().getContextClassLoader(), entries);
        }
        String inherited = System.getProperty(FOR_CHILDREN_PROPERTY, System.getProperty("java.class.path", ""));
        for (String entry : inherited.split(File.pathSeparator)) {
            if (!entry.isBlank() && Files.exists(Path.of(entry))) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The folders and jars of a chain of class loaders that say where they load from. */
    private static void addEntriesOf(ClassLoader loader, Set<String> entries) {
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader) {
                for (URL url : ((URLClassLoader) l).getURLs()) {
                    try {
                        Path entry = Path.of(url.toURI());
                        if (Files.exists(entry)) {
                            entries.add(entry.toAbsolutePath().toString());
                        }
                    } catch (URISyntaxException | IllegalArgumentException notAFile) {
                        // a loader that reads from elsewhere than files has nothing a child could use
                    }
                }
            }
        }
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
