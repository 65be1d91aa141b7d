package katas.checker.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import katas.checker.model.Kata;

/** Hands out a kata's hints one at a time, remembering how many were shown. */
public final class HintLadder {

    private final Kata kata;
    private final Path counter;

    public HintLadder(Kata kata) {
        this.kata = kata;
        this.counter = kata.dir().resolve("target/kata-check/hints-shown");
    }

    /** A hint and its place, e.g. 2 of 4. */
    public record Hint(int number, int of, String text) {
    }

    /** The next hint not shown yet, or empty when every hint has been shown. */
    public Optional<Hint> next() {
        List<String> hints = Readme.of(kata.readme()).hints();
        int shown = shown();
        if (shown >= hints.size()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(counter.getParent());
            Files.writeString(counter, String.valueOf(shown + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + counter, e);
        }
        return Optional.of(new Hint(shown + 1, hints.size(), hints.get(shown)));
    }

    private int shown() {
        try {
            return Files.isRegularFile(counter) ? Integer.parseInt(Files.readString(counter).strip()) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0; // a damaged counter starts the ladder again
        }
    }
}
