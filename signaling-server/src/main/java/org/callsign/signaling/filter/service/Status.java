package org.callsign.signaling.filter.service;

/** A person's status, which decides what an allowed call does. */
public enum Status {
    /** Calls ring. */
    AVAILABLE("available"),
    /** Calls are refused as busy, except from allow-listed callers. */
    BUSY("busy"),
    /** Calls are recorded silently, except from allow-listed callers, which ring. */
    DO_NOT_DISTURB("do-not-disturb"),
    /** Calls are recorded silently. */
    AWAY("away");

    private final String value;

    Status(String value) {
        this.value = value;
    }

    /** The wire value. */
    public String value() {
        return value;
    }
}
