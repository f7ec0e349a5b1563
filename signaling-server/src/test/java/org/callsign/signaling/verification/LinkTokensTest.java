package org.callsign.signaling.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.verification.service.LinkClaims;
import org.callsign.signaling.verification.service.LinkTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkTokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final LinkTokens TOKENS = new LinkTokens(KEY);
    private static final String FINGERPRINT = "AB".repeat(32);
    private static final LinkClaims CLAIMS = new LinkClaims(
            LinkClaims.VERSION,
            "link-1",
            "alice",
            "device-1",
            LinkClaims.fingerprintDigest(FINGERPRINT),
            1_893_456_000L);

    private static void refused(String token, String message) {
        ApiException e = assertThrows(ApiException.class, () -> TOKENS.verify(token));
        assertEquals(ApiError.LINK_INVALID, e.error());
        assertEquals(message, e.getMessage());
    }

    private static String payload(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSignedTokenGivesBackItsClaims() {
        String token = TOKENS.sign(CLAIMS);
        assertEquals(CLAIMS, TOKENS.verify(token));
        assertTrue(CLAIMS.names(FINGERPRINT));
        assertFalse(CLAIMS.names("CD".repeat(32)));
    }

    @Test
    void thePayloadIsTheClaimsAsJsonInAFixedOrder() {
        String token = TOKENS.sign(CLAIMS);
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertEquals(
                "{\"v\":1,\"id\":\"link-1\",\"client\":\"alice\",\"device\":\"device-1\",\"fp\":\"" + CLAIMS.fp()
                        + "\",\"exp\":1893456000}",
                json);
    }

    @Test
    void aTokenOfAnotherKeyIsRefused() {
        byte[] other = Arrays.copyOf(KEY, KEY.length);
        other[0] ^= 1;
        refused(new LinkTokens(other).sign(CLAIMS), "verification link is not signed by this server");
    }

    @Test
    void changedClaimsUnderTheOldSignatureAreRefused() {
        String signature = TOKENS.sign(CLAIMS).split("\\.")[1];
        String changed = payload("{\"v\":1,\"id\":\"link-1\",\"client\":\"mallory\",\"device\":\"device-1\",\"fp\":\""
                + CLAIMS.fp() + "\",\"exp\":1893456000}");
        refused(changed + "." + signature, "verification link is not signed by this server");
    }

    @Test
    void aSignedTokenOfAnotherFormatIsRefused() {
        LinkClaims future = new LinkClaims(2, "link-1", "alice", "device-1", CLAIMS.fp(), 1_893_456_000L);
        refused(TOKENS.sign(future), "verification link is of an unknown format");
        LinkClaims incomplete = new LinkClaims(1, "link-1", "alice", null, CLAIMS.fp(), 1_893_456_000L);
        refused(TOKENS.sign(incomplete), "verification link is of an unknown format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no-dot", "a.b", "payload.!!!", "a.b.c"})
    void malformedTokensAreRefused(String token) {
        refused(token, "verification link is malformed");
    }

    @Test
    void anOverlongTokenIsRefusedBeforeAnyWork() {
        refused("a".repeat(LinkTokens.MAX_LENGTH) + "." + "b".repeat(43), "verification link is malformed");
    }

    @Test
    void aShortKeyIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LinkTokens(new byte[16]));
        assertEquals("a link signing key needs at least 32 bytes", e.getMessage());
    }
}
