package org.callsign.signaling.filter.service;

import java.util.Arrays;

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

    /** The status of a wire value; {@link IllegalArgumentException} naming the values for any other. */
    public static Status of(String value) {
        return Arrays.stream(values())
                .filter(status -> status.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "status must be available, busy, do-not-disturb or away: " + value));
    }
}
