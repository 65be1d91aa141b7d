package katas.checker.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import katas.checker.model.Task;

/**
 * A kata's README, read by its headings: a task is a section {@code ## N. Title}, and its hints are the
 * {@code ### Hint k} headings inside it.
 */
public final class Readme {

    private static final Pattern TASK = Pattern.compile("## (\\d+)\\. (.+)");

    private final List<String> lines;

    private Readme(List<String> lines) {
        this.lines = lines;
    }

    public static Readme of(Path file) {
        try {
            return new Readme(Files.isRegularFile(file) ? Files.readAllLines(file) : List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The text under a second-level heading, up to the next one; empty if there is no such section. */
    public Optional<String> section(String heading) {
        int start = lines.indexOf("## " + heading);
        return start < 0 ? Optional.empty() : Optional.of(String.join("\n", sectionLines(start)).strip());
    }

    /** The numbered task sections, in the README's order (the audit checks that they count 1, 2, 3 ...). */
    public List<Task> tasks() {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher heading = TASK.matcher(lines.get(i).strip());
            if (heading.matches()) {
                tasks.add(new Task(Integer.parseInt(heading.group(1)), heading.group(2).strip(),
                        hints(sectionLines(i))));
            }
        }
        return tasks;
    }

    private List<String> sectionLines(int heading) {
        int end = heading + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return lines.subList(heading + 1, end);
    }

    /** The text under each {@code ### Hint} heading of a section. */
    private static List<String> hints(List<String> section) {
        List<String> hints = new ArrayList<>();
        StringBuilder current = null;
        for (String line : section) {
            if (line.startsWith("### ")) {
                if (current != null) {
                    hints.add(current.toString().strip());
                }
                current = line.startsWith("### Hint") ? new StringBuilder() : null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null) {
            hints.add(current.toString().strip());
        }
        return hints;
    }
}
