package katas.threadsprocesses;

import java.time.Duration;
import java.util.List;

/**
 * The answer of a job whose range was split into parts that ran side by side. Given.
 *
 * @param total the sum of the parts' answers
 * @param parts one per part, in the order of their ranges
 * @param took the wall-clock time from before the first part started until the last part's answer was in
 */
public record Split(long total, List<Part> parts, Duration took) {

    /**
     * One part of the range, {@code [from, to)}, and where it ran.
     *
     * @param answer what the job answered for this part
     * @param pid the process it ran in: this JVM's own pid for a thread, the child's for a process
     */
    public record Part(long from, long to, long answer, long pid) {
    }
}
