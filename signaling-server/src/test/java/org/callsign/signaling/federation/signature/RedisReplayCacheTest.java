package org.callsign.signaling.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.time.Instant;
import org.callsign.server.cluster.RedisBus;
import org.callsign.server.store.LocalRedis;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The replay cache of a cluster in a real {@code redis-server}, shared by two nodes' connections on one prefix. */
class RedisReplayCacheTest {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private static final String PREFIX = "callsign:test:replay:";
    private static final String A = "https://sig-a.example";
    private static final String B = "https://sig-c.example";
    private static final String JTI = "c2lnbmVkLW9uY2UtMTIzNDU2";

    private final MutableClock clock = new MutableClock(Instant.now());
    private RedisBus first;
    private RedisBus second;
    private ReplayCache one;
    private ReplayCache other;

    @BeforeEach
    void twoNodes() {
        first = REDIS.bus(Duration.ofSeconds(2));
        second = REDIS.bus(Duration.ofSeconds(2));
        one = new RedisReplayCache(first, PREFIX, clock);
        other = new RedisReplayCache(second, PREFIX, clock);
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    private static FederationAuthException refusal(ReplayCache cache, String issuer, String jti, Instant expires) {
        return assertThrows(FederationAuthException.class, () -> cache.remember(issuer, jti, expires));
    }

    @Test
    void acceptsTheFirstUseAndRefusesAReplayOnEveryNode() throws Exception {
        Instant expires = clock.instant().plusSeconds(60);
        one.remember(A, JTI + "first", expires);

        FederationAuthException replayed = refusal(other, A, JTI + "first", expires);
        assertEquals(FederationAuthFailure.SIGNATURE_REPLAYED, replayed.failure());
        assertEquals(
                "jti c2lnbmVkLW9uY2UtMTIzNDU2first from https://sig-a.example was seen before", replayed.getMessage());
        assertEquals(
                FederationAuthFailure.SIGNATURE_REPLAYED,
                refusal(one, A, JTI + "first", expires).failure());
    }

    @Test
    void keepsIssuersApart() throws Exception {
        Instant expires = clock.instant().plusSeconds(60);
        one.remember(A, JTI + "apart", expires);
        other.remember(B, JTI + "apart", expires);
        assertEquals("1", REDIS.cli("EXISTS", PREFIX + B + "\n" + JTI + "apart"), "one key per issuer and jti");
    }

    @Test
    void keepsAnEntryUntilTheMarginPastExp() throws Exception {
        one.remember(A, JTI + "kept", clock.instant().plusSeconds(60));
        long ttl = first.call(Request.cmd(Command.PTTL).arg(PREFIX + A + "\n" + JTI + "kept"), "pttl")
                .toLong();
        long expected =
                Duration.ofSeconds(60).plus(ReplayCache.CLOCK_STEP_MARGIN).toMillis();
        assertTrue(ttl > expected - 2_000 && ttl <= expected, "expires in " + ttl + " ms");
    }

    @Test
    void forgetsAnEntryOnceItHasExpired() throws Exception {
        // exp and the margin end 200 ms from now, as this node's clock counts.
        Instant expires = clock.instant().minus(ReplayCache.CLOCK_STEP_MARGIN).plusMillis(200);
        one.remember(A, JTI + "expiring", expires);
        assertEquals(
                FederationAuthFailure.SIGNATURE_REPLAYED,
                refusal(other, A, JTI + "expiring", expires).failure());
        Thread.sleep(400);
        other.remember(A, JTI + "expiring", expires);
    }

    @Test
    void refusesEveryRequestWhileRedisIsDown() throws Exception {
        REDIS.kill();
        try {
            FederationAuthException down =
                    refusal(one, A, JTI + "down", clock.instant().plusSeconds(60));
            assertEquals(FederationAuthFailure.REPLAY_CACHE_UNAVAILABLE, down.failure());
            assertEquals(503, down.failure().status());
            assertEquals("the replay cache did not answer; try again shortly", down.getMessage());
        } finally {
            REDIS.start();
        }
    }
}
