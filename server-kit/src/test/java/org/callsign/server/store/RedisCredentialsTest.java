package org.callsign.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Passwords and ACL users in the URL; a refusal is typed and never shows the password. */
class RedisCredentialsTest {

    private static final String PASSWORD = "default-p4ssword-never-shown";
    private static final String USER_PASSWORD = "alice-p4ssword-never-shown";

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis("--requirepass", PASSWORD);

    @BeforeAll
    static void addUser() {
        setUser("alice", "on", ">" + USER_PASSWORD, "~callsign:*", "&*", "+@all");
    }

    @Test
    void opensWithThePasswordOfTheDefaultUser() {
        String url = "redis://:" + PASSWORD + "@127.0.0.1:" + REDIS.port();
        try (KeyValueStore store = RedisKeyValueStore.open(new RedisStoreOptions(url, "callsign:default:"))) {
            store.put("accounts", "alice", "one".getBytes());
            assertEquals("one", new String(store.get("accounts", "alice").orElseThrow()));
        }
    }

    @Test
    void opensAsAnAclUser() {
        String url = "redis://alice:" + USER_PASSWORD + "@127.0.0.1:" + REDIS.port() + "/0";
        try (RedisKeyValueStore store = RedisKeyValueStore.open(new RedisStoreOptions(url, "callsign:alice:"))) {
            store.put("accounts", "alice", "one".getBytes());
            assertEquals(
                    "redis://alice@127.0.0.1:" + REDIS.port() + "/0",
                    store.options().endpoint());
        }
    }

    @Test
    void opensAsAnAclUserAllowedOnlyTheCommandsTheStoreSends() {
        // The ACL docs/operations.md gives.
        setUser(
                "narrow",
                "on",
                ">" + USER_PASSWORD,
                "resetkeys",
                "~callsign:narrow:*",
                "resetchannels",
                "-@all",
                "+hget",
                "+hgetall",
                "+hset",
                "+hdel",
                "+multi",
                "+exec",
                "+ping",
                "+hello",
                "+auth",
                "+config|get");
        String url = "redis://narrow:" + USER_PASSWORD + "@127.0.0.1:" + REDIS.port();
        try (KeyValueStore store = RedisKeyValueStore.open(new RedisStoreOptions(url, "callsign:narrow:"))) {
            store.put("accounts", "alice", "one".getBytes());
            store.update("accounts", Map.of("bob", "two".getBytes()), List.of("alice"));
            assertTrue(store.remove("accounts", "bob"));
            assertEquals(Map.of(), store.entries("accounts"));
        }
        try (KeyValueStore other = RedisKeyValueStore.open(new RedisStoreOptions(url, "callsign:other:"))) {
            StoreException e = assertThrows(StoreException.class, () -> other.get("accounts", "alice"));
            assertTrue(e.getMessage().contains("NOPERM"), e.getMessage());
        }
    }

    @Test
    void aWrongPasswordFailsWithoutShowingIt() {
        String wrong = "wrong-" + PASSWORD;
        String url = "redis://alice:" + wrong + "@127.0.0.1:" + REDIS.port();
        StoreException e = assertThrows(
                StoreException.class, () -> RedisKeyValueStore.open(new RedisStoreOptions(url, "callsign:")));
        assertEquals(
                "redis redis://alice@127.0.0.1:" + REDIS.port() + ": connecting failed: WRONGPASS invalid"
                        + " username-password pair or user is disabled.",
                e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(wrong), t.toString());
            assertFalse(t.toString().contains(wrong), t.toString());
        }
    }

    @Test
    void noPasswordFailsWithNoAuth() {
        StoreException e = assertThrows(
                StoreException.class, () -> RedisKeyValueStore.open(new RedisStoreOptions(REDIS.url(), "callsign:")));
        assertEquals("redis " + REDIS.url() + ": connecting failed: NOAUTH Authentication required.", e.getMessage());
    }

    /** {@code ACL SETUSER name rules...}, as the default user. */
    private static void setUser(String name, String... rules) {
        List<String> arguments = new ArrayList<>(List.of("-a", PASSWORD, "--no-auth-warning", "ACL", "SETUSER", name));
        arguments.addAll(List.of(rules));
        REDIS.cli(arguments.toArray(String[]::new));
    }
}
