package org.callsign.signaling.federation.signature;

import static org.callsign.signaling.federation.signature.FederationAuthFailure.DIGEST_MISMATCH;
import static org.callsign.signaling.federation.signature.FederationAuthFailure.SIGNATURE_EXPIRED;
import static org.callsign.signaling.federation.signature.FederationAuthFailure.SIGNATURE_MALFORMED;
import static org.callsign.signaling.federation.signature.FederationAuthFailure.SIGNATURE_MISSING;
import static org.callsign.signaling.federation.signature.FederationAuthFailure.SIGNATURE_WRONG_TARGET;
import static org.callsign.signaling.federation.signature.FederationFixture.BODY;
import static org.callsign.signaling.federation.signature.FederationFixture.EMPTY_DIGEST;
import static org.callsign.signaling.federation.signature.FederationFixture.INVITES;
import static org.callsign.signaling.federation.signature.FederationFixture.NOW;
import static org.callsign.signaling.federation.signature.FederationFixture.RECEIVER;
import static org.callsign.signaling.federation.signature.FederationFixture.SENDER;
import static org.callsign.signaling.federation.signature.FederationFixture.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Headers that are not the documented JWS: each rule broken on its own, signed with the sender's real key so that it
 * fails on that rule and not on the signature, and with the code and exact message docs/federation.md implies.
 */
class BrokenSignatureTest {

    private final FederationFixture servers = new FederationFixture();

    private FederationAuthException refusal(String headerValue) {
        return assertThrows(FederationAuthException.class, () -> servers.verify(headerValue));
    }

