package org.callsign.server.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OpaqueTokensTest {

    @Test
    void newSecretsAre43Base64UrlCharactersAndDiffer() {
        String one = OpaqueTokens.newSecret();
        assertTrue(OpaqueTokens.isWellFormed(one), one);
        assertNotEquals(one, OpaqueTokens.newSecret());
    }

    @Test
    void storeKeyIsTheSha256OfTheSecret() {
        // SHA-256 of the 43 "A" characters, base64url.
        assertEquals("DwBzhbb51LfusnSGBa_hqYSgo7-j8BTQnip4TOnlzRo", OpaqueTokens.storeKey("A".repeat(43)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {"short", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."})
    void refusesWhatIsNotASecret(String secret) {
        assertFalse(OpaqueTokens.isWellFormed(secret));
    }
}
