package katas.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Starts a class's {@code main} in a child JVM: the running JVM's own {@code java} binary, an explicit classpath,
 * and start-up flags that suit short-lived children.
 *
 * <pre>{@code
 * CapturedProcess child = JavaProcess.of(Greeter.class).withArgs("Alice").startCapturingOutput();
 * }</pre>
 *
 * <p>Every child carries {@value #OWNER_PROPERTY}, the PID of the JVM at the root of the tree, so that
 * {@link LeakedProcessGuard} finds a leaked process even after it was orphaned and re-parented.
 */
public final class JavaProcess {

    /** System property naming the JVM that owns a process tree started through the process library. */
    public static final String OWNER_PROPERTY = "katas.process.owner";

    private final String mainClass;
    private final String classpath;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> args = new ArrayList<>();

    private JavaProcess(String mainClass, String classpath) {
        this.mainClass = mainClass;
        this.classpath = classpath;
    }

    /** A child that runs {@code mainClass.main}, on a classpath that can load it. */
    public static JavaProcess of(Class<?> mainClass) {
        return new JavaProcess(mainClass.getName(), Classpath.including(mainClass));
    }

    /** A child that runs the named class, on an explicit classpath. */
    public static JavaProcess of(String mainClassName, String classpath) {
        return new JavaProcess(mainClassName, classpath);
    }

    public JavaProcess withArgs(String... arguments) {
        args.addAll(Arrays.asList(arguments));
        return this;
    }

    public JavaProcess withArgs(List<String> arguments) {
        args.addAll(arguments);
        return this;
    }

    public JavaProcess withJvmOptions(String... options) {
        jvmOptions.addAll(Arrays.asList(options));
        return this;
    }

    /** The path of the {@code java} binary of the JVM this code runs in. */
    public static Path javaBinary() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? "java.exe" : "java";
        return Path.of(System.getProperty("java.home"), "bin", name);
    }

    /** The PID that owns the whole tree: inherited from a kit-started parent, else this JVM. */
    public static long treeOwner() {
        String inherited = System.getProperty(OWNER_PROPERTY);
        return inherited != null ? Long.parseLong(inherited) : ProcessHandle.current().pid();
    }

    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaBinary().toString());
        command.addAll(JvmOptions.FAST_START);
        command.addAll(ChildJvmArchive.jvmOptions());
        command.add("-D" + OWNER_PROPERTY + "=" + treeOwner());
        // A child's temporary files go where this JVM's go: the checker gives each run a folder it cleans up.
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** A process builder for this child; its standard streams are pipes, as {@link ProcessBuilder} makes them. */
    public ProcessBuilder processBuilder() {
        return new ProcessBuilder(command());
    }

    /** Starts the child with piped standard streams: the caller must drain stdout and stderr. */
    public Process start() throws IOException {
        Process process = processBuilder().start();
        StartedProcesses.add(process);
        return process;
    }

    /** Starts the child with its stdout and stderr drained into memory, so it can never block on a full pipe. */
    public CapturedProcess startCapturingOutput() throws IOException {
        return new CapturedProcess(start());
    }
}
