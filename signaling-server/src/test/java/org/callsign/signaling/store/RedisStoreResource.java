package org.callsign.signaling.store;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.callsign.server.store.LocalRedis;

/** A real redis-server for the application under test, and its store there. */
public class RedisStoreResource implements QuarkusTestResourceLifecycleManager {

    private final LocalRedis redis = new LocalRedis();

    @Override
    public Map<String, String> start() {
        return redis.start().storeConfig("callsign.signaling.store");
    }

    @Override
    public void stop() {
        redis.close();
    }
}
