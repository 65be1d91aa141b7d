package katas.outside;

/**
 * A serializable exception of a package the pool does not allow (its allow-list is JDK values and
 * katas.exceptions.**). Both JVMs have the class, so nothing but the parent's deserialization filter stops the
 * parent from instantiating it: it stands for any class a peer process could make the parent build from bytes.
 */
public final class SneakyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SneakyException(String message) {
        super(message);
    }
}
