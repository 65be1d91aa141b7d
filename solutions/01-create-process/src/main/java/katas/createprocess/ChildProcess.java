package katas.createprocess;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code main} method of a class in a new JVM: a separate operating-system process with its own PID and
 * its own memory. Java's answer to Python's {@code multiprocessing.Process(target=...)}.
 *
 * <pre>{@code
 * ChildProcess child = new ChildProcess(System.out, "katas.createprocess.Greeter", "Alice");
 * child.start();   // a new JVM starts; this call does not wait for it
 * child.join();    // now wait until it has finished; "Hello, Alice!" has been printed to System.out
 * }</pre>
 */
public final class ChildProcess {

    /**
     * Options for a child that lives briefly: C1, the JIT compiler that pays off at once, without C2, which pays off
     * only after seconds; and the JDK's class-data-sharing archive mapped where it was built, not rewritten at a
     * random address (a diagnostic option, hence the unlock before it); and no shared-memory file of performance
     * counters, which only tools such as jstat read. Together they take a fifth off a child's start here
     * (ANSWERS.md, "Speed"). The children here live for moments; one that computes for seconds wants C2 back, so
     * leave out the first option for it.
     */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0", "-XX:-UsePerfData");

    private final PrintStream out;
    private final String mainClassName;
    private final List<String> args;
    private final StringBuilder errors = new StringBuilder();

    private Process process;
    private Thread outputCopier;
    private Thread errorCopier;

    /**
     * @param out           where the child's standard output goes, line by line, as it prints it
     * @param mainClassName the fully qualified name of a class with a {@code main} method, on this JVM's classpath
     * @param args          the arguments for the child's {@code main}
     */
    public ChildProcess(PrintStream out, String mainClassName, String... args) {
        this.out = out;
        this.mainClassName = mainClassName;
        this.args = List.of(args);
    }

    /**
     * Starts the child JVM and returns at once, without waiting for it.
     *
     * @throws IllegalStateException    if this child was started before
     * @throws IllegalArgumentException if the main class cannot be found on the classpath
     */
    public synchronized void start() {
        if (process != null) {
            throw new IllegalStateException("this child was started already (pid " + process.pid()
                    + "): a process runs once; create a new ChildProcess to run it again");
        }
        Class<?> mainClass = loadMainClass();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(QUICK_START);
        command.add("-cp");
        command.add(classpathFor(mainClass));
        command.add(mainClassName);
        command.addAll(args);
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.get(0), e);
        }
        // Both pipes are drained from the start: a child blocks as soon as a pipe's few KiB are full.
        outputCopier = copier(process.getInputStream(), out::println, "stdout");
        errorCopier = copier(process.getErrorStream(), line -> {
            synchronized (errors) {
                errors.append(line).append('\n');
            }
        }, "stderr");
    }

    private Class<?> loadMainClass() {
        try {
            return Class.forName(mainClassName, false, ChildProcess.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no class " + mainClassName + " on the classpath: check the name "
                    + "(package included) before starting a process for it", e);
        }
    }

    /**
     * Where the main class was loaded from, then this JVM's own classpath. {@code java.class.path} alone can miss
     * the class: test runners and IDEs do not always put their classpath in it.
     */
    private static String classpathFor(Class<?> mainClass) {
        Set<String> entries = new LinkedHashSet<>();
        CodeSource source = mainClass.getProtectionDomain().getCodeSource();
        if (source != null) {
            try {
                entries.add(Path.of(source.getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("unreadable location of " + mainClass.getName(), e);
            }
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }

    private Thread copier(InputStream stream, java.util.function.Consumer<String> sink, String name) {
        Thread thread = new Thread(() -> {
            Charset charset = Charset.forName(System.getProperty("native.encoding",
                    Charset.defaultCharset().name()));
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, charset))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                sink.accept("[could not read the child's " + name + ": " + e.getMessage() + "]");
            }
        }, name + " of pid " + process.pid());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Waits until the child has exited and all of its output has been copied to {@code out}.
     *
     * @throws IllegalStateException if the child was never started
     */
    public void join() throws InterruptedException {
        requireStarted("join()");
        process.waitFor();
        outputCopier.join();
        errorCopier.join();
    }

    /**
     * Waits at most {@code timeout} for the child to exit.
     *
     * @return true if it has exited (and its output has been copied), false if it is still running
     * @throws IllegalStateException if the child was never started
     */
    public boolean join(Duration timeout) throws InterruptedException {
        requireStarted("join(timeout)");
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        // The pipes close when the child exits, so the copiers finish right after.
        outputCopier.join();
        errorCopier.join();
        return true;
    }

    /** Whether the child is running now (false before start and after it exited). */
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * The operating system's process id of the child.
     *
     * @throws IllegalStateException if the child was never started
     */
    public long pid() {
        requireStarted("pid()");
        return process.pid();
    }

    /**
     * The child's exit code: 0 for success, the value it passed to {@code System.exit}, 1 for an uncaught exception.
     *
     * @throws IllegalStateException if the child was never started or is still running
     */
    public int exitCode() {
        requireStarted("exitCode()");
        if (process.isAlive()) {
            throw new IllegalStateException("pid " + process.pid() + " is still running: join() it first");
        }
        return process.exitValue();
    }

    /** Everything the child wrote to its standard error so far (complete once join has returned). */
    public String errorOutput() {
        synchronized (errors) {
            return errors.toString();
        }
    }

    private void requireStarted(String operation) {
        if (process == null) {
            throw new IllegalStateException(operation + " before start(): there is no process yet");
        }
    }
}
