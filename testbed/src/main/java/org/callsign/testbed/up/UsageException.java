package org.callsign.testbed.up;

/** A command line {@code ./callsign up} does not understand; it exits 2 with the message and the usage. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception saying what is wrong with the command line. */
    public UsageException(String message) {
        super(message);
    }
}
