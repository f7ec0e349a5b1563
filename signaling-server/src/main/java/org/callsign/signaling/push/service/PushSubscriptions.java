package org.callsign.signaling.push.service;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.client.service.CredentialsRevoked;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.device.service.DeviceChanged;
import org.callsign.signaling.device.service.DeviceService;
import org.callsign.signaling.push.store.PushSubscription;
import org.callsign.signaling.push.store.PushSubscriptionStore;
import org.jboss.logging.Logger;

/**
 * Devices' push subscriptions: registered by the device's client, at most {@code push.max-subscriptions-per-device}
 * per device, one per endpoint (registering an endpoint again renews it with its new keys), each lasting
 * {@code push.subscription-lifetime} unless the browser's {@code expirationTime} is sooner. They go with their device
 * and their client, when a push service says they are gone (RFC 8030 §7.3), and when they expire.
 */
@Singleton
public class PushSubscriptions {

    private static final Logger LOG = Logger.getLogger(PushSubscriptions.class);

    /**
     * A registration's result.
     *
     * @param subscription as stored
     * @param created whether it is new, rather than a renewal of the same endpoint
     */
    public record Registered(PushSubscription subscription, boolean created) {}

    private final PushSubscriptionStore store;
    private final DeviceService devices;
    private final SignalingConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PushSubscriptions(PushSubscriptionStore store, DeviceService devices, SignalingConfig config, Clock clock) {
        this.store = store;
        this.devices = devices;
        this.config = config;
        this.clock = clock;
    }

    /** Registers, or renews, a subscription of one of the client's devices. */
    public Registered register(String clientId, String deviceId, NewSubscription request) {
        requireEnabled();
        devices.get(clientId, deviceId);
        Instant now = clock.instant();
        Instant expires = now.plus(config.push().subscriptionLifetime());
        if (request.expirationTime() != null && request.expirationTime().isBefore(expires)) {
            expires = request.expirationTime();
        }
        int max = config.push().maxSubscriptionsPerDevice();
        PushSubscription fresh = new PushSubscription(
                newId(),
                clientId,
                deviceId,
                request.type(),
                request.endpoint().toString(),
                request.p256dh(),
                request.auth(),
                now,
                expires);
        Registered[] result = new Registered[1];
        store.update(clientId, deviceId, current -> {
            List<PushSubscription> changed = new ArrayList<>();
            PushSubscription renewed = null;
            for (PushSubscription old : current) {
                if (old.endpoint().equals(fresh.endpoint())) {
                    renewed = new PushSubscription(
                            old.id(),
                            clientId,
                            deviceId,
                            fresh.type(),
                            fresh.endpoint(),
                            fresh.p256dh(),
                            fresh.auth(),
                            old.created(),
                            fresh.expires());
                    changed.add(renewed);
                } else if (old.live(now)) {
                    changed.add(old);
                }
            }
            if (renewed == null) {
                if (changed.size() >= max) {
                    throw new ApiException(
                            ApiError.TOO_MANY_SUBSCRIPTIONS, "a device has at most " + max + " push subscriptions");
                }
                changed.add(fresh);
            }
            result[0] = new Registered(renewed == null ? fresh : renewed, renewed == null);
            return changed;
        });
        return result[0];
    }

    /** The device's subscriptions that have not expired; {@code not-found} for a device the client does not have. */
    public List<PushSubscription> list(String clientId, String deviceId) {
        devices.get(clientId, deviceId);
        return live(clientId, deviceId, clock.instant());
    }

    /** The device's subscriptions that have not expired at {@code now}. */
    public List<PushSubscription> live(String clientId, String deviceId, Instant now) {
        return store.list(clientId, deviceId).stream()
                .filter(subscription -> subscription.live(now))
                .toList();
    }

    /** Removes one of the device's subscriptions; {@code not-found} if there is none of that id. */
    public void remove(String clientId, String deviceId, String id) {
        devices.get(clientId, deviceId);
        boolean[] found = {false};
        store.update(clientId, deviceId, current -> {
            List<PushSubscription> changed = new ArrayList<>(current);
            found[0] = changed.removeIf(subscription -> subscription.id().equals(id));
            return changed;
        });
        if (!found[0]) {
            throw new ApiException(ApiError.NOT_FOUND, "no such push subscription");
        }
    }

    /**
     * Removes a subscription that its push service says is gone (404 or 410), unless the device registered the
     * endpoint again since (then with other keys); whether it was removed.
     */
    public boolean removeGone(PushSubscription gone) {
        boolean[] found = {false};
        store.update(gone.clientId(), gone.deviceId(), current -> {
            List<PushSubscription> changed = new ArrayList<>(current);
            found[0] = changed.removeIf(subscription -> subscription.id().equals(gone.id())
                    && subscription.p256dh().equals(gone.p256dh())
                    && subscription.auth().equals(gone.auth()));
            return changed;
        });
        return found[0];
    }

    /** Removes expired subscriptions; how many. */
    public int sweep() {
        int removed = store.removeExpired(clock.instant());
        if (removed > 0) {
            LOG.debugf("removed %d expired push subscriptions", removed);
        }
        return removed;
    }

    void onDeviceChanged(@Observes DeviceChanged change) {
        if (change.after() == null) {
            store.removeDevice(change.clientId(), change.deviceId());
        }
    }

    void onCredentialsRevoked(@Observes CredentialsRevoked revoked) {
        if (revoked.removed()) {
            store.removeClient(revoked.clientId());
        }
    }

    private void requireEnabled() {
        if (!config.push().enabled()) {
            throw new ApiException(ApiError.PUSH_OFF, "push notifications are off on this server");
        }
    }

    private String newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
