package org.callsign.server.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private static final PasswordHasher HASHER = new PasswordHasher(10);

    @Test
    void hashesWithBcryptAtTheConfiguredCostAndAFreshSalt() {
        String first = HASHER.hash("correct horse");
        String second = HASHER.hash("correct horse");
        assertTrue(first.startsWith("$2a$10$"), first);
        assertEquals(60, first.length());
        assertNotEquals(first, second);
    }

    @Test
    void matchesOnlyTheRightPassword() {
        String hash = HASHER.hash("correct horse");
        assertTrue(HASHER.matches("correct horse", hash));
        assertFalse(HASHER.matches("correct horsE", hash));
        assertFalse(HASHER.matches("", hash));
    }

    @Test
    void unreadableHashesNeverMatch() {
        assertFalse(HASHER.matches("anything", "not a hash"));
        assertFalse(HASHER.matches("anything", "$1$abc$def"));
    }

    @Test
    void dummyCheckIsAlwaysFalse() {
        assertFalse(HASHER.checkDummy("correct horse"));
        assertFalse(HASHER.checkDummy(null));
    }

    @Test
    void dummyHashHasTheConfiguredCostSoThatItsCheckTakesARealChecksTime() {
        String dummy = new PasswordHasher(12).dummyHash();
        assertTrue(dummy.startsWith("$2a$12$"), dummy);
        assertEquals(60, dummy.length());
        assertFalse(new PasswordHasher(12).needsRehash(dummy));
        assertTrue(new PasswordHasher(13).needsRehash(dummy));
        assertNotEquals(dummy, new PasswordHasher(12).dummyHash());
    }

    @Test
    void makingAHasherDoesNotHash() {
        // A bcrypt of cost 31 takes days: the dummy hash is not computed at construction.
        PasswordHasher hasher = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> new PasswordHasher(31));
        assertTrue(hasher.dummyHash().startsWith("$2a$31$"), hasher.dummyHash());
    }

    @Test
    void refusesCostsBelowTen() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(9));
        assertEquals("bcrypt cost must be 10 to 31: 9", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(32));
    }

    @Test
    void cheaperHashesNeedARehash() {
        String cheap = HASHER.hash("correct horse");
        assertFalse(HASHER.needsRehash(cheap));
        assertTrue(new PasswordHasher(11).needsRehash(cheap));
    }
}
