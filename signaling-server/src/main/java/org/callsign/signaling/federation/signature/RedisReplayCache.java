package org.callsign.signaling.federation.signature;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.callsign.server.cluster.RedisBus;
import org.callsign.server.store.StoreException;

/**
 * The {@link ReplayCache} of a cluster, in Redis and shared by every node on the key prefix, so that a request
 * accepted by one node is a replay on all the others. One key per request, {@code <prefix><issuer>\n<jti>} (an issuer
 * is an origin and holds no line feed, so a key names one pair), set by one atomic {@code SET key 1 NX PX <ms>}: the
 * first node to set it accepts the request, every later attempt is {@link FederationAuthFailure#SIGNATURE_REPLAYED}.
 * The key expires {@link #CLOCK_STEP_MARGIN} after {@code exp} as this node's clock counts, which also covers nodes
 * whose clocks differ by less than the margin. Not bounded by a count: only verified requests reach it, at most
 * {@code federation.requests-per-minute} per sender, each key living at most the request's lifetime and the margin.
 * A Redis that does not answer refuses the request ({@link FederationAuthFailure#REPLAY_CACHE_UNAVAILABLE}) rather
 * than let a possible replay through. Thread-safe.
 */
public final class RedisReplayCache implements ReplayCache {

    private final RedisBus redis;
    private final String prefix;
    private final Clock clock;

    /** A cache whose keys start with {@code prefix} ({@code <store prefix>replay:} on a cluster). */
    public RedisReplayCache(RedisBus redis, String prefix, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * {@inheritDoc}
     *
     * @throws FederationAuthException {@link FederationAuthFailure#SIGNATURE_REPLAYED} if a node remembers it
     *     already, {@link FederationAuthFailure#REPLAY_CACHE_UNAVAILABLE} if Redis does not answer
     * @throws IllegalArgumentException if {@code issuer} holds a line feed (it is not an origin)
     */
    @Override
    public void remember(String issuer, String jti, Instant expires) throws FederationAuthException {
        if (issuer.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(
                    "issuer " + FederationAuthException.quote(issuer) + " holds a line feed: not an origin");
        }
        long ttl = Math.max(
                1,
                Duration.between(clock.instant(), expires.plus(CLOCK_STEP_MARGIN))
                        .toMillis());
        Request set = Request.cmd(Command.SET)
                .arg(prefix + issuer + "\n" + jti)
                .arg("1")
                .arg("NX")
                .arg("PX")
                .arg(ttl);
        Response stored;
        try {
            stored = redis.call(set, "checking a federation request for replay");
        } catch (StoreException e) {
            throw new FederationAuthException(
                    FederationAuthFailure.REPLAY_CACHE_UNAVAILABLE,
                    "the replay cache did not answer; try again shortly",
                    e);
        }
        if (stored == null) {
            throw FederationAuthException.replayed(issuer, jti);
        }
    }
}
