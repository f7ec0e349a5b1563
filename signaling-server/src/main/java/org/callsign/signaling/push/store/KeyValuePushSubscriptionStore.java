package org.callsign.signaling.push.store;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.callsign.server.store.JsonNamespace;
import org.callsign.server.store.KeyValueStore;

/**
 * Push subscriptions in a {@link KeyValueStore}, namespace {@value #NAMESPACE}: one JSON record per device, under
 * {@code <client id>:<device id>}, holding its subscriptions, so that a change of one device's subscriptions is a
 * single durable write. Changes are conditional writes of the store, so they stay atomic when several processes
 * share it; a change may be applied to a fresh read more than once.
 */
@Singleton
public class KeyValuePushSubscriptionStore implements PushSubscriptionStore {

    /** The store namespace of push subscriptions. */
    public static final String NAMESPACE = "push-subscriptions";

    /** The stored value: one device's subscriptions. */
    record DeviceSubscriptions(String clientId, List<PushSubscription> subscriptions) {}

    private final JsonNamespace<DeviceSubscriptions> records;

    public KeyValuePushSubscriptionStore(KeyValueStore store) {
        this.records = new JsonNamespace<>(store, NAMESPACE, DeviceSubscriptions.class);
    }

    @Override
    public List<PushSubscription> list(String clientId, String deviceId) {
        return records.get(key(clientId, deviceId))
                .map(DeviceSubscriptions::subscriptions)
                .orElse(List.of());
    }

    @Override
    public List<PushSubscription> update(
            String clientId, String deviceId, UnaryOperator<List<PushSubscription>> change) {
        return records.compute(key(clientId, deviceId), current -> {
                    List<PushSubscription> changed = List.copyOf(change.apply(
                            current.map(DeviceSubscriptions::subscriptions).orElse(List.of())));
                    return changed.isEmpty()
                            ? Optional.empty()
                            : Optional.of(new DeviceSubscriptions(clientId, changed));
                })
                .map(DeviceSubscriptions::subscriptions)
                .orElse(List.of());
    }

    @Override
    public int removeDevice(String clientId, String deviceId) {
        int[] count = {0};
        records.compute(key(clientId, deviceId), current -> {
            count[0] = current.map(device -> device.subscriptions().size()).orElse(0);
            return Optional.empty();
        });
        return count[0];
    }

    @Override
    public int removeClient(String clientId) {
        return records.removeMatching(device -> device.clientId().equals(clientId)).values().stream()
                .mapToInt(device -> device.subscriptions().size())
                .sum();
    }

    @Override
    public int removeExpired(Instant now) {
        int count = 0;
        for (Map.Entry<String, DeviceSubscriptions> entry : records.entries().entrySet()) {
            if (entry.getValue().subscriptions().stream().anyMatch(subscription -> !subscription.live(now))) {
                count += removeExpired(entry.getKey(), now);
            }
        }
        return count;
    }

    /** Removes the expired subscriptions of one device, as of a fresh read; returns how many. */
    private int removeExpired(String key, Instant now) {
        int[] count = {0};
        records.compute(key, current -> current.map(device -> {
                    List<PushSubscription> live = device.subscriptions().stream()
                            .filter(subscription -> subscription.live(now))
                            .toList();
                    count[0] = device.subscriptions().size() - live.size();
                    return new DeviceSubscriptions(device.clientId(), live);
                })
                .filter(device -> !device.subscriptions().isEmpty()));
        return count[0];
    }

    /** Client ids and device ids hold no colon. */
    private static String key(String clientId, String deviceId) {
        return clientId + ":" + deviceId;
    }
}
