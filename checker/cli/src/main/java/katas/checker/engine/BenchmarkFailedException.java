package katas.checker.engine;

/** A benchmark run that gave no figures: the message says which program and why, for the table's footnote. */
public final class BenchmarkFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BenchmarkFailedException(String message) {
        super(message);
    }
}
