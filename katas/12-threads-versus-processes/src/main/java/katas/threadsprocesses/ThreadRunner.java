package katas.threadsprocesses;

/**
 * Runs a {@link Job} on a new thread of this JVM, waits for it, and returns its answer. The thread shares
 * everything with its caller: the heap, the static fields, and the JVM's fate.
 *
 * <pre>{@code
 * String answer = ThreadRunner.run(CountPrimes.class, "0", "1000");   // "168"
 * }</pre>
 */
public final class ThreadRunner {

    private ThreadRunner() {
    }

    /**
     * Runs {@code jobClass} with {@code args} on a new thread and waits for it.
     *
     * @throws JobFailedException if the job threw anything (an exception or an error): it is the cause (task 3)
     */
    public static String run(Class<? extends Job> jobClass, String... args) throws InterruptedException {
        throw new UnsupportedOperationException("TODO task 2: ThreadRunner.run: run the job on a new thread, wait "
                + "for it (join) and return its answer");
    }
}
