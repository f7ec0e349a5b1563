package org.callsign.signaling.discovery.service;

/** A failed discovery, with its {@link DiscoveryFailure}; the message names the identity or URL, never a secret. */
public class DiscoveryException extends Exception {

    private final DiscoveryFailure failure;

    public DiscoveryException(DiscoveryFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public DiscoveryException(DiscoveryFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    /** Why. */
    public DiscoveryFailure failure() {
        return failure;
    }
}
