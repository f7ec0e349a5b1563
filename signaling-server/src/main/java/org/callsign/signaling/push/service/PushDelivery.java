package org.callsign.signaling.push.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.callsign.signaling.push.store.PushSubscription;
import org.callsign.wellknown.fetch.FetchException;
import org.callsign.wellknown.fetch.FetchFailure;
import org.callsign.wellknown.fetch.FetchResult;
import org.callsign.wellknown.fetch.Fetcher;
import org.jboss.logging.Logger;

/**
 * Delivers pushes, one subscription and notification at a time, on the {@link PushQueue}'s threads: encrypts the
 * payload once, posts it (through the hardened {@link Fetcher}: public addresses only), and acts on the
 * {@link PushRetry} decision: a retry goes back to the queue after its back-off, a gone subscription is deleted.
 * Failures are logged (the push service's origin, never the endpoint's path or the payload) and counted; none
 * reaches the caller.
 */
public final class PushDelivery {

    private static final Logger LOG = Logger.getLogger(PushDelivery.class);

    private final Fetcher fetcher;
    private final PushQueue queue;
    private final Clock clock;
    private final PushRequests requests;
    private final Consumer<PushSubscription> gone;
    private final PushMetrics metrics;

    /**
     * @param gone deletes a subscription that its push service says is gone
     */
    public PushDelivery(
            Fetcher fetcher,
            PushQueue queue,
            Clock clock,
            PushRequests requests,
            Consumer<PushSubscription> gone,
            PushMetrics metrics) {
        this.fetcher = fetcher;
        this.queue = queue;
        this.clock = clock;
        this.requests = requests;
        this.gone = gone;
        this.metrics = metrics;
    }

    /** Queues the first attempt; false (logged and counted) when the queue is full. */
    public boolean start(PushSubscription subscription, CallNotification notification) {
        boolean queued = queue.submit(Duration.ZERO, guarded(notification, () -> first(subscription, notification)));
        if (!queued) {
            metrics.count(PushMetrics.Outcome.QUEUE_FULL);
            LOG.warnf(
                    "push of call %s to %s dropped: the send queue is full",
                    notification.call(), subscription.service());
        }
        return queued;
    }

    private void first(PushSubscription subscription, CallNotification notification) {
        attempt(subscription, notification, requests.encrypt(subscription, notification), 1);
    }

    private void attempt(PushSubscription subscription, CallNotification notification, byte[] body, int attempt) {
        Instant now = clock.instant();
        if (notification.kind() == CallNotification.Kind.INCOMING_CALL && !now.isBefore(notification.expires())) {
            metrics.count(PushMetrics.Outcome.EXPIRED);
            LOG.debugf(
                    "push of call %s to %s not sent: the call stopped ringing",
                    notification.call(), subscription.service());
            return;
        }
        int status;
        Optional<Duration> retryAfter = Optional.empty();
        String failure = null;
        try {
            FetchResult answer = fetcher.fetch(requests.request(subscription, notification, body, now));
            status = answer.status();
            retryAfter = PushRetry.retryAfter(answer.header("Retry-After"), clock.instant());
        } catch (FetchException e) {
            if (!retryable(e.failure())) {
                metrics.count(PushMetrics.Outcome.FAILED);
                LOG.warnf(
                        "push of call %s to %s failed: %s",
                        notification.call(), subscription.service(), e.failure().code());
                return;
            }
            status = -1;
            failure = e.failure().code();
        }
        PushRetry.Decision decision = PushRetry.decide(notification, attempt, status, retryAfter, clock.instant());
        String reason = failure == null ? decision.reason() : failure + ": " + decision.reason();
        switch (decision.action()) {
            case DELIVERED:
                metrics.count(PushMetrics.Outcome.DELIVERED);
                LOG.debugf("push of call %s delivered to %s", notification.call(), subscription.service());
                break;
            case GONE:
                metrics.count(PushMetrics.Outcome.GONE);
                gone.accept(subscription);
                LOG.infof("push subscription %s at %s removed: %s", subscription.id(), subscription.service(), reason);
                break;
            case RETRY:
                metrics.count(PushMetrics.Outcome.RETRIED);
                LOG.debugf("push of call %s to %s: %s", notification.call(), subscription.service(), reason);
                if (!queue.submit(
                        decision.delay(),
                        guarded(notification, () -> attempt(subscription, notification, body, attempt + 1)))) {
                    metrics.count(PushMetrics.Outcome.QUEUE_FULL);
                    LOG.warnf("retry of the push of call %s dropped: the send queue is full", notification.call());
                }
                break;
            default:
                metrics.count(PushMetrics.Outcome.FAILED);
                LOG.warnf("push of call %s to %s failed: %s", notification.call(), subscription.service(), reason);
        }
    }

    /** {@code task}, with anything unexpected that it throws logged and counted rather than lost in the executor. */
    private Runnable guarded(CallNotification notification, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                metrics.count(PushMetrics.Outcome.FAILED);
                LOG.errorf(e, "push of call %s failed", notification.call());
            }
        };
    }

    /** Failures of the network, which a later attempt may not meet; not those of the address or of the answer. */
    private static boolean retryable(FetchFailure failure) {
        switch (failure) {
            case UNKNOWN_HOST:
            case CONNECT_TIMEOUT:
            case CONNECT_FAILED:
            case READ_TIMEOUT:
            case TOTAL_TIMEOUT:
            case IO_ERROR:
                return true;
            default:
                return false;
        }
    }
}
