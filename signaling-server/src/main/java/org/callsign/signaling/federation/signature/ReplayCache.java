package org.callsign.signaling.federation.signature;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code jti}s of verified federation requests, per sender, each remembered until its {@code exp} and a {@link
 * #CLOCK_STEP_MARGIN} past it, so that a request is accepted once (RFC 7519 §4.1.7: the {@code jti} "can be used to
 * prevent the JWT from being replayed"). In memory for one process ({@link InMemoryReplayCache}), or in Redis and
 * shared by the nodes of a cluster ({@link RedisReplayCache}), where a request accepted by one node is a replay on
 * every other. Only requests whose signature verified reach it, so a forger cannot fill it. Thread-safe.
 */
public interface ReplayCache {

    /**
     * How long past {@code exp} an entry is kept: a request is accepted until its {@code exp}, so an entry dropped
     * at {@code exp} would become replayable if the clock then stepped back; this covers steps up to the margin.
     */
    Duration CLOCK_STEP_MARGIN = Duration.ofSeconds(30);

    /**
     * Remembers {@code jti} from {@code issuer} until {@code expires} (and the margin), unless it is remembered
     * already.
     *
     * @throws FederationAuthException {@link FederationAuthFailure#SIGNATURE_REPLAYED} if it is remembered already;
     *     {@link FederationAuthFailure#REPLAY_CACHE_FULL} or {@link FederationAuthFailure#REPLAY_CACHE_UNAVAILABLE} if
     *     the cache cannot tell now, so the request must be refused
     */
    void remember(String issuer, String jti, Instant expires) throws FederationAuthException;
}
