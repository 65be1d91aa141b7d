package katas.checker.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A mark in the environment of every process that one check starts: the test JVMs pass their environment on to
 * every child, and a child passes it on to its own, so a process that left the test JVM's tree (re-parented to
 * PID 1 by {@code setsid}, {@code nohup} or a double fork) still carries the mark, and is found after the run.
 *
 * <p>Linux only: elsewhere no process can read another's environment, and {@link #survivors} finds nothing.
 */
final class RunMark {

    static final String VARIABLE = "KATAS_CHECK_RUN";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private RunMark(String value) {
        this.value = value;
    }

    static RunMark random() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return new RunMark(HexFormat.of().formatHex(bytes));
    }

    void mark(ProcessBuilder builder) {
        builder.environment().put(VARIABLE, value);
    }

    /** The live processes, other than this one, that carry the mark. */
    List<ProcessHandle> survivors() {
        byte[] entry = (VARIABLE + "=" + value).getBytes(StandardCharsets.US_ASCII);
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> environmentHas(p.pid(), entry))
                .collect(Collectors.toList());
    }

    private static boolean environmentHas(long pid, byte[] entry) {
        byte[] environment;
        try {
            environment = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
        } catch (IOException | SecurityException e) {
            return false; // gone, not ours to read, or no /proc here
        }
        // NUL-separated NAME=value entries
        for (int start = 0; start < environment.length; ) {
            int end = start;
            while (end < environment.length && environment[end] != 0) {
                end++;
            }
            if (Arrays.equals(environment, start, end, entry, 0, entry.length)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }
}
