package katas.checker.engine;

import java.time.Duration;
import java.util.Optional;

/** The clock of timed practice: the time used since it started, and the time limit if there is one. */
public final class PracticeClock {

    private final long started = System.nanoTime();
    private final Optional<Duration> limit;

    private PracticeClock(Optional<Duration> limit) {
        this.limit = limit;
    }

    /** A clock that only counts: the time is never up. */
    public static PracticeClock untimed() {
        return new PracticeClock(Optional.empty());
    }

    /** A clock whose time is up once {@code limit} has passed. */
    public static PracticeClock limitedTo(Duration limit) {
        return new PracticeClock(Optional.of(limit));
    }

    public Duration used() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    public Optional<Duration> limit() {
        return limit;
    }

    public boolean isUp() {
        return limit.isPresent() && used().compareTo(limit.get()) >= 0;
    }

    /** The time used, as {@code 4 min 12 s}. */
    public String usedText() {
        long seconds = used().toSeconds();
        return seconds / 60 + " min " + seconds % 60 + " s";
    }

    /** A time limit in words: {@code 30 min}, {@code 1 min 30 s}, {@code 3 s}. */
    public static String limitText(Duration limit) {
        long seconds = limit.toSeconds();
        if (seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
