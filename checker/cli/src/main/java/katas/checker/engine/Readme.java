package katas.checker.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A kata's README, read by its headings: {@code ## Your task}, {@code ## Hints} with {@code ### Hint N}. */
public final class Readme {

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
        if (start < 0) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            text.append(lines.get(i)).append('\n');
        }
        return Optional.of(text.toString().strip());
    }

    /** The hints, in order: the text under each {@code ### Hint N} heading of the Hints section. */
    public List<String> hints() {
        List<String> hints = new ArrayList<>();
        String[] hintLines = section("Hints").orElse("").split("\n");
        StringBuilder current = null;
        for (String line : hintLines) {
            if (line.startsWith("### ")) {
                if (current != null) {
                    hints.add(current.toString().strip());
                }
                current = new StringBuilder();
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
