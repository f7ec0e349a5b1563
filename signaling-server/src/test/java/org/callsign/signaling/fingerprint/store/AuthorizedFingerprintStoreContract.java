package org.callsign.signaling.fingerprint.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@link AuthorizedFingerprintStore} contract as tests, for every implementation. */
public abstract class AuthorizedFingerprintStoreContract {

    private static final Instant ADDED = Instant.parse("2030-01-01T00:00:00Z");

    /** The implementation under test; a later call opens the same data again, as after a restart. */
    protected abstract AuthorizedFingerprintStore reopen();

    static AuthorizedFingerprint entry(String hexByte, String label) {
        return new AuthorizedFingerprint(hexByte.repeat(32), label, ADDED);
    }

    @Test
    void replaceAllMakesTheSetExactlyTheGivenOneAndItSurvivesARestart() {
        reopen().replaceAll(List.of(entry("BB", "phone"), entry("AA", "laptop")));
        assertEquals(List.of(entry("AA", "laptop"), entry("BB", "phone")), reopen().list());
        reopen().replaceAll(List.of(entry("BB", "new label"), entry("CC", "")));
        assertEquals(List.of(entry("BB", "new label"), entry("CC", "")), reopen().list());
        assertEquals(Optional.of(entry("CC", "")), reopen().find("CC".repeat(32)));
        assertEquals(Optional.empty(), reopen().find("AA".repeat(32)));
        reopen().replaceAll(List.of());
        assertEquals(List.of(), reopen().list());
    }
}
