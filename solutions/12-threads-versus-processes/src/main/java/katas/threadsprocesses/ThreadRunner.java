package katas.threadsprocesses;

import java.util.concurrent.atomic.AtomicReference;

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
     * @throws JobFailedException if the job threw anything (an exception or an error): it is the cause
     */
    public static String run(Class<? extends Job> jobClass, String... args) throws InterruptedException {
        Job job = Job.create(jobClass);
        AtomicReference<String> answer = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                answer.set(job.run(args));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "job " + jobClass.getSimpleName());
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw new JobFailedException(jobClass.getSimpleName() + " failed on thread " + thread.getName() + ": "
                    + failure.get(), failure.get());
        }
        return answer.get();
    }
}
