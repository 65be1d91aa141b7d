package katas.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The options that every JVM of a kata run starts with: the checker ({@code kata}, {@code kata.cmd}), its test JVMs,
 * and every child JVM a kata starts. They live once, in {@code fast-start.jvm-options} next to this class, which
 * the launch scripts hand to {@code java} as an argument file ({@code java @file}).
 *
 * <p>They cut a small, short-lived JVM's start-up time, and send the JVM's own warnings to stderr: by default they
 * go to stdout, where they would corrupt a protocol spoken over it. One compiler thread: Java 17 starts two even
 * when only C1 compiles, and a child that connects and signs (07's clients) then takes about a fifth more CPU
 * (measured here).
 *
 * <p>{@code -XX:ArchiveRelocationMode=0} (a diagnostic option, hence the unlock before it): Java 17.0.15 and Java 25
 * map the class-data-sharing archive at a random address by default, and then rewrite every pointer in it: 28 of the
 * 65 ms a bare {@code Hello} spent creating its JVM ({@code -Xlog:startuptime}, on a day this machine was slow).
 * Mapped where it was built, the archive needs no rewriting (the JVM still falls back to rewriting when that address
 * is taken): CPU per {@code Hello} 92 to 80 ms on Java 17, 99 to 80 ms on Java 25; 10's mutation analysis 54 to 49 s
 * (one sitting). What it gives up is the random placement of the archive, a defence against exploits, which a
 * short-lived kata JVM does not need. A diagnostic option may go in a later JDK without notice; every JVM here would
 * then refuse to start ("Unrecognized VM option"), and these two lines must go.
 *
 * <p>No {@code -XX:+UseSerialGC}: on Java 17 the JDK's class-data-sharing archive keeps its heap objects (interned
 * strings, the module graph) for G1 only, and a Serial JVM loads them again. A bare {@code Hello} started in 65 ms
 * with it and 37 ms without on Java 17, 48 ms and 40 ms on Java 25 (medians of 15, on another day).
 */
public final class JvmOptions {

    /** The options, in order, as {@code java} reads them from the argument file. */
    public static final List<String> FAST_START = read("fast-start.jvm-options");

    private JvmOptions() {
    }

    private static List<String> read(String resource) {
        try (InputStream in = JvmOptions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the process library's " + resource + " is missing from its jar");
            }
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R"))
                    .map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.toUnmodifiableList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the process library's " + resource, e);
        }
    }
}
