package org.callsign.signaling.call.service;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import org.callsign.signaling.call.store.CallRecord;
import org.callsign.signaling.signal.message.IceCandidate;

/**
 * What a cluster's node records of a call with another server, with the client's lines, so that the node taking the
 * client over after the home died carries the call on ({@link ActiveCalls#restore}): everything an {@link ActiveCall}
 * holds but its timer and its queue of requests to the other server.
 *
 * @param to the callee's identity (incoming calls), for the filter if it had not decided yet
 * @param address the address the invite came from, as {@link InetAddress#getHostAddress()} wrote it, or {@code null}
 */
record StoredCall(
        String id,
        boolean outgoing,
        String peerServer,
        String clientId,
        String to,
        String offer,
        String device,
        List<String> rung,
        String address,
        boolean rings,
        List<String> pushed,
        String pushCaller,
        List<IceCandidate> held,
        Instant expires,
        boolean settled,
        CallRecord record) {

    /** What {@code call} holds now; the caller holds its monitor. */
    static StoredCall of(ActiveCall call) {
        return new StoredCall(
                call.id,
                call.outgoing,
                call.peerServer,
                call.clientId,
                call.to,
                call.offer,
                call.device,
                List.copyOf(call.rung),
                call.address == null ? null : call.address.getHostAddress(),
                call.rings,
                List.copyOf(call.pushed),
                call.pushCaller,
                List.copyOf(call.held),
                call.expires,
                call.settled,
                call.record);
    }

    /** The call as it was recorded, without a timer. */
    ActiveCall call() {
        ActiveCall call = new ActiveCall(id, outgoing, peerServer, clientId, offer, record);
        call.to = to;
        call.device = device;
        call.rung.addAll(rung);
        call.address = address == null ? null : ActiveCall.literal(address);
        call.rings = rings;
        call.pushed.addAll(pushed);
        call.pushCaller = pushCaller;
        call.held.addAll(held);
        call.expires = expires;
        call.settled = settled;
        return call;
    }
}
