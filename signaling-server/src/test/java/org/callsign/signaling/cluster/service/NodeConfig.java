package org.callsign.signaling.cluster.service;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import org.callsign.server.store.LocalRedis;
import org.callsign.signaling.config.SignalingConfig;

/** The configuration of an in-process cluster node on a test's {@code redis-server}. */
public final class NodeConfig {
    private NodeConfig() {}

    /** A node on {@code redis} under key prefix {@code prefix}: heartbeat 1 s, node timeout 5 s. */
    public static SignalingConfig of(LocalRedis redis, String prefix) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withMapping(SignalingConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter());
        redis.storeConfig("callsign.signaling.store").forEach(builder::withDefaultValue);
        builder.withDefaultValue("callsign.signaling.store.redis.key-prefix", prefix);
        builder.withDefaultValue("callsign.signaling.cluster.enabled", "true");
        builder.withDefaultValue("callsign.signaling.cluster.heartbeat", "1s");
        builder.withDefaultValue("callsign.signaling.cluster.node-timeout", "5s");
        return builder.build().getConfigMapping(SignalingConfig.class);
    }
}
