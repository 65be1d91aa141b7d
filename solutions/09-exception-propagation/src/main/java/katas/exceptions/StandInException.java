package katas.exceptions;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Stands in for an exception that cannot be serialized (it holds a field that is not {@link java.io.Serializable})
 * or that the receiving JVM refuses to deserialize. It carries what can always travel: the original class name,
 * message, stack trace elements and the full stack text (causes included). Given: you do not need to change it.
 */
public final class StandInException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String originalClassName;
    private final String stackText;

    public StandInException(String originalClassName, String originalMessage, String stackText) {
        super(originalClassName + (originalMessage == null ? "" : ": " + originalMessage));
        this.originalClassName = originalClassName;
        this.stackText = stackText;
    }

    /** A stand-in for {@code original}, with its stack trace elements copied. */
    public static StandInException of(Throwable original) {
        StringWriter text = new StringWriter();
        original.printStackTrace(new PrintWriter(text));
        StandInException standIn = new StandInException(original.getClass().getName(), original.getMessage(),
                text.toString());
        standIn.setStackTrace(original.getStackTrace());
        return standIn;
    }

    /** The fully qualified class name of the original exception. */
    public String originalClassName() {
        return originalClassName;
    }

    /** The original's stack trace as {@link Throwable#printStackTrace()} printed it, causes included. */
    public String stackText() {
        return stackText;
    }
}
