package katas.checker.engine;

/** A kata name or number that is not in the manifest. */
public final class UnknownKataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownKataException(String message) {
        super(message);
    }
}
