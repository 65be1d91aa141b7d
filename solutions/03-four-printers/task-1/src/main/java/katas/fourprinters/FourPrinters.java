package katas.fourprinters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import katas.process.JavaProcess;

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
 *
 * Read README.md first. Everything below that throws "TODO" is yours to write.
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
        // Task 1: one child after the other. Task 2 makes them run side by side.
        for (int number : numbers) {
            Process child;
            try {
                child = JavaProcess.of(printer).withArgs(String.valueOf(number)).start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start a child JVM for " + number, e);
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    out.println(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the output of pid " + child.pid(), e);
            }
            child.waitFor();
        }
        out.println(DONE);
    }
}
