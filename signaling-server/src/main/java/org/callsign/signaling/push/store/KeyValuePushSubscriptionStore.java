package org.callsign.signaling.push.store;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.callsign.server.store.JsonNamespace;
import org.callsign.server.store.KeyValueStore;

/**
 * Push subscriptions in a {@link KeyValueStore}, namespace {@value #NAMESPACE}: one JSON record per device, under
 * {@code <client id>:<device id>}, holding its subscriptions, so that a change of one device's subscriptions is a
 * single durable write. Updates run under one lock: atomic within this process, which owns the embedded store file.
 */
@Singleton
public class KeyValuePushSubscriptionStore implements PushSubscriptionStore {

    /** The store namespace of push subscriptions. */
    public static final String NAMESPACE = "push-subscriptions";

    /** The stored value: one device's subscriptions. */
    record DeviceSubscriptions(String clientId, List<PushSubscription> subscriptions) {}

    private final JsonNamespace<DeviceSubscriptions> records;
    private final Object lock = new Object();

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
        synchronized (lock) {
            List<PushSubscription> changed = List.copyOf(change.apply(list(clientId, deviceId)));
            if (changed.isEmpty()) {
                records.remove(key(clientId, deviceId));
            } else {
                records.put(key(clientId, deviceId), new DeviceSubscriptions(clientId, changed));
            }
            return changed;
        }
    }

    @Override
    public int removeDevice(String clientId, String deviceId) {
        synchronized (lock) {
            int count = list(clientId, deviceId).size();
            records.remove(key(clientId, deviceId));
            return count;
        }
    }

    @Override
    public int removeClient(String clientId) {
        synchronized (lock) {
            int[] count = {0};
            records.removeWhere(device -> {
                boolean doomed = device.clientId().equals(clientId);
                count[0] += doomed ? device.subscriptions().size() : 0;
                return doomed;
            });
            return count[0];
        }
    }

    @Override
    public int removeExpired(Instant now) {
        synchronized (lock) {
            Map<String, DeviceSubscriptions> puts = new LinkedHashMap<>();
            List<String> removals = new ArrayList<>();
            int count = 0;
            for (Map.Entry<String, DeviceSubscriptions> entry :
                    records.entries().entrySet()) {
                DeviceSubscriptions device = entry.getValue();
                List<PushSubscription> live = device.subscriptions().stream()
                        .filter(subscription -> subscription.live(now))
                        .toList();
                count += device.subscriptions().size() - live.size();
                if (live.isEmpty()) {
                    removals.add(entry.getKey());
                } else if (live.size() < device.subscriptions().size()) {
                    puts.put(entry.getKey(), new DeviceSubscriptions(device.clientId(), live));
                }
            }
            if (count > 0) {
                records.update(puts, removals);
            }
            return count;
        }
    }

    /** Client ids and device ids hold no colon. */
    private static String key(String clientId, String deviceId) {
        return clientId + ":" + deviceId;
    }
}
