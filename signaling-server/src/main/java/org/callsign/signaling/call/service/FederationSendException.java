package org.callsign.signaling.call.service;

/**
 * A federation request that did not succeed: the other server was unreachable, or refused it (with its status and
 * error code).
 */
public class FederationSendException extends Exception {

    private final String reason;

    /** {@code reason} is a code for the caller's device: {@code server-unreachable} or {@code federation-refused}. */
    public FederationSendException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The code. */
    public String reason() {
        return reason;
    }
}
