package org.callsign.signaling.signal.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A call for this device's client, rung on each of its online verified devices. {@code from} is the identity this
 * server verified from the offer's {@code a=identity}; the device verifies it again itself before it trusts it.
 *
 * @param v protocol version
 * @param id a new id
 * @param call the call
 * @param from the caller's verified identity, or {@code null} when it could not be verified (and policy let it ring)
 * @param verified whether {@code from} was verified
 * @param server the caller's server origin: the origin to assert the answer's identity for
 * @param sdp the caller's offer
 * @param expires when the call stops ringing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncomingCall(
        int v, String id, String call, String from, boolean verified, String server, String sdp, Instant expires)
        implements ServerMessage {
    public IncomingCall(String call, String from, boolean verified, String server, String sdp, Instant expires) {
        this(VERSION, ServerIds.next(), call, from, verified, server, sdp, expires);
    }
}
