package org.callsign.server.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.Optional;
import org.callsign.server.cluster.RedisBus;
import org.callsign.server.store.LocalRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rate limits and lockouts in a real {@code redis-server}, shared by two processes' connections on one prefix. */
class RedisLimitsTest {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private RedisBus first;
    private RedisBus second;

    @BeforeEach
    void connectTwice() {
        first = REDIS.bus(Duration.ofSeconds(2));
        second = REDIS.bus(Duration.ofSeconds(2));
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void twoProcessesShareOneBucket() {
        TokenBuckets a = new RedisTokenBuckets(first, "limits:shared:", 5, Duration.ofMinutes(1));
        TokenBuckets b = new RedisTokenBuckets(second, "limits:shared:", 5, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), a.acquire("192.0.2.1"));
        }
        assertEquals(Optional.empty(), b.acquire("192.0.2.1"));
        assertEquals(Optional.empty(), b.acquire("192.0.2.1"));
        Duration wait = a.acquire("192.0.2.1").orElseThrow();
        assertTrue(wait.compareTo(Duration.ZERO) > 0 && wait.compareTo(Duration.ofSeconds(12)) <= 0, wait.toString());
        assertTrue(b.acquire("192.0.2.1").isPresent(), "the other process sees the empty bucket");
        assertEquals(Optional.empty(), b.acquire("192.0.2.2"), "another key has its own bucket");
    }

    @Test
    void aBucketRefillsWithTimeAndThenExpires() throws InterruptedException {
        TokenBuckets buckets = new RedisTokenBuckets(first, "limits:refill:", 2, Duration.ofMillis(400));
        assertEquals(Optional.empty(), buckets.acquire("k"));
        assertEquals(Optional.empty(), buckets.acquire("k"));
        assertTrue(buckets.acquire("k").isPresent());
        Thread.sleep(250);
        assertEquals(Optional.empty(), buckets.acquire("k"), "one token back after half the period");
        Thread.sleep(450);
        assertEquals(0, exists("limits:refill:k"), "a full bucket's key has expired");
    }

    @Test
    void failuresSpreadOverTwoProcessesLockTheKeyWithBackOff() {
        Lockouts a = new RedisLockouts(first, "limits:lock:", 3, Duration.ofSeconds(30), Duration.ofMinutes(15));
        Lockouts b = new RedisLockouts(second, "limits:lock:", 3, Duration.ofSeconds(30), Duration.ofMinutes(15));
        assertEquals(Optional.empty(), a.recordFailure("client"));
        assertEquals(Optional.empty(), b.recordFailure("client"));
        assertEquals(Optional.empty(), a.lockedFor("client"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), a.recordFailure("client"));
        Duration left = b.lockedFor("client").orElseThrow();
        assertTrue(left.compareTo(Duration.ofSeconds(29)) > 0, left.toString());
        assertEquals(Optional.of(Duration.ofMinutes(1)), b.recordFailure("client"), "each further failure doubles");
        for (int i = 0; i < 10; i++) {
            b.recordFailure("client");
        }
        assertEquals(Optional.of(Duration.ofMinutes(15)), a.recordFailure("client"), "up to the maximum");
        a.recordSuccess("client");
        assertEquals(Optional.empty(), b.lockedFor("client"), "a success clears the key everywhere");
        assertEquals(Optional.empty(), b.recordFailure("client"), "and counting starts over");
    }

    @Test
    void aLockoutEndsAndTheKeyExpiresAfterTheMaximum() throws InterruptedException {
        Lockouts lockouts = new RedisLockouts(first, "limits:end:", 1, Duration.ofMillis(150), Duration.ofMillis(300));
        assertEquals(Optional.of(Duration.ofMillis(150)), lockouts.recordFailure("ip"));
        assertTrue(lockouts.lockedFor("ip").isPresent());
        Thread.sleep(200);
        assertFalse(lockouts.lockedFor("ip").isPresent(), "the lockout is over");
        Thread.sleep(350);
        assertEquals(0, exists("limits:end:ip"), "quiet past the maximum: the key is gone, so counting starts over");
    }

    private long exists(String key) {
        return first.call(Request.cmd(Command.EXISTS).arg(key), "exists").toLong();
    }
}
