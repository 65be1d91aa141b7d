package katas.threadsprocesses;

/**
 * The program a child JVM runs for {@link ProcessRunner}: {@code JobProcess <job class name> <job args...>}. It
 * creates the job, runs it and prints its answer. A job that throws ends the child with exit code 1 and its stack
 * trace on stderr, as any {@code main} that throws does.
 */
public final class JobProcess {

    private JobProcess() {
    }

    public static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException("TODO task 1: JobProcess.main: create the job named by args[0] "
                + "(Job.create), run it with the other arguments and print its answer");
    }
}
