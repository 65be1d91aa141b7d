package katas.fourprinters;

/**
 * The program each child JVM runs: it prints its number and the pid of the process it runs in, then ends.
 * Given: you do not need to change it.
 *
 * <pre>{@code
 * java -cp ... katas.fourprinters.NumberPrinter 30      prints   30 from pid 48211
 * }</pre>
 */
public final class NumberPrinter {

    private NumberPrinter() {
    }

    public static void main(String[] args) {
        int number = Integer.parseInt(args[0]);
        System.out.println(number + " from pid " + ProcessHandle.current().pid());
    }
}
