package org.callsign.server.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
