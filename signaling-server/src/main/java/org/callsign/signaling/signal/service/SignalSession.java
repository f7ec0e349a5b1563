package org.callsign.signaling.signal.service;

import java.time.Instant;

/**
 * A signaling session between two parties of one client: opened by the caller's offer to a target, then carrying the
 * answer, candidates and renegotiations between exactly those two, until either says bye or one goes offline. Nobody
 * else can send on it, whatever session id they name; session ids of different clients never meet.
 *
 * @param clientId the client of both parties
 * @param id the id the caller chose
 * @param caller the address of the party that sent the first offer
 * @param callee the address of its target
 * @param opened when the first offer was relayed
 */
public record SignalSession(String clientId, String id, String caller, String callee, Instant opened) {

    /** Whether {@code address} is one of the two parties. */
    public boolean hasParty(String address) {
        return caller.equals(address) || callee.equals(address);
    }

    /** Whether both parties are devices (not an HTTP party of {@code /connect} or WHIP, whose exchange is its node's). */
    public boolean betweenDevices() {
        return DeviceParty.isAddress(caller) && DeviceParty.isAddress(callee);
    }

    /** The other party of {@code address}. */
    public String peerOf(String address) {
        return caller.equals(address) ? callee : caller;
    }
}
