package org.callsign.signaling.push.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callsign.signaling.push.service.PushMetrics.Outcome;
import org.callsign.signaling.push.store.PushSubscription;
import org.callsign.wellknown.fetch.CacheStatus;
import org.callsign.wellknown.fetch.FetchException;
import org.callsign.wellknown.fetch.FetchFailure;
import org.callsign.wellknown.fetch.FetchRequest;
import org.callsign.wellknown.fetch.FetchResult;
import org.callsign.wellknown.fetch.Fetcher;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * Delivery against a scripted push service: what it answers decides whether a push is retried (on the queue, after
 * its back-off, on a clock the queue moves), its subscription deleted, or it is dropped.
 */
class PushDeliveryTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    private static final PushSubscription SUBSCRIPTION = PushRequestsTest.SUBSCRIPTION;

    private final MutableClock clock = new MutableClock(START);
    private final ScriptedPushService service = new ScriptedPushService();
    private final InlineQueue queue = new InlineQueue();
    private final List<PushSubscription> removed = new ArrayList<>();
    private final PushMetrics metrics = new PushMetrics(new SimpleMeterRegistry());
    private final PushDelivery delivery = new PushDelivery(
            service, queue, clock, new PushRequests(VapidKeys.generated(), Optional.empty()), removed::add, metrics);

    /** Answers each request with the next scripted status (and headers), or fails it. */
    private static final class ScriptedPushService implements Fetcher {
        final Deque<Object> answers = new ArrayDeque<>();
        final List<FetchRequest> requests = new ArrayList<>();

        ScriptedPushService answer(int status, Map<String, List<String>> headers) {
            answers.add(new FetchResult(
                    URI.create(SUBSCRIPTION.endpoint()),
                    URI.create(SUBSCRIPTION.endpoint()),
                    status,
                    null,
                    headers,
                    new byte[0],
                    List.of(),
                    CacheStatus.MISS));
            return this;
        }

        ScriptedPushService answer(int status) {
            return answer(status, Map.of());
        }

        ScriptedPushService fail(FetchFailure failure) {
            answers.add(new FetchException(failure, URI.create(SUBSCRIPTION.endpoint()), "scripted"));
            return this;
        }

        @Override
        public FetchResult fetch(FetchRequest request) throws FetchException {
            requests.add(request);
            Object answer = answers.remove();
            if (answer instanceof FetchException e) {
                throw e;
            }
            return (FetchResult) answer;
        }
    }

    /** Runs each task at once, after moving the clock by its delay; or refuses when told to. */
    private final class InlineQueue implements PushQueue {
        final List<Duration> delays = new ArrayList<>();
        boolean full;

        @Override
        public boolean submit(Duration delay, Runnable task) {
            if (full) {
                return false;
            }
            delays.add(delay);
            clock.advance(delay);
            task.run();
            return true;
        }
    }

    private static CallNotification ringingFor(Duration ringing) {
        return new CallNotification(CallNotification.Kind.INCOMING_CALL, "call-1", null, START.plus(ringing));
    }

    private static CallNotification missed() {
        return new CallNotification(CallNotification.Kind.MISSED_CALL, "call-1", null, START);
    }

    @Test
    void aPushTheServiceTakesIsDeliveredOnce() {
        service.answer(201);

        assertTrue(delivery.start(SUBSCRIPTION, ringingFor(Duration.ofSeconds(45))));

        assertEquals(1, service.requests.size());
        assertEquals(1, metrics.total(Outcome.DELIVERED));
        assertEquals(List.of(), removed);
    }

    @Test
    void serverErrorsAreRetriedAfterOneThenTwoSecondsAndGivenUpAfterThreeAttempts() {
        service.answer(503).answer(500).answer(502);

        delivery.start(SUBSCRIPTION, missed());

        assertEquals(3, service.requests.size());
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2)), queue.delays);
        assertEquals(2, metrics.total(Outcome.RETRIED));
        assertEquals(1, metrics.total(Outcome.FAILED));
    }

    @Test
    void networkFailuresAreRetriedUntilTheServiceTakesThePush() {
        service.fail(FetchFailure.CONNECT_FAILED)
                .fail(FetchFailure.TOTAL_TIMEOUT)
                .answer(201);

        delivery.start(SUBSCRIPTION, missed());

        assertEquals(3, service.requests.size());
        assertEquals(1, metrics.total(Outcome.DELIVERED));
    }

    @Test
    void eachAttemptCarriesTheTtlLeftAtItsTime() {
        service.answer(503).answer(503).answer(201);

        delivery.start(SUBSCRIPTION, ringingFor(Duration.ofSeconds(45)));

        assertEquals(
                List.of("45", "44", "42"),
                service.requests.stream().map(r -> r.headers().get("TTL")).toList());
    }

    @Test
    void retryAfterIsHonoured() {
        service.answer(429, Map.of("retry-after", List.of("7"))).answer(201);

        delivery.start(SUBSCRIPTION, missed());

        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(7)), queue.delays);
        assertEquals(1, metrics.total(Outcome.DELIVERED));
    }

    @Test
    void anIncomingCallIsNotRetriedPastItsRinging() {
        service.answer(429, Map.of("retry-after", List.of("30")));

        delivery.start(SUBSCRIPTION, ringingFor(Duration.ofSeconds(20)));

        assertEquals(1, service.requests.size());
        assertEquals(1, metrics.total(Outcome.FAILED));
    }

    @Test
    void anIncomingCallThatStoppedRingingIsNotSent() {
        delivery.start(SUBSCRIPTION, ringingFor(Duration.ZERO));

        assertEquals(List.of(), service.requests);
        assertEquals(1, metrics.total(Outcome.EXPIRED));
    }

    @Test
    void goneSubscriptionsAreDeleted() {
        service.answer(404).answer(410);

        delivery.start(SUBSCRIPTION, missed());
        delivery.start(SUBSCRIPTION, missed());

        assertEquals(List.of(SUBSCRIPTION, SUBSCRIPTION), removed);
        assertEquals(2, metrics.total(Outcome.GONE));
        assertEquals(2, service.requests.size(), "not retried");
    }

    @Test
    void otherClientErrorsAreDroppedWithoutRetryOrDeletion() {
        service.answer(400).answer(403).answer(413);

        for (int i = 0; i < 3; i++) {
            delivery.start(SUBSCRIPTION, missed());
        }

        assertEquals(3, service.requests.size());
        assertEquals(3, metrics.total(Outcome.FAILED));
        assertEquals(List.of(), removed);
    }

    @Test
    void aBlockedAddressIsNotRetried() {
        service.fail(FetchFailure.BLOCKED_ADDRESS);

        delivery.start(SUBSCRIPTION, missed());

        assertEquals(1, service.requests.size());
        assertEquals(1, metrics.total(Outcome.FAILED));
    }

    @Test
    void aFullQueueDropsThePushAndSaysSo() {
        queue.full = true;

        assertFalse(delivery.start(SUBSCRIPTION, missed()));

        assertEquals(List.of(), service.requests);
        assertEquals(1, metrics.total(Outcome.QUEUE_FULL));
    }
}
