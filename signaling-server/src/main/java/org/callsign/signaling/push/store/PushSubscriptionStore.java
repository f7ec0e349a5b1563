package org.callsign.signaling.push.store;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where devices' push subscriptions are kept. Every write is durable when it returns; {@link #update} is an atomic
 * read-modify-write of one device's subscriptions, so that the limit per device and the one-subscription-per-endpoint
 * rule hold under concurrent requests. The embedded implementation is {@link KeyValuePushSubscriptionStore}; others
 * pass {@code PushSubscriptionStoreContract}.
 */
public interface PushSubscriptionStore {

    /** The device's subscriptions, expired ones included, in the order they were added. */
    List<PushSubscription> list(String clientId, String deviceId);

    /**
     * Replaces the device's subscriptions with what {@code change} makes of them, atomically; returns the new list. If
     * {@code change} throws, nothing is written and the exception propagates.
     */
    List<PushSubscription> update(String clientId, String deviceId, UnaryOperator<List<PushSubscription>> change);

    /** Removes the device's subscriptions; how many there were. */
    int removeDevice(String clientId, String deviceId);

    /** Removes every subscription of the client's devices; how many there were. */
    int removeClient(String clientId);

    /** Removes every subscription that has expired at {@code now}, in one change; how many. */
    int removeExpired(Instant now);
}
