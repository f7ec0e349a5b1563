package org.callsign.signaling.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wire codes and statuses of docs/federation.md, spelt out so that a rename cannot change them silently. */
class FederationAuthFailureTest {

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({
        "SIGNATURE_MISSING,      signature-missing,      401",
        "SIGNATURE_MALFORMED,    signature-malformed,    401",
        "SIGNATURE_WRONG_TARGET, signature-wrong-target, 401",
        "SIGNATURE_EXPIRED,      signature-expired,      401",
        "DIGEST_MISMATCH,        digest-mismatch,        401",
        "SENDER_UNKNOWN,         sender-unknown,         401",
        "SIGNATURE_INVALID,      signature-invalid,      401",
        "SIGNATURE_REPLAYED,     signature-replayed,     401",
        "REPLAY_CACHE_FULL,      replay-cache-full,      503",
        "REPLAY_CACHE_UNAVAILABLE, replay-cache-unavailable, 503",
        "SENDERS_BUSY,           senders-busy,           503"
    })
    void hasItsDocumentedCodeAndStatus(FederationAuthFailure failure, String code, int status) {
        assertEquals(code, failure.code());
        assertEquals(status, failure.status());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {"plain | plain", "'' | ''"})
    void quotesShortValuesUnchanged(String value, String quoted) {
        assertEquals(quoted, FederationAuthException.quote(value));
    }
}
