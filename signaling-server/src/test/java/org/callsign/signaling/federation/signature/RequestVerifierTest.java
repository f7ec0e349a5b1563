package org.callsign.signaling.federation.signature;

import static org.callsign.signaling.federation.signature.FederationAuthFailure.DIGEST_MISMATCH;
import static org.callsign.signaling.federation.signature.FederationAuthFailure.REPLAY_CACHE_FULL;
import static org.callsign.signaling.federation.signature.FederationAuthFailure.SENDER_UNKNOWN;
import static org.callsign.signaling.federation.signature.FederationAuthFailure.SIGNATURE_EXPIRED;
import static org.callsign.signaling.federation.signature.FederationAuthFailure.SIGNATURE_INVALID;
import static org.callsign.signaling.federation.signature.FederationAuthFailure.SIGNATURE_MALFORMED;
import static org.callsign.signaling.federation.signature.FederationAuthFailure.SIGNATURE_REPLAYED;
import static org.callsign.signaling.federation.signature.FederationAuthFailure.SIGNATURE_WRONG_TARGET;
import static org.callsign.signaling.federation.signature.FederationFixture.BODY;
import static org.callsign.signaling.federation.signature.FederationFixture.EMPTY_DIGEST;
import static org.callsign.signaling.federation.signature.FederationFixture.INVITES;
import static org.callsign.signaling.federation.signature.FederationFixture.NOW;
import static org.callsign.signaling.federation.signature.FederationFixture.RECEIVER;
import static org.callsign.signaling.federation.signature.FederationFixture.SENDER;
import static org.callsign.signaling.federation.signature.FederationFixture.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RequestVerifier} on what {@link RequestSigner} writes: accepted once, and refused when reused for another
 * request, method, server or body, outside its minute, or a second time; and the documented order of the checks.
 * Broken headers are in {@link BrokenSignatureTest}, wrong keys in {@link SenderKeyTest}.
 */
class RequestVerifierTest {

    private final FederationFixture servers = new FederationFixture();

    private FederationAuthException refusal(String headerValue) {
        return assertThrows(FederationAuthException.class, () -> servers.verify(headerValue));
    }

    private FederationAuthFailure failure(String headerValue) {
        return refusal(headerValue).failure();
    }

    @Test
    void acceptsWhatTheSignerSigned() throws Exception {
        String header = servers.signer.sign("POST", INVITES, BODY);

        VerifiedSender sender = servers.verify(header);

        assertEquals(SENDER, sender.origin());
        assertEquals(servers.senderKeys.kid(), sender.kid());
        assertEquals(NOW.plusSeconds(60), sender.expires());
        assertEquals(1, servers.replays.size());
    }

    @Test
    void acceptsTheFixturesOwnClaimsAsAControl() throws Exception {
        assertEquals(
                SENDER,
                servers.verify(servers.jws(servers.header(), servers.claims())).origin());
    }

    @Test
    void ignoresQueryAndFragmentOfTheTarget() throws Exception {
        String header = servers.signer.sign("POST", URI.create(INVITES + "?from=a#top"), BODY);

        VerifiedSender sender = servers.verifier.verify(header, "POST", URI.create(INVITES + "?other=b"), BODY);

        assertEquals(SENDER, sender.origin());
    }

    @Test
    void takesTheOriginFromItsOwnOriginNotFromTheRequestUri() throws Exception {
        // Behind a reverse proxy the server sees its own loopback address.
        String header = servers.signer.sign("POST", INVITES, BODY);
        URI seen = URI.create("http://127.0.0.1:8082/federation/v1/invites");

        assertEquals(SENDER, servers.verifier.verify(header, "POST", seen, BODY).origin());
    }

    @Test
    void acceptsAnHttpSenderOnlyWhenAllowed() throws Exception {
        String loopback = "http://127.0.0.1:8082";
        servers.documents.put(loopback, servers.senderKeys.publicKeys());
        RequestSigner signer = new RequestSigner(loopback, servers.senderKeys, servers.clock);
        URI target = URI.create("http://localhost:8083/federation/v1/invites");
        RequestVerifier development = new RequestVerifier(
                "http://localhost:8083", servers::keysOf, new InMemoryReplayCache(servers.clock), servers.clock, true);
        RequestVerifier production = new RequestVerifier(
                "https://localhost:8083", servers::keysOf, new InMemoryReplayCache(servers.clock), servers.clock);

        assertEquals(
                loopback,
                development
                        .verify(signer.sign("POST", target, BODY), "POST", target, BODY)
                        .origin());
        FederationAuthException e = assertThrows(
                FederationAuthException.class,
                () -> production.verify(signer.sign("POST", target, BODY), "POST", target, BODY));
        assertEquals(SIGNATURE_MALFORMED, e.failure());
        assertEquals("Callsign-Signature iss http://127.0.0.1:8082 is not an https origin", e.getMessage());
    }

