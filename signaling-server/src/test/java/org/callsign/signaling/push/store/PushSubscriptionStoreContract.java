package org.callsign.signaling.push.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link PushSubscriptionStore} contract as tests, for every implementation. */
public abstract class PushSubscriptionStoreContract {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    /** The implementation under test; a later call opens the same data again, as after a restart. */
    protected abstract PushSubscriptionStore reopen();

    static PushSubscription subscription(String clientId, String deviceId, String id, Instant expires) {
        return new PushSubscription(
                id,
                clientId,
                deviceId,
                PushType.WEBPUSH,
                "https://push.example.net/" + id,
                "BPoint",
                "secret",
                T0,
                expires);
    }

    private static List<PushSubscription> plus(List<PushSubscription> current, PushSubscription subscription) {
        List<PushSubscription> changed = new ArrayList<>(current);
        changed.add(subscription);
        return changed;
    }

    private static void add(PushSubscriptionStore store, PushSubscription subscription) {
        store.update(subscription.clientId(), subscription.deviceId(), current -> plus(current, subscription));
    }

    @Test
    void updateKeepsADevicesSubscriptionsInOrderAcrossARestart() {
        PushSubscription first = subscription("alice", "phone", "s1", T0.plusSeconds(60));
        PushSubscription second = subscription("alice", "phone", "s2", T0.plusSeconds(60));
        add(reopen(), first);
        add(reopen(), second);

        assertEquals(List.of(first, second), reopen().list("alice", "phone"));
        assertEquals(List.of(), reopen().list("alice", "laptop"));
        assertEquals(List.of(), reopen().list("bob", "phone"));
    }

    @Test
    void aChangeThatThrowsWritesNothing() {
        PushSubscriptionStore store = reopen();
        PushSubscription kept = subscription("alice", "phone", "s1", T0.plusSeconds(60));
        add(store, kept);

        assertThrows(
                IllegalStateException.class,
                () -> store.update("alice", "phone", current -> {
                    throw new IllegalStateException("refused");
                }));

        assertEquals(List.of(kept), reopen().list("alice", "phone"));
    }

    @Test
    void removingADeviceLeavesTheClientsOtherDevices() {
        PushSubscriptionStore store = reopen();
        add(store, subscription("alice", "phone", "s1", T0.plusSeconds(60)));
        add(store, subscription("alice", "phone", "s2", T0.plusSeconds(60)));
        PushSubscription laptop = subscription("alice", "laptop", "s3", T0.plusSeconds(60));
        add(store, laptop);

        assertEquals(2, store.removeDevice("alice", "phone"));

        assertEquals(List.of(), reopen().list("alice", "phone"));
        assertEquals(List.of(laptop), reopen().list("alice", "laptop"));
    }

    @Test
    void removingAClientRemovesEachOfItsDevicesAndNoOtherClients() {
        PushSubscriptionStore store = reopen();
        add(store, subscription("alice", "phone", "s1", T0.plusSeconds(60)));
        add(store, subscription("alice", "laptop", "s2", T0.plusSeconds(60)));
        PushSubscription bobs = subscription("bob", "phone", "s3", T0.plusSeconds(60));
        add(store, bobs);
        PushSubscription similar = subscription("alice2", "phone", "s4", T0.plusSeconds(60));
        add(store, similar);

        assertEquals(2, store.removeClient("alice"));

        assertEquals(List.of(), reopen().list("alice", "phone"));
        assertEquals(List.of(), reopen().list("alice", "laptop"));
        assertEquals(List.of(bobs), reopen().list("bob", "phone"));
        assertEquals(List.of(similar), reopen().list("alice2", "phone"));
    }

    @Test
    void sweepingRemovesExactlyTheExpiredSubscriptions() {
        PushSubscriptionStore store = reopen();
        PushSubscription live = subscription("alice", "phone", "live", T0.plusSeconds(61));
        add(store, subscription("alice", "phone", "expired", T0.plusSeconds(60)));
        add(store, live);
        add(store, subscription("bob", "phone", "expired-too", T0.plusSeconds(10)));

        assertEquals(2, store.removeExpired(T0.plusSeconds(60)));

        assertEquals(List.of(live), reopen().list("alice", "phone"));
        assertEquals(List.of(), reopen().list("bob", "phone"));
        assertEquals(0, reopen().removeExpired(T0.plusSeconds(60)));
    }
}
