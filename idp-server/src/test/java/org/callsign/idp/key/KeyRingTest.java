package org.callsign.idp.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final KeyPolicy POLICY =
            new KeyPolicy(KeyAlgorithm.ES256, Duration.ofDays(30), Duration.ofMinutes(6));

    private static KeyRing started() {
        return KeyRing.empty()
                .withNext(SigningKey.generate(KeyAlgorithm.ES256, T0))
                .activateNext(T0)
                .withNext(SigningKey.generate(KeyAlgorithm.ES256, T0));
    }

    @Test
    void rotationMakesThePublishedNextKeyCurrent() {
        KeyRing ring = started();
        SigningKey oldCurrent = ring.current().orElseThrow();
        SigningKey oldNext = ring.next().orElseThrow();
        Instant later = T0.plus(Duration.ofDays(30));

        KeyRing rotated = ring.rotate(later, SigningKey.generate(KeyAlgorithm.ES256, later));

        assertEquals(oldNext.kid(), rotated.current().orElseThrow().kid());
        assertEquals(later, rotated.current().orElseThrow().activated());
        SigningKey retired = rotated.published().get(2);
        assertEquals(oldCurrent.kid(), retired.kid());
        assertEquals(KeyState.RETIRED, retired.state());
        assertEquals(later, retired.retired());
        assertFalse(List.of(oldCurrent.kid(), oldNext.kid())
                .contains(rotated.next().orElseThrow().kid()));
    }

    @Test
    void publishesCurrentThenNextThenNewestRetired() {
        Instant t1 = T0.plusSeconds(60);
        Instant t2 = T0.plusSeconds(120);
        KeyRing ring = started();
        ring = ring.rotate(t1, SigningKey.generate(KeyAlgorithm.ES256, t1));
        ring = ring.rotate(t2, SigningKey.generate(KeyAlgorithm.ES256, t2));

        List<KeyState> states = ring.published().stream().map(SigningKey::state).toList();
        assertEquals(List.of(KeyState.CURRENT, KeyState.NEXT, KeyState.RETIRED, KeyState.RETIRED), states);
        assertEquals(t2, ring.published().get(2).retired());
        assertEquals(t1, ring.published().get(3).retired());
    }

    @Test
    void rotationIsDueOnlyAfterThePeriod() {
        KeyRing ring = started();
        assertFalse(ring.rotationDue(T0.plus(Duration.ofDays(30)).minusSeconds(1), POLICY));
        assertTrue(ring.rotationDue(T0.plus(Duration.ofDays(30)), POLICY));
        assertFalse(KeyRing.empty().rotationDue(T0.plus(Duration.ofDays(300)), POLICY));
    }

    @Test
    void retiredKeyStaysUntilItsRetentionHasPassed() {
        Instant rotation = T0.plus(Duration.ofDays(30));
        KeyRing ring = started().rotate(rotation, SigningKey.generate(KeyAlgorithm.ES256, rotation));
        Instant expiry = rotation.plus(POLICY.retention());

        assertEquals(
                3,
                ring.withoutExpired(expiry.minusMillis(1), POLICY).published().size());
        KeyRing pruned = ring.withoutExpired(expiry, POLICY);
        assertEquals(2, pruned.published().size());
        assertTrue(pruned.published().stream().noneMatch(key -> key.state() == KeyState.RETIRED));
    }

    @Test
    void rotationNeedsACurrentAndANextKey() {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ES256, T0);
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> KeyRing.empty().rotate(T0, key));
        assertEquals("key ring has no current key", e.getMessage());
        KeyRing noNext = KeyRing.empty().withNext(key).activateNext(T0);
        e = assertThrows(IllegalStateException.class, () -> noNext.rotate(T0, key));
        assertEquals("key ring has no next key", e.getMessage());
    }

    @Test
    void refusesTwoCurrentKeys() {
        SigningKey a = SigningKey.generate(KeyAlgorithm.ES256, T0).activate(T0);
        SigningKey b = SigningKey.generate(KeyAlgorithm.ES256, T0).activate(T0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KeyRing(List.of(a, b)));
        assertEquals("key ring holds more than one current or next key", e.getMessage());
    }

    @Test
    void withNextReplacesAnUnusedNextKey() {
        KeyRing ring = started();
        SigningKey replacement = SigningKey.generate(KeyAlgorithm.EDDSA, T0);
        KeyRing replaced = ring.withNext(replacement);
        assertEquals(replacement, replaced.next().orElseThrow());
        assertEquals(2, replaced.keys().size());
        assertEquals(ring.current(), replaced.current());
    }
}
