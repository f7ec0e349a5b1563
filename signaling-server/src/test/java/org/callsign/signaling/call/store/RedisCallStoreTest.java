package org.callsign.signaling.call.store;

import java.util.concurrent.atomic.AtomicInteger;
import org.callsign.server.store.KeyValueStore;
import org.callsign.server.store.LocalRedis;
import org.callsign.server.store.RedisKeyValueStore;
import org.callsign.server.store.RedisStoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The call history on a real {@code redis-server} passes the contract, as the embedded store does. */
class RedisCallStoreTest extends CallStoreContract {
    private static final AtomicInteger TESTS = new AtomicInteger();

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private String prefix;
    private KeyValueStore store;

    @BeforeEach
    void prefix() {
        prefix = "calls" + TESTS.incrementAndGet() + ":";
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    @Override
    protected KeyValueStore reopen() {
        close();
        store = RedisKeyValueStore.open(new RedisStoreOptions(REDIS.url(), prefix));
        return store;
    }
}
