package org.callsign.signaling.call.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.callsign.signaling.call.store.CallRecord;
import org.callsign.signaling.signal.message.IceCandidate;
import org.callsign.signaling.signal.service.LineRecords;

/**
 * What a cluster's node records of a call with another server, with the client's lines, so that the node taking the
 * client over after the home died carries the call on ({@link ActiveCalls#restore}): everything an {@link ActiveCall}
 * holds but its timer and its queue of requests to the other server. It is recorded in three parts, so that no change
 * rewrites what an earlier write recorded: the {@link Start}, written once (the offer alone is several kilobytes), the
 * {@link State}, rewritten on each change, and the held candidates, appended one by one (up to
 * {@code calls.max-held-candidates} of them while the call rings).
 */
record StoredCall(Start start, State state, List<IceCandidate> held) {

    /**
     * What never changes of a call once it is recorded.
     *
     * @param to the callee's identity (incoming calls), for the filter if it had not decided yet
     * @param address the address the invite came from, as {@link InetAddress#getHostAddress()} wrote it, or
     *     {@code null}
     */
    record Start(
            String id, boolean outgoing, String peerServer, String clientId, String to, String offer, String address) {

        /** What {@code call} started with. */
        static Start of(ActiveCall call) {
            return new Start(
                    call.id,
                    call.outgoing,
                    call.peerServer,
                    call.clientId,
                    call.to,
                    call.offer,
                    call.address == null ? null : call.address.getHostAddress());
        }
    }

    /** What changes of a call as it goes on, its candidates aside. */
    record State(
            String device,
            List<String> rung,
            boolean rings,
            List<String> pushed,
            String pushCaller,
            Instant expires,
            boolean settled,
            CallRecord record) {

        /** What {@code call} holds now; the caller holds its monitor. */
        static State of(ActiveCall call) {
            return new State(
                    call.device,
                    List.copyOf(call.rung),
                    call.rings,
                    List.copyOf(call.pushed),
                    call.pushCaller,
                    call.expires,
                    call.settled,
                    call.record);
        }
    }

    /** What {@code call} holds now; the caller holds its monitor. */
    static StoredCall of(ActiveCall call) {
        return new StoredCall(Start.of(call), State.of(call), List.copyOf(call.held));
    }

    /**
     * The call as {@code recorded}, its parts read with {@code mapper}.
     *
     * @throws IllegalArgumentException if a part is missing
     */
    static StoredCall read(ObjectMapper mapper, LineRecords.RecordedCall recorded) throws JsonProcessingException {
        if (recorded.start() == null || recorded.state() == null) {
            throw new IllegalArgumentException("the call's record lacks its start or its state");
        }
        List<IceCandidate> held = new ArrayList<>();
        for (String candidate : recorded.held()) {
            held.add(mapper.readValue(candidate, IceCandidate.class));
        }
        return new StoredCall(
                mapper.readValue(recorded.start(), Start.class), mapper.readValue(recorded.state(), State.class), held);
    }

    /** The call as it was recorded, without a timer. */
    ActiveCall call() {
        ActiveCall call =
                new ActiveCall(start.id, start.outgoing, start.peerServer, start.clientId, start.offer, state.record);
        call.to = start.to;
        call.device = state.device;
        call.rung.addAll(state.rung);
        call.address = start.address == null ? null : ActiveCall.literal(start.address);
        call.rings = state.rings;
        call.pushed.addAll(state.pushed);
        call.pushCaller = state.pushCaller;
        call.held.addAll(held);
        call.expires = state.expires;
        call.settled = state.settled;
        return call;
    }
}