    @Test
    void refusesABodyTamperedAfterSigning() {
        String header = servers.signer.sign("POST", INVITES, BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8)
                .replace("per@idp-b.example", "eve@idp-b.example")
                .getBytes(StandardCharsets.UTF_8);

        FederationAuthException e = assertThrows(
                FederationAuthException.class, () -> servers.verifier.verify(header, "POST", INVITES, tampered));

        assertEquals(DIGEST_MISMATCH, e.failure());
        assertEquals(
                "body SHA-256 " + FederationJws.digest(tampered) + " is not the signed digest "
                        + FederationJws.digest(BODY),
                e.getMessage());
    }

    @Test
    void refusesAReplayOfTheSameHeader() throws Exception {
        String header = servers.signer.sign("POST", INVITES, BODY);
        VerifiedSender first = servers.verify(header);
        servers.clock.advance(Duration.ofSeconds(59));

        FederationAuthException e = refusal(header);

        assertEquals(SIGNATURE_REPLAYED, e.failure());
        assertEquals("jti " + first.jti() + " from https://sig-a.example was seen before", e.getMessage());
    }

    @Test
    void acceptsTheSameJtiFromAnotherSender() throws Exception {
        String other = "https://sig-c.example";
        FederationKeys otherKeys = FederationKeys.generate();
        servers.documents.put(other, otherKeys.publicKeys());
        Map<String, Object> claims = servers.claims();
        servers.verify(servers.jws(servers.header(), claims));
        claims.put("iss", other);
        Map<String, Object> header = servers.header();
        header.put("kid", otherKeys.kid());

        assertEquals(
                other,
                servers.verify(FederationFixture.jws(header, claims, otherKeys.signingKey()))
                        .origin());
    }