    private FederationAuthFailure failure(String headerValue) {
        return refusal(headerValue).failure();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @NullSource
    @ValueSource(strings = {"", "   "})
    void refusesAMissingHeader(String headerValue) {
        FederationAuthException e = refusal(headerValue);
        assertEquals(SIGNATURE_MISSING, e.failure());
        assertEquals("no Callsign-Signature header", e.getMessage());
    }

    static Stream<Arguments> tamperedRequests() {
        return Stream.of(
                tampered(
                        "aud of another server",
                        (h, c) -> c.put("aud", "https://sig-c.example"),
                        SIGNATURE_WRONG_TARGET,
                        "aud https://sig-c.example is not https://sig-b.example"),
                tampered(
                        "aud with a path",
                        (h, c) -> c.put("aud", RECEIVER + "/"),
                        SIGNATURE_WRONG_TARGET,
                        "aud https://sig-b.example/ is not https://sig-b.example"),
                tampered(
                        "aud as an array",
                        (h, c) -> c.put("aud", List.of(RECEIVER)),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature aud is not a string"),
                tampered("htm GET", (h, c) -> c.put("htm", "GET"), SIGNATURE_WRONG_TARGET, "htm GET is not POST"),
                tampered(
                        "htm in lower case",
                        (h, c) -> c.put("htm", "post"),
                        SIGNATURE_WRONG_TARGET,
                        "htm post is not POST"),
                tampered(
                        "htu of another path",
                        (h, c) -> c.put("htu", RECEIVER + "/federation/v1/calls/x/events"),
                        SIGNATURE_WRONG_TARGET,
                        "htu https://sig-b.example/federation/v1/calls/x/events is not " + INVITES),
                tampered(
                        "htu with a query",
                        (h, c) -> c.put("htu", INVITES + "?a=b"),
                        SIGNATURE_WRONG_TARGET,
                        "htu " + INVITES + "?a=b is not " + INVITES),
                tampered(
                        "htu missing",
                        (h, c) -> c.remove("htu"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature htu is missing"),
                tampered("expired a second ago", (h, c) -> times(c, -61, -1), SIGNATURE_EXPIRED, "expired 1 s ago"),
                tampered("expiring this second", (h, c) -> times(c, -60, 0), SIGNATURE_EXPIRED, "expired 0 s ago"),
                tampered(
                        "issued 31 s in the future",
                        (h, c) -> times(c, 31, 91),
                        SIGNATURE_EXPIRED,
                        "iat is 31 s ahead of this server's clock, more than 30 s"),
                tampered(
                        "exp - iat of 61 s",
                        (h, c) -> times(c, 0, 61),
                        SIGNATURE_EXPIRED,
                        "exp - iat is 61 s, not 1 to 60"),
                tampered(
                        "exp - iat of a day",
                        (h, c) -> times(c, -10, 86_390),
                        SIGNATURE_EXPIRED,
                        "exp - iat is 86400 s, not 1 to 60"),
                tampered(
                        "exp before iat",
                        (h, c) -> times(c, 20, 10),
                        SIGNATURE_EXPIRED,
                        "exp - iat is -10 s, not 1 to 60"),
                tampered(
                        "iat as a string",
                        (h, c) -> c.put("iat", String.valueOf(NOW.getEpochSecond())),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature iat is not a whole number of seconds"),
                tampered(
                        "iat with a fraction",
                        (h, c) -> c.put("iat", NOW.getEpochSecond() + 0.5),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature iat is not a whole number of seconds"),
                tampered(
                        "iat far in the past",
                        (h, c) -> c.put("iat", Long.MIN_VALUE),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature iat -9223372036854775808 is out of range"),
                tampered(
                        "exp missing",
                        (h, c) -> c.remove("exp"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature exp is missing"),
                tampered(
                        "iss with a path",
                        (h, c) -> c.put("iss", SENDER + "/federation"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature iss https://sig-a.example/federation is not an https origin"),
                tampered(
                        "iss with a trailing slash",
                        (h, c) -> c.put("iss", SENDER + "/"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature iss https://sig-a.example/ is not an https origin"),
                tampered(
                        "iss with user info",
                        (h, c) -> c.put("iss", "https://mallory@sig-a.example"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature iss https://mallory@sig-a.example is not an https origin"),
                tampered(
                        "iss with a query",
                        (h, c) -> c.put("iss", SENDER + "?x=1"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature iss https://sig-a.example?x=1 is not an https origin"),
                tampered(
                        "iss with a fragment",
                        (h, c) -> c.put("iss", SENDER + "#x"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature iss https://sig-a.example#x is not an https origin"),
                tampered(
                        "iss over http",
                        (h, c) -> c.put("iss", "http://sig-a.example"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature iss http://sig-a.example is not an https origin"),
                tampered(
                        "iss in upper case",
                        (h, c) -> c.put("iss", "https://SIG-A.example"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature iss https://SIG-A.example is not an https origin"),
                tampered(
                        "iss with its default port",
                        (h, c) -> c.put("iss", SENDER + ":443"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature iss https://sig-a.example:443 is not an https origin"),
                tampered(
                        "iss as a bare host",
                        (h, c) -> c.put("iss", "sig-a.example"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature iss sig-a.example is not an https origin"),
                tampered(
                        "iss missing",
                        (h, c) -> c.remove("iss"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature iss is missing"),
                tampered(
                        "jti of 21 characters",
                        (h, c) -> c.put("jti", "c2lnbmVkLW9uY2UtMTIzN"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature jti c2lnbmVkLW9uY2UtMTIzN is not 22 to 64 base64url characters"),
                tampered(
                        "jti with padding",
                        (h, c) -> c.put("jti", "c2lnbmVkLW9uY2UtMTIzNDU2=="),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature jti c2lnbmVkLW9uY2UtMTIzNDU2== is not 22 to 64 base64url characters"),
                tampered(
                        "jti of 65 characters",
                        (h, c) -> c.put("jti", "a".repeat(65)),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature jti " + "a".repeat(65) + " is not 22 to 64 base64url characters"),
                tampered(
                        "jti missing",
                        (h, c) -> c.remove("jti"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature jti is missing"),
                tampered(
                        "digest in hex",
                        (h, c) -> c.put("digest", "ab".repeat(32)),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature digest " + "ab".repeat(32) + " is not a base64url SHA-256"),
                tampered(
                        "digest of another body",
                        (h, c) -> c.put("digest", EMPTY_DIGEST),
                        DIGEST_MISMATCH,
                        "body SHA-256 " + FederationJws.digest(BODY) + " is not the signed digest " + EMPTY_DIGEST),
                tampered(
                        "typ JWT",
                        (h, c) -> h.put("typ", "JWT"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature typ JWT is not callsign-federation+jwt"),
                tampered(
                        "typ in upper case",
                        (h, c) -> h.put("typ", "CALLSIGN-FEDERATION+JWT"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature typ CALLSIGN-FEDERATION+JWT is not callsign-federation+jwt"),
                tampered(
                        "typ missing",
                        (h, c) -> h.remove("typ"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature typ is missing"),
                tampered(
                        "a crit header",
                        (h, c) -> h.put("crit", List.of("exp")),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature header has parameters alg,crit,kid,typ, not alg, kid, typ"),
                tampered(
                        "an embedded jwk",
                        (h, c) -> h.put("jwk", Map.of("kty", "EC")),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature has an unusable JOSE header (Invalid JWS header: The cryptographic curve string must not be null or empty)"),
                tampered(
                        "a jku",
                        (h, c) -> h.put("jku", "https://evil.example/keys"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature header has parameters alg,jku,kid,typ, not alg, kid, typ"),
                tampered(
                        "b64 false",
                        (h, c) -> h.put("b64", false),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature header has parameters alg,b64,kid,typ, not alg, kid, typ"),
                tampered(
                        "an empty kid",
                        (h, c) -> h.put("kid", ""),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature kid is empty"),
                tampered(
                        "kid missing",
                        (h, c) -> h.remove("kid"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature header has parameters alg,typ, not alg, kid, typ"),
                tampered(
                        "alg ES384 over an ES256 signature",
                        (h, c) -> h.put("alg", "ES384"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature alg ES384 is not ES256"),
                tampered(
                        "alg none with a signature",
                        (h, c) -> h.put("alg", "none"),
                        SIGNATURE_MALFORMED,
                        "Callsign-Signature has an unusable JOSE header (Invalid JWS header: Not a JWS header)"));
    }

    private static Arguments tampered(
            String name,
            BiConsumer<Map<String, Object>, Map<String, Object>> change,
            FederationAuthFailure code,
            String message) {
        return Arguments.of(Named.of(name, change), code, message);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("tamperedRequests")
    void refusesEachBrokenRuleWithItsCodeAndMessage(
            BiConsumer<Map<String, Object>, Map<String, Object>> change, FederationAuthFailure code, String message) {
        Map<String, Object> header = servers.header();
        Map<String, Object> claims = servers.claims();
        change.accept(header, claims);

        FederationAuthException e = refusal(servers.jws(header, claims));

        assertEquals(code, e.failure());
        assertEquals(message, e.getMessage());
        assertEquals(0, servers.replays.size());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "not-a-jws",
                "a.b.c",
                "a.b.c.d",
                "!!!.???.***",
                "eyJhbGciOiJFUzI1NiJ9.e30.",
                "eyJhbGciOiJFUzI1NiJ9..AAAA",
                "e30.e30.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "bm90IGpzb24.bm90IGpzb24.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "Bearer eyJhbGciOiJFUzI1NiJ9.e30.AAAA"
            })
    void refusesGarbageAsMalformed(String headerValue) {
        assertEquals(SIGNATURE_MALFORMED, failure(headerValue));
    }

    @Test
    void refusesClaimsThatAreNotAJsonObject() {
        String header = FederationFixture.part(JSONObjectUtils.toJSONString(servers.header()));
        String valid = servers.jws(servers.header(), servers.claims());
        String arrayClaims = header + "." + FederationFixture.part("[1,2]") + valid.substring(valid.lastIndexOf('.'));

        FederationAuthException e = refusal(arrayClaims);

        assertEquals(SIGNATURE_MALFORMED, e.failure());
        assertEquals("Callsign-Signature payload is not a JSON object", e.getMessage());
    }

    @Test
    void refusesAlgNone() {
        String unsigned = FederationFixture.part("{\"alg\":\"none\",\"typ\":\"callsign-federation+jwt\"}") + "."
                + FederationFixture.part(JSONObjectUtils.toJSONString(servers.claims())) + ".";

        assertEquals(SIGNATURE_MALFORMED, failure(unsigned));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"HS256", "HS384", "HS512"})
    void refusesHmacKeyedWithTheSendersPublicKey(String alg) throws Exception {
        String mac = ForeignSignatures.hmac(
                alg,
                servers.header(),
                servers.claims(),
                servers.senderKeys.publicKeys().toString());

        FederationAuthException e = refusal(mac);

        assertEquals(SIGNATURE_MALFORMED, e.failure());
    }

    @Test
    void namesTheAlgorithmWhenItHasTheLengthOfAnEs256Signature() throws Exception {
        String hs512 = ForeignSignatures.hmac(
                "HS512",
                servers.header(),
                servers.claims(),
                servers.senderKeys.publicKeys().toString());

        assertEquals("Callsign-Signature alg HS512 is not ES256", refusal(hs512).getMessage());
    }

    @Test
    void refusesRs256() throws Exception {
        assertEquals(SIGNATURE_MALFORMED, failure(ForeignSignatures.rs256(servers.header(), servers.claims())));
    }

    @Test
    void refusesAHeaderOverFourKibibytes() {
        Map<String, Object> claims = servers.claims();
        claims.put("padding", "x".repeat(3000));
        String oversized = servers.jws(servers.header(), claims);

        FederationAuthException e = refusal(oversized);

        assertEquals(SIGNATURE_MALFORMED, e.failure());
        assertEquals("Callsign-Signature is " + oversized.length() + " characters, more than 4096", e.getMessage());
    }
}
