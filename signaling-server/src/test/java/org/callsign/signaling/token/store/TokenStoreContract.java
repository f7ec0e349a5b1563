package org.callsign.signaling.token.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@link TokenStore} contract as tests, for every implementation. */
public abstract class TokenStoreContract {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    /** The implementation under test; a later call opens the same data again, as after a restart. */
    protected abstract TokenStore reopen();

    static Token token(String clientId, Instant expires) {
        return new Token(clientId, "uid-" + clientId, 0, NOW, expires);
    }

    @Test
    void savedTokensAreFoundByKeyAndSurviveARestart() {
        reopen().save("key-1", token("alice", NOW.plusSeconds(60)));
        TokenStore store = reopen();
        assertEquals(Optional.of(token("alice", NOW.plusSeconds(60))), store.find("key-1"));
        assertEquals(Optional.empty(), store.find("key-2"));
        assertTrue(store.remove("key-1"));
        assertFalse(store.remove("key-1"));
    }

    @Test
    void removeClientRemovesOnlyThatClientsTokens() {
        TokenStore store = reopen();
        store.save("a1", token("alice", NOW.plusSeconds(60)));
        store.save("a2", token("alice", NOW.plusSeconds(60)));
        store.save("b1", token("bob", NOW.plusSeconds(60)));
        assertEquals(2, store.removeClient("alice"));
        assertEquals(0, store.removeClient("alice"));
        assertTrue(store.find("b1").isPresent());
    }

    @Test
    void removeExpiredRemovesTokensExpiredAtThatInstant() {
        TokenStore store = reopen();
        store.save("past", token("alice", NOW.minusSeconds(1)));
        store.save("now", token("alice", NOW));
        store.save("later", token("alice", NOW.plusSeconds(1)));
        assertEquals(2, store.removeExpired(NOW));
        assertTrue(store.find("later").isPresent());
    }
}
