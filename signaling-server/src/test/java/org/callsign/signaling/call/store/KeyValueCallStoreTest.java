package org.callsign.signaling.call.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.callsign.signaling.store.EmbeddedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The call history in the embedded store: kept across a restart, and unfinished calls ended once nothing holds them. */
class KeyValueCallStoreTest {
    private static final Instant PLACED = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant RESTARTED = PLACED.plusSeconds(600);

    @RegisterExtension
    final EmbeddedStore embedded = new EmbeddedStore();

    @Test
    void callsUnderWayWhenTheProcessStoppedEndAndTheRestStayAsTheyWere() {
        CallStore store = new KeyValueCallStore(embedded.reopen());
        store.save("per", record("dialing00000001", CallRecord.OUTGOING, CallState.DIALING));
        store.save("per", record("ringing0000001", CallRecord.INCOMING, CallState.RINGING));
        store.save("per", record("accepted000001", CallRecord.INCOMING, CallState.ACCEPTED));
        store.save("per", record("missed00000001", CallRecord.INCOMING, CallState.MISSED));
        store.save("per", record("stillringing01", CallRecord.OUTGOING, CallState.RINGING));
        store.save("alice", record("aliceaccepted1", CallRecord.OUTGOING, CallState.ACCEPTED));

        store = new KeyValueCallStore(embedded.reopen());
        assertEquals(Set.of("per", "alice"), store.clients());
        int ended =
                store.endUnfinished("per", call -> call.call().equals("stillringing01"), "server-restarted", RESTARTED);

        assertEquals(3, ended);
        List<CallRecord> calls = store.list("per");
        assertEquals(CallState.FAILED, find(calls, "dialing00000001").state());
        assertEquals(CallState.FAILED, find(calls, "ringing0000001").state());
        CallRecord accepted = find(calls, "accepted000001");
        assertEquals(CallState.ENDED, accepted.state());
        assertEquals("server-restarted", accepted.reason());
        assertEquals(RESTARTED, accepted.ended());
        assertEquals(CallState.MISSED, find(calls, "missed00000001").state(), "over already");
        assertNull(find(calls, "missed00000001").reason());
        assertEquals(CallState.RINGING, find(calls, "stillringing01").state(), "live: held by this process");
        assertEquals(CallState.ACCEPTED, store.list("alice").get(0).state(), "another client's calls");
        assertEquals(
                1,
                store.endUnfinished("per", call -> false, "server-restarted", RESTARTED.plusSeconds(1)),
                "only the live one was left to end");
    }

    private static CallRecord record(String id, String direction, CallState state) {
        CallRecord placed = new CallRecord(
                id,
                direction,
                "x@idp.test",
                false,
                "https://sig.test",
                CallState.DIALING,
                null,
                PLACED,
                PLACED,
                null,
                null,
                null);
        return state == CallState.DIALING ? placed : placed.moved(state, null, PLACED.plusSeconds(1));
    }

    private static CallRecord find(List<CallRecord> calls, String id) {
        return calls.stream().filter(call -> call.call().equals(id)).findFirst().orElseThrow();
    }
}
