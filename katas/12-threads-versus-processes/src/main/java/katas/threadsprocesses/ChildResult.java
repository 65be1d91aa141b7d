package katas.threadsprocesses;

/**
 * What a job that ran in a child JVM left behind: the child's pid, its exit code, and what it printed. Given.
 *
 * @param pid the child process's id (never the parent's own)
 * @param exitCode the child's exit status: 0 if the job answered, 1 if it threw, or whatever {@code System.exit}
 *     or {@code Runtime.halt} in the job gave
 * @param output what the child printed on its standard output: the job's answer, with no line break at the end
 * @param errors what the child printed on its standard error (a stack trace, when the job threw)
 */
public record ChildResult(long pid, int exitCode, String output, String errors) {
}
