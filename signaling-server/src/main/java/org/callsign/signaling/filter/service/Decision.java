package org.callsign.signaling.filter.service;

/** What becomes of an incoming call; wire values are explicit. */
public enum Decision {
    /** The callee's devices ring (and sleeping ones are woken). */
    RING("ring"),
    /** Recorded in the history only; nothing rings. */
    RING_SILENTLY("silent"),
    /** Refused as busy (the caller learns it only if the callee reveals it). */
    REFUSE_BUSY("busy"),
    /** Refused as unavailable: indistinguishable from nobody being there. */
    REFUSE_UNAVAILABLE("unavailable");

    private final String value;

    Decision(String value) {
        this.value = value;
    }

    /** The wire value. */
    public String value() {
        return value;
    }
}
