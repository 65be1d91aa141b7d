package katas.threadsprocesses;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import katas.process.CapturedProcess;
import katas.process.JavaProcess;

/**
 * Splits a range job (one that takes {@code from} and {@code to} and answers a whole number, such as
 * {@link CountPrimes}) into parts that run side by side: on threads of this JVM, or in child JVMs. The answers
 * are added up.
 *
 * <pre>{@code
 * Split onThreads = Parallel.onThreads(CountPrimes.class, 4, 0, 2_000_000);
 * Split inProcesses = Parallel.inProcesses(CountPrimes.class, 4, 0, 2_000_000);
 * onThreads.total() == inProcesses.total();   // 148933 both
 * }</pre>
 */
public final class Parallel {

    private Parallel() {
    }

    /** Runs {@code parts} parts of {@code [from, to)} on as many threads at once, and adds up their answers. */
    public static Split onThreads(Class<? extends Job> rangeJob, int parts, long from, long to)
            throws InterruptedException {
        List<long[]> ranges = ranges(parts, from, to);
        long start = System.nanoTime();
        AtomicReferenceArray<String> answers = new AtomicReferenceArray<>(parts);
        AtomicReferenceArray<Throwable> failures = new AtomicReferenceArray<>(parts);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            int part = i;
            Job job = Job.create(rangeJob);
            long[] range = ranges.get(part);
            Thread thread = new Thread(() -> {
                try {
                    answers.set(part, job.run(Long.toString(range[0]), Long.toString(range[1])));
                } catch (Throwable t) {
                    failures.set(part, t);
                }
            }, "part " + part + " of " + rangeJob.getSimpleName());
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        long self = ProcessHandle.current().pid();
        List<Split.Part> done = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            long[] range = ranges.get(part);
            if (failures.get(part) != null) {
                throw new JobFailedException("part " + part + " [" + range[0] + ", " + range[1] + ") failed: "
                        + failures.get(part), failures.get(part));
            }
            done.add(new Split.Part(range[0], range[1], Long.parseLong(answers.get(part).strip()), self));
        }
        return split(done, took);
    }

    /** Runs {@code parts} parts of {@code [from, to)} in as many child JVMs at once, and adds up their answers. */
    public static Split inProcesses(Class<? extends Job> rangeJob, int parts, long from, long to)
            throws IOException, InterruptedException {
        List<long[]> ranges = ranges(parts, from, to);
        long start = System.nanoTime();
        List<CapturedProcess> children = new ArrayList<>();
        try {
            for (long[] range : ranges) {
                children.add(JavaProcess.of(JobProcess.class)
                        .withArgs(rangeJob.getName(), Long.toString(range[0]), Long.toString(range[1]))
                        .startCapturingOutput());
            }
            List<Split.Part> done = new ArrayList<>();
            for (int part = 0; part < parts; part++) {
                CapturedProcess child = children.get(part);
                int exitCode = child.awaitExit(ProcessRunner.LONGEST);
                long[] range = ranges.get(part);
                if (exitCode != 0) {
                    throw new JobFailedException("part " + part + " [" + range[0] + ", " + range[1] + ") failed in "
                            + "pid " + child.pid() + " with exit code " + exitCode + ":\n" + child.stderr().text());
                }
                done.add(new Split.Part(range[0], range[1], Long.parseLong(child.stdout().text().strip()),
                        child.pid()));
            }
            return split(done, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            children.forEach(child -> child.process().destroyForcibly());
        }
    }

    /** {@code [from, to)} cut into {@code parts} ranges in order, their sizes differing by one at most. */
    private static List<long[]> ranges(int parts, long from, long to) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, not " + parts);
        }
        if (to < from) {
            throw new IllegalArgumentException("[" + from + ", " + to + ") is not a range: to < from");
        }
        List<long[]> ranges = new ArrayList<>();
        long size = to - from;
        for (int part = 0; part < parts; part++) {
            ranges.add(new long[] {from + size * part / parts, from + size * (part + 1) / parts});
        }
        return ranges;
    }

    private static Split split(List<Split.Part> parts, Duration took) {
        long total = parts.stream().mapToLong(Split.Part::answer).sum();
        return new Split(total, List.copyOf(parts), took);
    }
}
