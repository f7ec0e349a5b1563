package org.callsign.signaling.call.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.callsign.signaling.call.store.CallRecord;
import org.callsign.signaling.call.store.CallState;
import org.callsign.signaling.signal.message.IceCandidate;
import org.callsign.signaling.signal.service.LineRecords;
import org.junit.jupiter.api.Test;

/** What a node records of a call for the node that takes its client over: everything the call goes on with. */
class StoredCallTest {
    /** As Quarkus configures its mapper: Java time as ISO strings. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final Instant CREATED = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void aRingingIncomingCallComesBackAsItWas() throws Exception {
        CallRecord record = placed("Y2FsbC0x", CallRecord.INCOMING, null, "https://sig-a.test", CallState.RINGING)
                .filtered(
                        "alice@idp-a.test",
                        true,
                        new CallRecord.Filtered("ring", "allow *@idp-a.test"),
                        CREATED.plusMillis(40));
        ActiveCall call = new ActiveCall(
                "Y2FsbC0x", false, "https://sig-a.test", "client-per", "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n", record);
        call.to = "per@idp-b.test";
        call.address = InetAddress.getByName("2001:db8::7");
        call.rings = true;
        call.rung.addAll(List.of("phone", "laptop"));
        call.pushed.add("tablet");
        call.pushCaller = "alice@idp-a.test";
        call.held.add(new IceCandidate("candidate:1 1 udp 2122260223 192.0.2.1 50001 typ host", "0", 0, "abcd"));
        call.held.add(new IceCandidate("", null, null, null));
        call.expires = CREATED.plusSeconds(45);

        ActiveCall back = roundTrip(call);

        assertEquals(StoredCall.of(call), StoredCall.of(back));
        assertEquals(call.key(), back.key());
        assertEquals(InetAddress.getByName("2001:db8::7"), back.address);
        assertEquals(List.of("phone", "laptop"), List.copyOf(back.rung), "in the order they rang");
        assertEquals(CallState.RINGING, back.record.state());
        assertEquals("allow *@idp-a.test", back.record.filter().rule());
        assertNull(back.timeout, "its timer is the restoring node's to set");
    }

    @Test
    void anAcceptedOutgoingCallComesBackWithItsDevice() throws Exception {
        CallRecord record = placed("Y2FsbC0y", CallRecord.OUTGOING, "per@idp-b.test", "", CallState.DIALING)
                .withPeerServer("https://sig-b.test")
                .moved(CallState.ACCEPTED, null, CREATED.plusSeconds(3));
        ActiveCall call = new ActiveCall("Y2FsbC0y", true, "https://sig-b.test", "client-alice", null, record);
        call.device = "laptop";

        ActiveCall back = roundTrip(call);

        assertEquals(StoredCall.of(call), StoredCall.of(back));
        assertEquals("out https://sig-b.test Y2FsbC0y", back.key());
        assertEquals("laptop", back.device);
        assertEquals(CREATED.plusSeconds(3), back.record.answered());
        assertNull(back.address);
    }

    private static CallRecord placed(String id, String direction, String peer, String server, CallState state) {
        return new CallRecord(id, direction, peer, false, server, state, null, CREATED, CREATED, null, null, null);
    }

    @Test
    void theStateRewrittenOnEachChangeHoldsNeitherTheOfferNorTheCandidates() throws Exception {
        String offer = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n";
        ActiveCall call = new ActiveCall(
                "Y2FsbC0z",
                false,
                "https://sig-a.test",
                "client-per",
                offer,
                placed("Y2FsbC0z", CallRecord.INCOMING, null, "https://sig-a.test", CallState.RINGING));
        call.held.add(new IceCandidate("candidate:1 1 udp 2122260223 192.0.2.1 50001 typ host", "0", 0, "abcd"));

        String state = MAPPER.writeValueAsString(StoredCall.State.of(call));

        assertFalse(state.contains("IN IP4"), state);
        assertFalse(state.contains("192.0.2.1"), state);
        assertTrue(MAPPER.writeValueAsString(StoredCall.Start.of(call)).contains("IN IP4"));
    }

    @Test
    void aRecordWithoutItsStartIsRefused() {
        LineRecords.RecordedCall recorded = new LineRecords.RecordedCall(null, "{}", List.of());

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> StoredCall.read(MAPPER, recorded));
        assertEquals("the call's record lacks its start or its state", refused.getMessage());
    }

    /** Through JSON, as the parts are recorded: the start, the state and each held candidate on its own. */
    private static ActiveCall roundTrip(ActiveCall call) throws Exception {
        StoredCall stored = StoredCall.of(call);
        List<String> held = new ArrayList<>();
        for (IceCandidate candidate : stored.held()) {
            held.add(MAPPER.writeValueAsString(candidate));
        }
        LineRecords.RecordedCall recorded = new LineRecords.RecordedCall(
                MAPPER.writeValueAsString(stored.start()), MAPPER.writeValueAsString(stored.state()), held);
        return StoredCall.read(MAPPER, recorded).call();
    }
}
