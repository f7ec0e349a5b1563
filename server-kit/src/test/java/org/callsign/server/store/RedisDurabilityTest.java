package org.callsign.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A server that may lose acknowledged writes is refused, unless weak durability is allowed. */
class RedisDurabilityTest {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private static final String PREFIX = "durability:";

    @AfterEach
    void restoreDurableSettings() {
        REDIS.cli("CONFIG", "SET", "appendonly", "yes");
        REDIS.cli("CONFIG", "SET", "appendfsync", "always");
        REDIS.cli("CONFIG", "SET", "no-appendfsync-on-rewrite", "no");
    }

    @Test
    void opensAServerThatFsyncsEveryWrite() {
        try (RedisKeyValueStore store = RedisKeyValueStore.open(new RedisStoreOptions(REDIS.url(), PREFIX))) {
            store.put("accounts", "alice", "one".getBytes());
        }
    }

    @ParameterizedTest
    @CsvSource({"appendonly, no", "appendfsync, everysec", "appendfsync, no", "no-appendfsync-on-rewrite, yes"})
    void refusesAServerThatMayLoseAcknowledgedWrites(String setting, String value) {
        REDIS.cli("CONFIG", "SET", setting, value);
        StoreException e = assertThrows(
                StoreException.class, () -> RedisKeyValueStore.open(new RedisStoreOptions(REDIS.url(), PREFIX)));
        assertEquals(
                "redis " + REDIS.url() + ": runs " + setting + " " + value + ", so a write it acknowledges can be lost"
                        + " if it crashes; the store needs appendonly yes, appendfsync always,"
                        + " no-appendfsync-on-rewrite no, or allow weak durability (allow-weak-durability) for data"
                        + " that may be lost",
                e.getMessage());
    }

    @Test
    void opensAWeakServerWhenWeakDurabilityIsAllowed() {
        REDIS.cli("CONFIG", "SET", "appendonly", "no");
        RedisStoreOptions options = new RedisStoreOptions(REDIS.url(), PREFIX).withAllowWeakDurability(true);
        try (RedisKeyValueStore store = RedisKeyValueStore.open(options)) {
            store.put("cache", "k", "v".getBytes());
            assertEquals("v", REDIS.cli("HGET", PREFIX + "cache", "k"));
        }
    }

    @Test
    void saysSoWhenAnAclDeniesConfigAndOpensWhenWeakDurabilityIsAllowed() {
        REDIS.cli("ACL", "SETUSER", "noconfig", "on", ">noconfig-secret", "~*", "&*", "+@all", "-config");
        String url = "redis://noconfig:noconfig-secret@127.0.0.1:" + REDIS.port();
        StoreException e =
                assertThrows(StoreException.class, () -> RedisKeyValueStore.open(new RedisStoreOptions(url, PREFIX)));
        String endpoint = "redis://noconfig@127.0.0.1:" + REDIS.port();
        assertEquals(
                "redis " + endpoint + ": CONFIG GET appendonly failed: NOPERM this user has no permissions to run the"
                        + " 'config|get' command; without CONFIG GET the store cannot check that the server runs"
                        + " appendonly yes, appendfsync always, no-appendfsync-on-rewrite no: if the operator disabled"
                        + " CONFIG, grant +config|get, or allow weak durability (allow-weak-durability) for data that"
                        + " may be lost",
                e.getMessage());
        assertTrue(!e.getMessage().contains("noconfig-secret"), e.getMessage());
        RedisStoreOptions allowed = new RedisStoreOptions(url, PREFIX).withAllowWeakDurability(true);
        try (RedisKeyValueStore store = RedisKeyValueStore.open(allowed)) {
            store.put("cache", "k", "v".getBytes());
        }
    }
}
