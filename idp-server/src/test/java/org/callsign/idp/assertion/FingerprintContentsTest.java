package org.callsign.idp.assertion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.stream.Stream;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.ApiException;
import org.callsign.idp.assertion.service.FingerprintContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FingerprintContentsTest {

    private static final String SHA256 = "AB:" + "CD:".repeat(30) + "EF";

    private static String contents(String entry) {
        return "{\"fingerprint\":[" + entry + "]}";
    }

    static Stream<String> acceptsTheFingerprintObjectExactlyAsGiven() {
        return Stream.of(
                contents("{\"algorithm\":\"sha-256\",\"digest\":\"" + SHA256 + "\"}"),
                " {\"fingerprint\" : [ {\"digest\":\"" + SHA256.toLowerCase(Locale.ROOT)
                        + "\", \"algorithm\":\"SHA-256\"}," + "{\"algorithm\":\"sha-1\",\"digest\":\""
                        + "00:".repeat(19) + "FF\"} ] } ");
    }

    @ParameterizedTest
    @MethodSource
    void acceptsTheFingerprintObjectExactlyAsGiven(String json) {
        assertEquals(json, FingerprintContents.require(json));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not JSON | {fingerprint: | contents is not valid JSON",
                "an array | [1] | contents must be a JSON object",
                "a string | \"x\" | contents must be a JSON object",
                "trailing data | {\"fingerprint\":[]} {} | contents is not valid JSON",
                "no fingerprint | {} | contents.fingerprint must be an array",
                "extra member | {\"fingerprint\":[],\"x\":1} | contents has an unexpected member 'x'",
                "duplicate member | {\"fingerprint\":[],\"fingerprint\":[]} | contents is not valid JSON",
                "empty list | {\"fingerprint\":[]} | contents.fingerprint is empty",
                "entry not an object | {\"fingerprint\":[1]} | contents.fingerprint[0] must be an object",
                "md5 | {\"fingerprint\":[{\"algorithm\":\"md5\",\"digest\":\"AB\"}]}"
                        + " | contents.fingerprint[0].algorithm must be one of sha-1, sha-224, sha-256, sha-384, sha-512",
                "digest of the wrong length | {\"fingerprint\":[{\"algorithm\":\"sha-256\",\"digest\":\"AB:CD\"}]}"
                        + " | contents.fingerprint[0].digest must be 32 hex pairs joined by ':'",
                "digest not a string | {\"fingerprint\":[{\"algorithm\":\"sha-256\",\"digest\":1}]}"
                        + " | contents.fingerprint[0].digest must be a string",
            })
    void refusesAnythingElse(String name, String json, String message) {
        ApiException e = assertThrows(ApiException.class, () -> FingerprintContents.require(json));
        assertEquals(ApiError.INVALID_REQUEST, e.error());
        assertEquals(message, e.getMessage());
    }

    @Test
    void refusesTooManyAndTooLong() {
        String entry = "{\"algorithm\":\"sha-256\",\"digest\":\"" + SHA256 + "\"}";
        String seventeen = contents((entry + ",").repeat(16) + entry);
        ApiException e = assertThrows(ApiException.class, () -> FingerprintContents.require(seventeen));
        assertEquals("contents is longer than 2048 characters", e.getMessage());
        String extra = contents((entry + ",").repeat(16) + "{}").replace(SHA256, "AB");
        assertEquals(
                "contents.fingerprint has more than 16 entries",
                assertThrows(ApiException.class, () -> FingerprintContents.require(extra))
                        .getMessage());
    }
}
