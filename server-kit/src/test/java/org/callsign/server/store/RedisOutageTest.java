package org.callsign.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server that is down or hangs fails each call with a StoreException within the timeout, and never hangs it. */
class RedisOutageTest {

    // Long enough for opening (connect, CONFIG GET) on a loaded machine, short enough to tell a bounded wait from a
    // hang.
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void openingWithNoServerFailsAtOnce() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "redis://127.0.0.1:" + port;
        long start = System.nanoTime();
        StoreException e = assertThrows(
                StoreException.class,
                () -> RedisKeyValueStore.open(new RedisStoreOptions(url, "callsign:").withTimeout(TIMEOUT)));
        assertWithin(start, TIMEOUT);
        assertTrue(e.getMessage().startsWith("redis " + url + ": connecting failed: "), e.getMessage());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aKilledServerFailsCallsWithinTheTimeoutAndTheStoreRecoversWhenItIsBack() {
        try (KeyValueStore store = open()) {
            store.put("accounts", "alice", "one".getBytes());
            REDIS.kill();
            long start = System.nanoTime();
            StoreException e = assertThrows(StoreException.class, () -> store.get("accounts", "alice"));
            assertWithin(start, TIMEOUT);
            assertTrue(
                    e.getMessage().startsWith("redis " + REDIS.url() + ": read of namespace accounts "),
                    e.getMessage());
            REDIS.start();
            assertEquals("one", new String(store.get("accounts", "alice").orElseThrow()));
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aHungServerFailsCallsWithinTheTimeout() throws Exception {
        try (KeyValueStore store = open()) {
            store.put("accounts", "alice", "one".getBytes());
            signal("STOP");
            try {
                long start = System.nanoTime();
                StoreException e =
                        assertThrows(StoreException.class, () -> store.put("accounts", "bob", "two".getBytes()));
                assertWithin(start, TIMEOUT);
                assertEquals(
                        "redis " + REDIS.url() + ": write to namespace accounts got no answer within "
                                + TIMEOUT.toMillis() + " ms",
                        e.getMessage());
            } finally {
                signal("CONT");
            }
            assertEquals("one", new String(store.get("accounts", "alice").orElseThrow()));
        }
    }

    private KeyValueStore open() {
        return RedisKeyValueStore.open(new RedisStoreOptions(REDIS.url(), "callsign:").withTimeout(TIMEOUT));
    }

    /** At most the timeout and a margin for a busy machine. */
    private static void assertWithin(long startNanos, Duration timeout) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        assertTrue(took.compareTo(timeout.plusMillis(1500)) < 0, "took " + took.toMillis() + " ms");
    }

    private static void signal(String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(REDIS.pid()))
                .inheritIO()
                .start();
        assertEquals(0, kill.waitFor(), "kill -" + signal);
    }
}
