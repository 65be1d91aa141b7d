package katas.threadsprocesses;

import java.util.Arrays;
import katas.process.Lifeline;

/**
 * The program a child JVM runs for {@link ProcessRunner}: {@code JobProcess <job class name> <job args...>}. It
 * creates the job, runs it and prints its answer. A job that throws ends the child with exit code 1 and its stack
 * trace on stderr, as any {@code main} that throws does.
 */
public final class JobProcess {

    private JobProcess() {
    }

    public static void main(String[] args) throws Exception {
        Lifeline.holdOn();
        Job job = Job.create(args[0]);
        System.out.println(job.run(Arrays.copyOfRange(args, 1, args.length)));
    }
}
