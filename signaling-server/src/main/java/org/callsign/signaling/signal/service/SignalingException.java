package org.callsign.signaling.signal.service;

/**
 * A refused signaling message or connection, with its code and a short message for people (no SDP, token or key in
 * it). The endpoint turns it into an {@code error} frame or an HTTP error.
 */
public class SignalingException extends RuntimeException {
    private final SignalError error;
    private final String session;

    public SignalingException(SignalError error, String message) {
        this(error, message, null);
    }

    public SignalingException(SignalError error, String message, String session) {
        super(message, null, false, false);
        this.error = error;
        this.session = session;
    }

    /** The code. */
    public SignalError error() {
        return error;
    }

    /** The session concerned, or {@code null}. */
    public String session() {
        return session;
    }
}
