package org.callsign.signaling.federation.signature;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.callsign.wellknown.testing.MutableClock;

/**
 * Two servers on a fixed clock: {@code https://sig-a.example} signs, {@code https://sig-b.example} verifies, and
 * {@link #jws(Map, Map, ECKey)} writes any header and claims, signed with any key, for requests no signer would make.
 */
final class FederationFixture {

    static final String SENDER = "https://sig-a.example";
    static final String RECEIVER = "https://sig-b.example";
    static final URI INVITES = URI.create("https://sig-b.example/federation/v1/invites");
    static final byte[] BODY =
            "{\"call\":\"Qm9vT2ZmZXJJZDEyMzQ1Ng\",\"to\":\"per@idp-b.example\",\"sdp\":\"v=0\\r\\n\"}"
                    .getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    static final String EMPTY_DIGEST = FederationJws.digest(new byte[0]);

    final MutableClock clock = new MutableClock(NOW);
    final FederationKeys senderKeys = FederationKeys.generate();
    final Map<String, JWKSet> documents = new HashMap<>(Map.of(SENDER, senderKeys.publicKeys()));
    final InMemoryReplayCache replays = new InMemoryReplayCache(clock);
    final RequestSigner signer = new RequestSigner(SENDER, senderKeys, clock);
    final RequestVerifier verifier = new RequestVerifier(RECEIVER, this::keysOf, replays, clock);

    JWKSet keysOf(String origin) throws FederationAuthException {
        JWKSet keys = documents.get(origin);
        if (keys == null) {
            throw new FederationAuthException(FederationAuthFailure.SENDER_UNKNOWN, origin + " has no document");
        }
        return keys;
    }

    /** The header {@link RequestSigner} writes. */
    Map<String, Object> header() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "ES256");
        header.put("typ", "callsign-federation+jwt");
        header.put("kid", senderKeys.kid());
        return header;
    }

    /** The claims of a {@code POST} of {@link #BODY} to {@link #INVITES}, issued now. */
    Map<String, Object> claims() {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", SENDER);
        claims.put("aud", RECEIVER);
        claims.put("htm", "POST");
        claims.put("htu", INVITES.toString());
        claims.put("iat", now);
        claims.put("exp", now + 60);
        claims.put("jti", "c2lnbmVkLW9uY2UtMTIzNDU2");
        claims.put("digest", FederationJws.digest(BODY));
        return claims;
    }

    /** A compact JWS of {@code header} and {@code claims} with an ES256 signature (IEEE P1363) by {@code key}. */
    static String jws(Map<String, Object> header, Map<String, Object> claims, ECKey key) {
        String input = part(JSONObjectUtils.toJSONString(header)) + "." + part(JSONObjectUtils.toJSONString(claims));
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
            ecdsa.initSign(key.toPrivateKey());
            ecdsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(ecdsa.sign());
        } catch (GeneralSecurityException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String jws(Map<String, Object> header, Map<String, Object> claims) {
        return jws(header, claims, senderKeys.signingKey());
    }

    /** Sets {@code iat} and {@code exp} to {@link #NOW} plus the given seconds. */
    static void times(Map<String, Object> claims, long iat, long exp) {
        claims.put("iat", NOW.getEpochSecond() + iat);
        claims.put("exp", NOW.getEpochSecond() + exp);
    }

    static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    VerifiedSender verify(String headerValue) throws FederationAuthException {
        return verifier.verify(headerValue, "POST", INVITES, BODY);
    }
}
