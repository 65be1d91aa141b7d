package katas.manager;

/** The manager refused a client: the client's key is not the manager's. */
public final class AuthenticationFailedException extends SecurityException {

    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException(String message) {
        super(message);
    }
}
