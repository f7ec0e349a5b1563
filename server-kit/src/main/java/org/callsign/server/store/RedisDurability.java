package org.callsign.server.store;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The check {@link RedisKeyValueStore#open} makes before it trusts a server with durable data: that the server writes
 * and fsyncs its append-only file before it answers a write, so that an acknowledged write survives {@code kill -9} of
 * the server (Redis persistence documentation, "AOF": {@code appendfsync always}). Redis 7.0 has no {@code WAITAOF}
 * that would ask this per write.
 */
final class RedisDurability {

    /** Each setting read with {@code CONFIG GET}, and the value the store needs. */
    static final Map<String, String> REQUIRED = required();

    /** Names the switch that opens the store anyway, in every refusal. */
    static final String OPT_OUT = "allow weak durability (allow-weak-durability) for data that may be lost";

    private static final Logger LOG = System.getLogger(RedisDurability.class.getName());

    private RedisDurability() {}

    /**
     * Reads each {@link #REQUIRED} setting of the store's server.
     *
     * @throws StoreException if a setting has another value, or the server refuses {@code CONFIG GET}, and the store's
     *     options do not allow weak durability; when they do, the same finding is logged as a warning
     */
    static void check(RedisKeyValueStore store) {
        for (Map.Entry<String, String> setting : REQUIRED.entrySet()) {
            String name = setting.getKey();
            String wanted = setting.getValue();
            String actual;
            try {
                Response reply =
                        store.call(Request.cmd(Command.CONFIG).arg("GET").arg(name), "CONFIG GET " + name);
                actual = reply != null && reply.size() == 2 ? reply.get(1).toString() : "(unknown)";
            } catch (StoreException e) {
                refuse(
                        store,
                        e.getMessage() + "; without CONFIG GET the store cannot check that the server runs "
                                + settings() + ": if the operator disabled CONFIG, grant +config|get, or " + OPT_OUT);
                return;
            }
            if (!wanted.equals(actual)) {
                refuse(
                        store,
                        store.prefix() + "runs " + name + " " + actual
                                + ", so a write it acknowledges can be lost if it crashes; the store needs "
                                + settings()
                                + ", or " + OPT_OUT);
            }
        }
    }

    private static void refuse(RedisKeyValueStore store, String message) {
        if (!store.options().allowWeakDurability()) {
            throw new StoreException(message);
        }
        LOG.log(Level.WARNING, "weak durability allowed: {0}", message);
    }

    private static String settings() {
        StringBuilder text = new StringBuilder();
        REQUIRED.forEach((name, value) -> text.append(text.length() == 0 ? "" : ", ")
                .append(name)
                .append(' ')
                .append(value));
        return text.toString();
    }

    private static Map<String, String> required() {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("appendonly", "yes");
        required.put("appendfsync", "always");
        required.put("no-appendfsync-on-rewrite", "no");
        return Collections.unmodifiableMap(required);
    }
}
