package katas.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the processes of one test did: each process the test JVM's tree gained while the test ran, when it started
 * and ended, and how. The test kit records it, the test JVM sends it to the checker with the test's result, and the
 * checker draws it.
 *
 * <p>Times are milliseconds from the moment the test began.
 *
 * @param testEndMillis  when the test's own code returned or failed (the kit's clean-up comes after)
 * @param recordedMillis when the recording stopped, after the kit had killed whatever the test left running
 * @param lanes          one per process, in the order they were seen
 */
public record ProcessTimeline(long testEndMillis, long recordedMillis, List<Lane> lanes) {

    /** The report entry that carries a test's timeline from the test kit to the test JVM's runner. */
    public static final String REPORT_KEY = "katas.processes";

    /** The JUnit configuration parameter that asks the test kit to record: the checker's test JVM sets it. */
    public static final String RECORD_PARAMETER = "katas.processes.record";

    public static final ProcessTimeline NONE = new ProcessTimeline(0, 0, List.of());

    private static final String HEADER = "processes 1";
    /** Long enough for a main class and its first arguments, short enough that a timeline stays small. */
    private static final int COMMAND_LENGTH = 120;

    public ProcessTimeline {
        lanes = List.copyOf(lanes);
    }

    /**
     * One process.
     *
     * @param pid         its pid
     * @param parentPid   its parent's pid when it was first seen (an orphan's parent is PID 1 later)
     * @param command     what it runs: a JVM's main class and arguments, or a command line
     * @param startMillis when it started (or was first seen)
     * @param endMillis   when it ended, or {@link #STILL_RUNNING} if it outlived the recording
     * @param exitCode    its exit code, or {@link #EXIT_UNKNOWN} where the test JVM cannot know it
     * @param leaked      the test left it behind: the kit's guard found it running after the test, or the test
     *                    failed and it was still running when the test's code ended
     */
    public record Lane(long pid, long parentPid, String command, long startMillis, long endMillis, int exitCode,
            boolean leaked) {

        public static final long STILL_RUNNING = -1;
        public static final int EXIT_UNKNOWN = Integer.MIN_VALUE;

        public Lane {
            command = command.replaceAll("\\s+", " ").strip();
            if (command.length() > COMMAND_LENGTH) {
                command = command.substring(0, COMMAND_LENGTH - 3) + "...";
            }
        }

        public boolean ended() {
            return endMillis != STILL_RUNNING;
        }

        /** The end, or {@code otherwise} for a process that outlived the recording. */
        public long endOr(long otherwise) {
            return ended() ? endMillis : otherwise;
        }

        /** How it ended, in words: "exit 0", "SIGTERM (143)", "leaked", "still running". */
        public String status() {
            if (leaked) {
                return ended() ? "leaked" : "leaked, running";
            }
            if (!ended()) {
                return "still running";
            }
            if (exitCode == EXIT_UNKNOWN) {
                return "ended";
            }
            if (exitCode > 128 && exitCode < 160) {
                int signal = exitCode - 128;
                String name = signal == 9 ? "SIGKILL" : signal == 15 ? "SIGTERM" : signal == 2 ? "SIGINT"
                        : "signal " + signal;
                return name + " (" + exitCode + ")";
            }
            return "exit " + exitCode;
        }

        /** Both processes ran at some common moment. */
        public boolean overlaps(Lane other, long end) {
            return startMillis < other.endOr(end) && other.startMillis < endOr(end);
        }
    }

    public boolean isEmpty() {
        return lanes.isEmpty();
    }

    /** The last moment the drawing must show: the recording's end, or a later end of a process. */
    public long spanMillis() {
        long span = Math.max(testEndMillis, recordedMillis);
        for (Lane lane : lanes) {
            span = Math.max(span, Math.max(lane.startMillis(), lane.endMillis()));
        }
        return Math.max(span, 1);
    }

    /** The lanes as a tree: each process after its parent, siblings by their start, each with its depth. */
    public List<Placed> tree() {
        Set<Long> pids = lanes.stream().map(Lane::pid).collect(Collectors.toSet());
        Map<Long, List<Lane>> children = new HashMap<>();
        List<Lane> roots = new ArrayList<>();
        for (Lane lane : lanes) {
            if (pids.contains(lane.parentPid()) && lane.parentPid() != lane.pid()) {
                children.computeIfAbsent(lane.parentPid(), p -> new ArrayList<>()).add(lane);
            } else {
                roots.add(lane);
            }
        }
        List<Placed> placed = new ArrayList<>();
        roots.sort(BY_START);
        roots.forEach(root -> place(root, 0, children, placed));
        return placed;
    }

    /** A lane and how deep it sits below the test JVM: 0 for the test JVM's own children. */
    public record Placed(Lane lane, int depth) {
    }

    private static final Comparator<Lane> BY_START = Comparator.comparingLong(Lane::startMillis)
            .thenComparingLong(Lane::pid);

    private static void place(Lane lane, int depth, Map<Long, List<Lane>> children, List<Placed> placed) {
        if (depth > 32) {
            return; // a cycle of pids can only come from a damaged timeline; draw what is sound
        }
        placed.add(new Placed(lane, depth));
        List<Lane> mine = new ArrayList<>(children.getOrDefault(lane.pid(), List.of()));
        mine.sort(BY_START);
        mine.forEach(child -> place(child, depth + 1, children, placed));
    }

    /** The timeline as text: a header line, then one line per lane. */
    public String encode() {
        StringBuilder text = new StringBuilder(HEADER).append(' ').append(testEndMillis).append(' ')
                .append(recordedMillis).append('\n');
        for (Lane lane : lanes) {
            text.append(lane.pid()).append(' ').append(lane.parentPid()).append(' ').append(lane.startMillis())
                    .append(' ').append(lane.endMillis()).append(' ')
                    .append(lane.exitCode() == Lane.EXIT_UNKNOWN ? "-" : Integer.toString(lane.exitCode()))
                    .append(' ').append(lane.leaked() ? 1 : 0).append(' ').append(lane.command()).append('\n');
        }
        return text.toString();
    }

    /**
     * The timeline {@link #encode} wrote; {@link #NONE} for anything else. The text comes from the test JVM, where
     * the learner's code runs too: a timeline is only ever drawn, so damaged text costs the drawing, nothing more.
     */
    public static ProcessTimeline decode(String text) {
        if (text == null || !text.startsWith(HEADER + " ")) {
            return NONE;
        }
        try {
            String[] lines = text.split("\n");
            String[] head = lines[0].split(" ");
            List<Lane> lanes = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(" ", 7);
                lanes.add(new Lane(Long.parseLong(f[0]), Long.parseLong(f[1]), f.length > 6 ? f[6] : "",
                        Long.parseLong(f[2]), Long.parseLong(f[3]),
                        f[4].equals("-") ? Lane.EXIT_UNKNOWN : Integer.parseInt(f[4]), f[5].equals("1")));
            }
            return new ProcessTimeline(Long.parseLong(head[2]), Long.parseLong(head[3]), lanes);
        } catch (RuntimeException damaged) {
            return NONE;
        }
    }
}
