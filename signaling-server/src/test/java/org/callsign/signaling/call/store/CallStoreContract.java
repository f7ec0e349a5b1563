package org.callsign.signaling.call.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.callsign.server.store.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * The {@link CallStore} contract as tests, which {@link KeyValueCallStore} passes on each {@link KeyValueStore}: the
 * history is kept across a restart, unfinished calls are ended once nothing holds them, and only the clients with
 * unfinished calls are listed for that.
 */
public abstract class CallStoreContract {
    private static final Instant PLACED = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant RESTARTED = PLACED.plusSeconds(600);

    /** The key-value store under test; a later call opens the same data again, as after a restart. */
    protected abstract KeyValueStore reopen();

    @Test
    void callsUnderWayWhenTheProcessStoppedEndAndTheRestStayAsTheyWere() {
        CallStore store = new KeyValueCallStore(reopen());
        store.save("per", record("dialing00000001", CallRecord.OUTGOING, CallState.DIALING));
        store.save("per", record("ringing0000001", CallRecord.INCOMING, CallState.RINGING));
        store.save("per", record("accepted000001", CallRecord.INCOMING, CallState.ACCEPTED));
        store.save("per", record("missed00000001", CallRecord.INCOMING, CallState.MISSED));
        store.save("per", record("stillringing01", CallRecord.OUTGOING, CallState.RINGING));
        store.save("alice", record("aliceaccepted1", CallRecord.OUTGOING, CallState.ACCEPTED));

        store = new KeyValueCallStore(reopen());
        assertEquals(Set.of("per", "alice"), store.unfinishedClients());
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
        assertEquals(Set.of("alice"), store.unfinishedClients(), "per has nothing left to end");
    }

    @Test
    void aClientIsListedWhileItHasACallNotYetOver() {
        CallStore store = new KeyValueCallStore(reopen());
        store.save("bob", record("bobmissed00001", CallRecord.INCOMING, CallState.MISSED));
        store.save("per", record("perfirst000001", CallRecord.OUTGOING, CallState.DIALING));
        store.save("per", record("persecond00001", CallRecord.INCOMING, CallState.RINGING));
        assertEquals(Set.of("per"), store.unfinishedClients(), "bob's calls are all over");

        store.save("per", record("perfirst000001", CallRecord.OUTGOING, CallState.UNAVAILABLE));
        assertEquals(Set.of("per"), store.unfinishedClients(), "one call still rings");
        store.save("per", record("persecond00001", CallRecord.INCOMING, CallState.MISSED));
        assertEquals(Set.of(), store.unfinishedClients());

        store.save("per", record("perthird000001", CallRecord.INCOMING, CallState.RINGING));
        store.removeClient("per");
        assertEquals(Set.of(), new KeyValueCallStore(reopen()).unfinishedClients(), "a removed client");
    }

    @Test
    void historyWrittenBeforeTheIndexExistedIsListedAtTheFirstAsking() {
        KeyValueStore kv = reopen();
        CallStore store = new KeyValueCallStore(kv);
        store.save("per", record("perringing0001", CallRecord.INCOMING, CallState.RINGING));
        store.save("bob", record("bobmissed00001", CallRecord.INCOMING, CallState.MISSED));
        kv.entries(UnfinishedIndex.NAMESPACE).keySet().forEach(key -> kv.remove(UnfinishedIndex.NAMESPACE, key));

        store = new KeyValueCallStore(reopen());
        assertEquals(Set.of("per"), store.unfinishedClients(), "read from the history once");
        assertEquals(1, store.endUnfinished("per", call -> false, "server-restarted", RESTARTED));
        assertEquals(Set.of(), new KeyValueCallStore(reopen()).unfinishedClients(), "and kept from then on");
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
