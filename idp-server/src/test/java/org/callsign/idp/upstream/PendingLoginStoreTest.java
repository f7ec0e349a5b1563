package org.callsign.idp.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.callsign.idp.upstream.store.PendingLogin;
import org.callsign.idp.upstream.store.PendingLoginStore;
import org.junit.jupiter.api.Test;

/** Pending upstream logins: each {@code state} is good once and only until it expires (RFC 6749 §10.12). */
class PendingLoginStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final PendingLoginStore store = new PendingLoginStore();

    @Test
    void aStateIsGoodOnce() {
        store.put("state-1", login(NOW.plusSeconds(600)), NOW);
        assertEquals("corp", store.take("state-1", NOW).orElseThrow().provider());
        assertTrue(store.take("state-1", NOW).isEmpty());
    }

    @Test
    void anExpiredStateIsRefusedAndGone() {
        store.put("state-2", login(NOW.plusSeconds(600)), NOW);
        assertTrue(store.take("state-2", NOW.plusSeconds(600)).isEmpty());
        assertTrue(store.take("state-2", NOW).isEmpty());
    }

    @Test
    void noStateFindsNothing() {
        assertTrue(store.take(null, NOW).isEmpty());
    }

    @Test
    void refusesMoreThanTheLimitUntilSomeExpire() {
        for (int i = 0; i < PendingLoginStore.MAX_PENDING; i++) {
            assertTrue(store.put("s" + i, login(NOW.plusSeconds(i < 10 ? 1 : 600)), NOW));
        }
        assertFalse(store.put("one-too-many", login(NOW.plusSeconds(600)), NOW));
        // Ten have expired a second later: their room is given to new logins.
        assertTrue(store.put("after-expiry", login(NOW.plusSeconds(600)), NOW.plusSeconds(1)));
    }

    @Test
    void toStringNamesNeitherVerifierNorNonce() {
        String text = login(NOW).toString();
        assertFalse(text.contains("verifier-secret") || text.contains("nonce-secret"), text);
    }

    private static PendingLogin login(Instant expires) {
        return new PendingLogin("corp", "nonce-secret", "verifier-secret", "hash", null, null, null, null, expires);
    }
}
