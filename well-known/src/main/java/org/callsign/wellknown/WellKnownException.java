package org.callsign.wellknown;

/**
 * Root of the checked exceptions thrown by the {@code well-known} library. Each subclass names the rule or
 * limit that was broken; messages carry the offending value but never a credential.
 */
public abstract class WellKnownException extends Exception {
    private static final long serialVersionUID = 1L;

    protected WellKnownException(String message) {
        super(message);
    }

    protected WellKnownException(String message, Throwable cause) {
        super(message, cause);
    }
}
