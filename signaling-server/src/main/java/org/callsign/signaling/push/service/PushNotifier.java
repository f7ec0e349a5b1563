package org.callsign.signaling.push.service;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.net.PushFetcher;
import org.callsign.signaling.push.store.PushSubscription;
import org.callsign.wellknown.fetch.Fetcher;
import org.jboss.logging.Logger;

/**
 * Wakes a client's devices with Web Push (RFC 8030, payload encrypted per RFC 8291, VAPID per RFC 8292): the call
 * side asks for a push to each of the callee's devices that is not connected while a call rings, and for a missed-call
 * push when it rang out. The payload is a {@link CallNotification}, nothing more.
 */
@Singleton
public class PushNotifier {

    private static final Logger LOG = Logger.getLogger(PushNotifier.class);

    private final PushSubscriptions subscriptions;
    private final Clock clock;
    private final boolean enabled;
    private final PushDelivery delivery;

    PushNotifier(
            PushSubscriptions subscriptions,
            PushKeys keys,
            @PushFetcher Fetcher fetcher,
            PushExecutor executor,
            PushMetrics metrics,
            SignalingConfig config,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.enabled = config.push().enabled();
        this.delivery = keys.keys()
                .map(vapid -> new PushDelivery(
                        fetcher,
                        executor,
                        clock,
                        new PushRequests(vapid, keys.subject()),
                        subscriptions::removeGone,
                        metrics))
                .orElse(null);
    }

    /**
     * Sends asynchronously to every live subscription of the given devices of the client; never throws for delivery
     * failures (logs them, counts them in metrics) and never blocks on a push service. Returns how many subscriptions
     * it will try: none when push is off, and not those for which the send queue was full.
     */
    public int send(String clientId, Collection<String> deviceIds, CallNotification notification) {
        if (!enabled || delivery == null) {
            return 0;
        }
        int tried = 0;
        try {
            Instant now = clock.instant();
            for (String deviceId : new LinkedHashSet<>(deviceIds)) {
                for (PushSubscription subscription : subscriptions.live(clientId, deviceId, now)) {
                    if (delivery.start(subscription, notification)) {
                        tried++;
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "pushes of call %s not sent", notification.call());
        }
        return tried;
    }
}
