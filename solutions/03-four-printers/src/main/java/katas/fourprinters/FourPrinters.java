package katas.fourprinters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import katas.process.CapturedOutput;
import katas.process.JavaProcess;
import katas.process.ProcessTree;

/**
 * Starts one child JVM per number; each child prints its number. The parent waits for every one of them and then
 * prints {@value #DONE}. Java's version of the "four processes, four numbers" exercise.
 *
 * <pre>{@code
 * FourPrinters.run(System.out, List.of(10, 20, 30, 40));
 * // 20 from pid 48213      (the children's lines, in whatever order they arrive)
 * // 10 from pid 48211
 * // 40 from pid 48215
 * // 30 from pid 48214
 * // All processes are done.
 * }</pre>
 */
public final class FourPrinters {

    /** The parent's last line, printed once every child has exited. */
    public static final String DONE = "All processes are done.";

    private FourPrinters() {
    }

    /** Runs {@link NumberPrinter} once per number, each in its own child JVM. */
    public static void run(PrintStream out, List<Integer> numbers) throws InterruptedException {
        run(out, numbers, NumberPrinter.class);
    }

    /**
     * Runs {@code printer}'s {@code main} once per number, each in its own child JVM with the number as its only
     * argument. All children run at the same time. Every line a child prints is copied to {@code out} as one whole
     * line. When every child has exited and all of its lines are in {@code out}, prints {@value #DONE}.
     *
     * @param out     where the children's lines and the final line go
     * @param numbers one child per number, started in this order (but they may print in any order)
     * @param printer a class with a {@code main(String[])} that takes the number as {@code args[0]}
     * @throws IllegalArgumentException if {@code numbers} is empty
     * @throws IllegalStateException    if a child exits with a status other than 0 (reported once all have exited)
     * @throws InterruptedException     if interrupted while waiting; the children still running are killed first
     */
    public static void run(PrintStream out, List<Integer> numbers, Class<?> printer) throws InterruptedException {
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("no numbers given: run() starts one child per number");
        }
        List<Child> children = new ArrayList<>();
        try {
            // Start every child before waiting for any: that is what lets them run side by side.
            for (int number : numbers) {
                children.add(Child.start(printer, number, out));
            }
            // Then wait for each one. Waiting only for the last child started is the classic bug.
            for (Child child : children) {
                child.awaitEnd();
            }
        } catch (Throwable e) {
            // Interrupted, or a child could not be started: nobody will wait for the others, so stop them.
            children.forEach(Child::stop);
            throw e;
        }
        List<String> failures = children.stream().filter(Child::failed).map(Child::describeFailure)
                .collect(Collectors.toList());
        if (!failures.isEmpty()) {
            throw new IllegalStateException(String.join("\n", failures));
        }
        out.println(DONE);
    }

    /** One running printer: its process, the thread that copies its lines to the parent's stream, its stderr. */
    private static final class Child {

        private final int number;
        private final Process process;
        private final Thread lineCopier;
        private final CapturedOutput errors;

        private Child(int number, Process process, PrintStream out) {
            this.number = number;
            this.process = process;
            this.errors = CapturedOutput.of(process.getErrorStream(), "stderr of pid " + process.pid());
            this.lineCopier = new Thread(() -> copyLines(out), "stdout of pid " + process.pid());
            lineCopier.setDaemon(true);
            lineCopier.start();
        }

        static Child start(Class<?> printer, int number, PrintStream out) {
            try {
                return new Child(number, JavaProcess.of(printer).withArgs(String.valueOf(number)).start(), out);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start a child JVM for " + number, e);
            }
        }

        /** Whole lines only: four copiers share one stream, and a line must never be split by another's. */
        private void copyLines(PrintStream out) {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), CapturedOutput.childCharset()))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (out) {
                        out.println(line);
                    }
                }
            } catch (IOException e) {
                synchronized (out) {
                    out.println("[could not read the output of pid " + process.pid() + ": " + e.getMessage() + "]");
                }
            }
        }

        /** Waits for the process to exit and for the last of its lines to be copied. */
        void awaitEnd() throws InterruptedException {
            process.waitFor();
            lineCopier.join();
            errors.awaitEnd(Duration.ofSeconds(5));
        }

        void stop() {
            ProcessTree.kill(process.toHandle());
        }

        /** Whether the child, which has exited, reported a failure. */
        boolean failed() {
            return process.exitValue() != 0;
        }

        String describeFailure() {
            return "the child for " + number + " (pid " + process.pid() + ") exited with status "
                    + process.exitValue() + ". Its stderr:\n" + errors.text();
        }
    }
}
