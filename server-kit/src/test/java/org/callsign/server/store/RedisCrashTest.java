package org.callsign.server.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Nothing acknowledged is lost when redis-server is killed with SIGKILL mid-write and restarted on the same directory,
 * and an update is found whole or not at all.
 */
class RedisCrashTest {

    /** Writes to wait for before the kill. */
    private static final int ACKS_BEFORE_KILL = 200;

    private static final List<String> PAIR_KEYS = List.of("a", "b", "c", "d", "e");

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyAcknowledgedWriteSurvivesKillNineOfTheServer() throws Exception {
        AtomicInteger acknowledged = new AtomicInteger();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (KeyValueStore store = open()) {
            Future<?> writes = writer.submit(() -> {
                // Until the kill makes a write fail: a put, then an update of five keys to one value.
                for (int i = 0; ; i++) {
                    store.put(CrashWriter.NAMESPACE, CrashWriter.key(i), CrashWriter.value(i));
                    Map<String, byte[]> pair = new LinkedHashMap<>();
                    for (String key : PAIR_KEYS) {
                        pair.put(key, CrashWriter.value(i));
                    }
                    store.update("pairs", pair, List.of());
                    acknowledged.set(i + 1);
                }
            });
            while (acknowledged.get() < ACKS_BEFORE_KILL) {
                assertTrue(!writes.isDone(), "writer stopped early");
                Thread.sleep(5);
            }
            REDIS.kill();
            try {
                writes.get();
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue(e.getCause() instanceof StoreException, e.getCause().toString());
            }
        } finally {
            writer.shutdownNow();
        }
        int acked = acknowledged.get();

        REDIS.start();
        try (KeyValueStore store = open()) {
            for (int i = 0; i < acked; i++) {
                int entry = i;
                byte[] value = store.get(CrashWriter.NAMESPACE, CrashWriter.key(i))
                        .orElseThrow(() -> new AssertionError("acknowledged entry " + entry + " lost"));
                assertArrayEquals(CrashWriter.value(i), value, "entry " + i);
            }
            Map<String, byte[]> pairs = store.entries("pairs");
            Set<String> values = new HashSet<>();
            pairs.values().forEach(value -> values.add(new String(value)));
            assertEquals(PAIR_KEYS, List.copyOf(pairs.keySet()));
            assertEquals(1, values.size(), "an update was found half applied: " + values);
            int last = Integer.parseInt(values.iterator().next().replace("value of entry ", ""));
            assertTrue(last >= acked - 1, "acknowledged update " + (acked - 1) + " lost, found " + last);
        }
    }

    private static KeyValueStore open() {
        return RedisKeyValueStore.open(new RedisStoreOptions(REDIS.url(), "crash:"));
    }
}
