package katas.queue;

/**
 * A producer process: {@code Producer <queue address> <item>...} puts each item on the queue, in order, and exits.
 * A whole number that fits in an int is put as an {@link Integer}, anything else as a {@link String}.
 *
 * <p>It does not put the sentinel: with several producers, only the parent knows when all of them are done.
 */
public final class Producer {

    private Producer() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("TODO task 4: main: connect to the queue at "
                + "args[0] and put asItem(arg) for every further argument");
    }

    /** Given: the item an argument stands for. */
    static Object asItem(String argument) {
        try {
            return Integer.valueOf(argument);
        } catch (NumberFormatException e) {
            return argument;
        }
    }
}
