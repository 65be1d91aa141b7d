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
 * {@code ### Hint k} headings inside it. Also reads the numbered lists of other Markdown files of the katas: the
 * interview questions, and their answers.
 */
public final class Readme {

    private static final Pattern TASK = Pattern.compile("## (\\d+)\\. (.+)");
    private static final Pattern ITEM = Pattern.compile("(\\d+)\\. (.*)");

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

    /**
     * What a task asks for, without its hints: the text of its section before the first {@code ###} heading (the
     * goal, what to write, what its tests check); empty if the README has no such task.
     */
    public String statementOf(Task task) {
        int start = lines.indexOf("## " + task.heading());
        if (start < 0) {
            return "";
        }
        return String.join("\n", sectionLines(start).stream().takeWhile(line -> !line.startsWith("### "))
                .collect(java.util.stream.Collectors.toList())).strip();
    }

    /** The items of the numbered list in a second-level section ({@code 1. ...}), in order; none if it is absent. */
    public List<String> numberedList(String heading) {
        int start = lines.indexOf("## " + heading);
        return start < 0 ? List.of() : items(sectionLines(start));
    }

    /** The items of the numbered lists of the whole file, in order: an answers file is one such list. */
    public List<String> numberedList() {
        return items(lines);
    }

    /**
     * Each item starts with {@code N. } at the start of a line and goes on to the next item or heading: its lines
     * unindented, the paragraphs inside it kept apart by a blank line.
     */
    private static List<String> items(List<String> text) {
        List<String> items = new ArrayList<>();
        StringBuilder item = null;
        for (String line : text) {
            Matcher start = ITEM.matcher(line);
            if (start.matches() || line.startsWith("#")) {
                if (item != null) {
                    items.add(item.toString().strip());
                }
                item = start.matches() ? new StringBuilder(start.group(2)).append('\n') : null;
            } else if (item != null) {
                item.append(line.strip()).append('\n');
            }
        }
        if (item != null) {
            items.add(item.toString().strip());
        }
        return items;
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