    static Stream<Arguments> otherRequests() {
        return Stream.of(
                Arguments.of("GET", INVITES),
                Arguments.of("PUT", INVITES),
                Arguments.of("POST", URI.create(RECEIVER + "/federation/v1/calls/Qm9vT2ZmZXJJZDEyMzQ1Ng/events")),
                Arguments.of("POST", URI.create(RECEIVER + "/federation/v1/invites/")),
                Arguments.of("POST", URI.create(RECEIVER + "/federation/v1/Invites")),
                Arguments.of("POST", URI.create(RECEIVER + "/federation/v1/%69nvites")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("otherRequests")
    void refusesTheHeaderReusedForAnotherRequest(String method, URI target) {
        String header = servers.signer.sign("POST", INVITES, BODY);

        FederationAuthException e = assertThrows(
                FederationAuthException.class, () -> servers.verifier.verify(header, method, target, BODY));

        assertEquals(SIGNATURE_WRONG_TARGET, e.failure());
    }

    @Test
    void refusesTheHeaderReusedAtAnotherServer() {
        String header = servers.signer.sign("POST", INVITES, BODY);
        URI elsewhere = URI.create("https://sig-c.example/federation/v1/invites");
        RequestVerifier sigC = new RequestVerifier(
                "https://sig-c.example", servers::keysOf, new InMemoryReplayCache(servers.clock), servers.clock);

        FederationAuthException e =
                assertThrows(FederationAuthException.class, () -> sigC.verify(header, "POST", elsewhere, BODY));

        assertEquals(SIGNATURE_WRONG_TARGET, e.failure());
        assertEquals("aud https://sig-b.example is not https://sig-c.example", e.getMessage());
    }

    @Test
    void refusesASignerHeaderOnceItsMinuteHasPassed() throws Exception {
        String header = servers.signer.sign("POST", INVITES, BODY);
        servers.clock.advance(Duration.ofSeconds(60));

        FederationAuthException e = refusal(header);

        assertEquals(SIGNATURE_EXPIRED, e.failure());
        assertEquals("expired 0 s ago", e.getMessage());
    }

    @Test
    void acceptsASenderClockUpToThirtySecondsAhead() throws Exception {
        MutableClock ahead = new MutableClock(NOW.plusSeconds(30));
        String header = new RequestSigner(SENDER, servers.senderKeys, ahead).sign("POST", INVITES, BODY);

        assertEquals(SENDER, servers.verify(header).origin());
    }

    @Test
    void refusesASignatureIssuedInTheFuture() {
        MutableClock ahead = new MutableClock(NOW.plusSeconds(31));
        String header = new RequestSigner(SENDER, servers.senderKeys, ahead).sign("POST", INVITES, BODY);

        FederationAuthException e = refusal(header);

        assertEquals(SIGNATURE_EXPIRED, e.failure());
        assertEquals("iat is 31 s ahead of this server's clock, more than 30 s", e.getMessage());
    }

    @Test
    void refusesWithReplayCacheFullRatherThanForget() throws Exception {
        RequestVerifier small = new RequestVerifier(
                RECEIVER, servers::keysOf, new InMemoryReplayCache(1, servers.clock), servers.clock);
        small.verify(servers.signer.sign("POST", INVITES, BODY), "POST", INVITES, BODY);

        FederationAuthException e = assertThrows(
                FederationAuthException.class,
                () -> small.verify(servers.signer.sign("POST", INVITES, BODY), "POST", INVITES, BODY));

        assertEquals(REPLAY_CACHE_FULL, e.failure());
        assertEquals(503, e.failure().status());
    }

    static Stream<Arguments> twoFaults() {
        return Stream.of(
                ordered(
                        "malformed before wrong target",
                        (h, c) -> {
                            c.put("aud", "https://sig-c.example");
                            h.put("crit", List.of("x"));
                        },
                        SIGNATURE_MALFORMED),
                ordered(
                        "wrong target before expired",
                        (h, c) -> {
                            c.put("htm", "GET");
                            times(c, -120, -60);
                        },
                        SIGNATURE_WRONG_TARGET),
                ordered(
                        "expired before digest",
                        (h, c) -> {
                            times(c, -120, -60);
                            c.put("digest", EMPTY_DIGEST);
                        },
                        SIGNATURE_EXPIRED),
                ordered(
                        "digest before sender",
                        (h, c) -> {
                            c.put("digest", EMPTY_DIGEST);
                            h.put("kid", "unknown");
                        },
                        DIGEST_MISMATCH),
                ordered("sender before signature", (h, c) -> h.put("kid", "unknown"), SENDER_UNKNOWN));
    }

    private static Arguments ordered(
            String name, BiConsumer<Map<String, Object>, Map<String, Object>> change, FederationAuthFailure first) {
        return Arguments.of(Named.of(name, change), first);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("twoFaults")
    void checksInTheDocumentedOrder(
            BiConsumer<Map<String, Object>, Map<String, Object>> change, FederationAuthFailure first) throws Exception {
        Map<String, Object> header = servers.header();
        Map<String, Object> claims = servers.claims();
        change.accept(header, claims);
        // Signed by another key as well, so the signature is a further fault.
        ECKey mallory = new ECKeyGenerator(Curve.P_256).generate();

        assertEquals(first, failure(FederationFixture.jws(header, claims, mallory)));
    }

    @Test
    void signatureInvalidComesBeforeReplayed() throws Exception {
        Map<String, Object> claims = servers.claims();
        servers.verify(servers.jws(servers.header(), claims));
        ECKey mallory = new ECKeyGenerator(Curve.P_256).generate();

        assertEquals(SIGNATURE_INVALID, failure(FederationFixture.jws(servers.header(), claims, mallory)));
        assertEquals(SIGNATURE_REPLAYED, failure(servers.jws(servers.header(), claims)));
    }

    @Test
    void messagesQuoteAShortenedEscapedValueNeverTheToken() {
        Map<String, Object> claims = servers.claims();
        claims.put("htm", "POST\r\nX-Injected: " + "y".repeat(200));
        String header = servers.jws(servers.header(), claims);

        String message = refusal(header).getMessage();

        assertFalse(message.contains(header));
        assertFalse(message.contains("\n"));
        assertEquals("htm POST\\u000d\\u000aX-Injected: " + "y".repeat(80 - 18) + "… is not POST", message);
    }
}
