package katas.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * A class-data-sharing archive of the JDK classes that kata children load beyond those of a bare {@code Hello}:
 * sockets, object streams, file channels and locks, the security providers, the lambda machinery. A child maps them
 * from the archive, parsed and verified already, instead of loading them from the JDK's modules. A 07 client started
 * in 137 ms without it and 108 ms with it (medians of seven, measured here).
 *
 * <p>Only JDK classes: a JVM archives classes from jars only, and maps an archive only if the classpath it was made
 * with begins the classpath it runs with; this one is made with none. The classes are listed in
 * {@code child-jvm.classlist} next to this class, and the archive is made from that list once per JDK
 * ({@link #createIn}): by the checker before it runs a kata's tests, and by the build of the process library. A JVM
 * whose system property {@value #DIR_PROPERTY} names the folder gives the children it starts through
 * {@link JavaProcess} the archive, and the property, for their own children.
 *
 * <p>To list the classes again, run the reference solutions' tests with
 * {@code -D}{@value #RECORD_PROPERTY}{@code =<folder>}: every child then writes the classes it loaded to a file
 * there. The list is those files' lines without comments and without classes of the katas or of libraries:
 * {@code cat <folder>/*.classlist | grep -v -e '^#' -e '^katas/' -e '^org/' -e '^net/' | sort -u}.
 */
public final class ChildJvmArchive {

    /** The folder the archive is kept in. The archive's file name says for which JDK and class list it was made. */
    public static final String DIR_PROPERTY = "katas.process.childArchiveDir";
    /** A folder where every child writes the list of classes it loaded, to make the class list from. */
    public static final String RECORD_PROPERTY = "katas.process.recordChildClassesTo";

    private static final String CLASS_LIST = "child-jvm.classlist";
    private static final long DUMP_LIMIT_SECONDS = 60;

    private ChildJvmArchive() {
    }

    /** Makes the archive in {@code args[0]} unless it is there: the build of the process library runs this. */
    public static void main(String[] args) throws InterruptedException {
        createIn(Path.of(args[0]));
    }

    /**
     * Makes the archive for this JDK in {@code dir}, unless it is there or an earlier try failed. Takes a second or
     * two, once. A failure only means children start without it.
     */
    public static void createIn(Path dir) throws InterruptedException {
        Path archive = archiveIn(dir);
        Path failed = dir.resolve(archive.getFileName() + ".failed");
        if (Files.isRegularFile(archive) || Files.exists(failed)) {
            return;
        }
        String unique = archive.getFileName() + "." + UUID.randomUUID();
        Path list = dir.resolve(unique + ".classlist");
        Path partial = dir.resolve(unique + ".partial");
        try {
            Files.createDirectories(dir);
            Files.write(list, classList());
            // A JVM that cannot map the archive it is given starts with no class-data sharing at all, slower than
            // with the JDK's own: so the archive is tried once (-Xshare:on fails instead) before it is kept.
            if (runs("-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + partial)
                    && Files.isRegularFile(partial)
                    && runs("-Xshare:on", "-XX:SharedArchiveFile=" + partial, "-version")) {
                Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.writeString(failed, "this JDK made no archive from " + CLASS_LIST + " that it could map\n");
            }
        } catch (IOException e) {
            // children start without the archive, as they would on a JDK that cannot make one
        } finally {
            deleteQuietly(list);
            deleteQuietly(partial);
        }
    }

    /** Whether this JDK's {@code java} with these options exits 0 within the limit; its output goes nowhere. */
    private static boolean runs(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JavaProcess.javaBinary().toString(), "-Xlog:disable"));
        command.addAll(List.of(options));
        Process java = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return java.waitFor(DUMP_LIMIT_SECONDS, TimeUnit.SECONDS) && java.exitValue() == 0;
        } finally {
            if (java.isAlive()) {
                ProcessTree.kill(java.toHandle());
            }
        }
    }

    /**
     * What {@link JavaProcess} adds to a child's command: the archive, if the folder {@value #DIR_PROPERTY} names
     * holds one for this JDK, and both properties, so that the child's own children get the same.
     */
    static List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir != null) {
            Path archive = archiveIn(Path.of(dir));
            if (Files.isRegularFile(archive)) {
                // A JVM that cannot map it (a damaged file) says so on stderr, which a kata's child keeps for its
                // own messages; it starts without the archive either way.
                options.add("-XX:SharedArchiveFile=" + archive);
                options.add("-Xlog:cds*=off:stderr");
            }
            options.add("-D" + DIR_PROPERTY + "=" + dir);
        }
        String recordTo = System.getProperty(RECORD_PROPERTY);
        if (recordTo != null) {
            options.add("-XX:DumpLoadedClassList=" + Path.of(recordTo, UUID.randomUUID() + ".classlist"));
            options.add("-D" + RECORD_PROPERTY + "=" + recordTo);
        }
        return options;
    }

    /** The archive's file in {@code dir}: named for this JDK and the class list, so that a new one of either misses. */
    static Path archiveIn(Path dir) {
        return dir.resolve(Name.OF_THIS_JDK);
    }

    /**
     * Worked out once per JVM. A CRC, not a SHA-256: the first {@code MessageDigest} a JVM makes sets up the security
     * providers, 30 ms that a child starting children of its own would pay.
     */
    private static final class Name {
        static final String OF_THIS_JDK = name();

        /** The JDK's home, version and class library (a JDK reinstalled at the same version has new modules). */
        private static String name() {
            Path modules = Path.of(System.getProperty("java.home"), "lib", "modules");
            CRC32 crc = new CRC32();
            crc.update((System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version") + "\n"
                    + modules.toFile().length() + "\n" + modules.toFile().lastModified() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            crc.update(classList());
            return String.format(Locale.ROOT, "child-jvm-%08x.jsa", crc.getValue());
        }
    }

    private static byte[] classList() {
        try (InputStream in = ChildJvmArchive.class.getResourceAsStream(CLASS_LIST)) {
            if (in == null) {
                throw new IllegalStateException("the process library's " + CLASS_LIST + " is missing from its jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the process library's " + CLASS_LIST, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file in the archive's folder costs only its space
        }
    }
}
