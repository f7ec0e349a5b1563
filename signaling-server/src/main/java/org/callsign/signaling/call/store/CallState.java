package org.callsign.signaling.call.store;

/** The states of a call (docs/protocol.md, "Calls"); wire values are explicit. */
public enum CallState {
    /** Placed, the callee's server not yet reached (caller's side only). */
    DIALING("dialing", false),
    /** The invite was delivered (caller's side) or the callee's devices ring (callee's side). */
    RINGING("ringing", false),
    /** A device of the callee accepted; media may flow. */
    ACCEPTED("accepted", false),
    /** The callee declined (caller's side only if the callee revealed it). */
    DECLINED("declined", true),
    /** The callee was busy (caller's side only if the callee revealed it). */
    BUSY("busy", true),
    /** Nobody answered within the ring timeout (callee's side). */
    MISSED("missed", true),
    /** The call ended without an answer, for reasons the callee's server does not say (caller's side). */
    UNAVAILABLE("unavailable", true),
    /** The caller gave up before an answer. */
    CANCELLED("cancelled", true),
    /** The call could not be placed or delivered: discovery, federation, identity, policy (with a reason). */
    FAILED("failed", true),
    /** An accepted call was hung up. */
    ENDED("ended", true);

    private final String value;
    private final boolean terminal;

    CallState(String value, boolean terminal) {
        this.value = value;
        this.terminal = terminal;
    }

    /** The wire value. */
    public String value() {
        return value;
    }

    /** Whether the call is over in this state. */
    public boolean terminal() {
        return terminal;
    }
}
