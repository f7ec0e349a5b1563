package org.callsign.signaling.federation.signature;

import static org.callsign.signaling.federation.signature.FederationAuthException.quote;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the {@code Callsign-Signature} of a federation request this server received, in the order
 * docs/federation.md ("Signed federation requests") gives, each failure with its own code: present; a compact JWS
 * of at most 4 KiB with exactly the header {@code alg ES256, typ callsign-federation+jwt, kid}; addressed to this
 * request ({@code aud}, {@code htm}, {@code htu}); in time; over this body; by a key of the sender's document; signed
 * with it; and only then not a replay, so that forged requests never reach the replay cache. Thread-safe.
 */
public final class RequestVerifier {

    private final String ownOrigin;
    private final SenderKeys senderKeys;
    private final ReplayCache replays;
    private final Clock clock;
    private final boolean allowHttp;

    /** A verifier that accepts senders with {@code https} origins only. */
    public RequestVerifier(String ownOrigin, SenderKeys senderKeys, ReplayCache replays, Clock clock) {
        this(ownOrigin, senderKeys, replays, clock, false);
    }

    /**
     * @param ownOrigin this server's origin, its document's {@code server}: the {@code aud} of every request
     * @param allowHttp whether a sender's origin may be {@code http} (development on loopback only)
     */
    public RequestVerifier(
            String ownOrigin, SenderKeys senderKeys, ReplayCache replays, Clock clock, boolean allowHttp) {
        this.ownOrigin = Origins.require(ownOrigin, allowHttp, "own origin");
        this.senderKeys = Objects.requireNonNull(senderKeys, "senderKeys");
        this.replays = Objects.requireNonNull(replays, "replays");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.allowHttp = allowHttp;
    }

    /**
     * The {@code iss} that {@code headerValue} claims, unverified: a key for rate-limiting senders before any of
     * their keys is fetched. Empty for a missing, oversized or unreadable value; never throws.
     */
    public static Optional<String> claimedIssuer(String headerValue) {
        return SignedRequest.claimedIssuer(headerValue);
    }

    /**
     * The sender of a request, if its signature is good.
     *
     * @param headerValue the {@code Callsign-Signature} header, {@code null} if absent
     * @param method the request's method
     * @param target the request's URI; only its path counts, since this server is addressed by {@code ownOrigin}
     *     whatever URI it sees behind a reverse proxy
     * @param body the exact body bytes received
     */
    public VerifiedSender verify(String headerValue, String method, URI target, byte[] body)
            throws FederationAuthException {
        if (headerValue == null || headerValue.isBlank()) {
            throw new FederationAuthException(
                    FederationAuthFailure.SIGNATURE_MISSING, "no " + FederationJws.HEADER + " header");
        }
        SignedRequest request = SignedRequest.parse(headerValue.strip(), allowHttp);
        checkTarget(request, method, target);
        checkTime(request);
        if (!FederationJws.digest(body).equals(request.digest())) {
            throw new FederationAuthException(
                    FederationAuthFailure.DIGEST_MISMATCH,
                    "body SHA-256 " + FederationJws.digest(body) + " is not the signed digest " + request.digest());
        }
        ECKey key = senderKey(request);
        checkSignature(request, key);
        Instant expires = Instant.ofEpochSecond(request.exp());
        replays.remember(request.iss(), request.jti(), expires);
        return new VerifiedSender(request.iss(), request.kid(), request.jti(), expires);
    }

    private void checkTarget(SignedRequest request, String method, URI target) throws FederationAuthException {
        String problem = null;
        if (!ownOrigin.equals(request.aud())) {
            problem = "aud " + quote(request.aud()) + " is not " + ownOrigin;
        } else if (!request.htm().equals(method)) {
            problem = "htm " + quote(request.htm()) + " is not " + quote(method);
        } else if (!request.htu().equals(ownOrigin + Origins.path(target))) {
            problem = "htu " + quote(request.htu()) + " is not " + quote(ownOrigin + Origins.path(target));
        }
        if (problem != null) {
            throw new FederationAuthException(FederationAuthFailure.SIGNATURE_WRONG_TARGET, problem);
        }
    }

    private void checkTime(SignedRequest request) throws FederationAuthException {
        long now = clock.instant().getEpochSecond();
        long lifetime = request.exp() - request.iat();
        String problem = null;
        if (request.iat() > now + FederationJws.MAX_CLOCK_AHEAD.toSeconds()) {
            problem = "iat is " + (request.iat() - now) + " s ahead of this server's clock, more than "
                    + FederationJws.MAX_CLOCK_AHEAD.toSeconds() + " s";
        } else if (request.exp() <= now) {
            problem = "expired " + (now - request.exp()) + " s ago";
        } else if (lifetime <= 0 || lifetime > FederationJws.MAX_LIFETIME.toSeconds()) {
            problem = "exp - iat is " + lifetime + " s, not 1 to " + FederationJws.MAX_LIFETIME.toSeconds();
        }
        if (problem != null) {
            throw new FederationAuthException(FederationAuthFailure.SIGNATURE_EXPIRED, problem);
        }
    }

    private ECKey senderKey(SignedRequest request) throws FederationAuthException {
        JWKSet keys = senderKeys.keysOf(request.iss());
        JWK jwk = keys == null ? null : keys.getKeyByKeyId(request.kid());
        if (jwk == null) {
            throw new FederationAuthException(
                    FederationAuthFailure.SENDER_UNKNOWN, request.iss() + " publishes no key " + quote(request.kid()));
        }
        if (!(jwk instanceof ECKey key)
                || !Curve.P_256.equals(key.getCurve())
                || (jwk.getAlgorithm() != null && !JWSAlgorithm.ES256.equals(jwk.getAlgorithm()))
                || (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse()))) {
            throw new FederationAuthException(
                    FederationAuthFailure.SENDER_UNKNOWN,
                    request.iss() + " key " + quote(request.kid()) + " is not a P-256 ES256 signing key");
        }
        return key.toPublicJWK();
    }

    private static void checkSignature(SignedRequest request, ECKey key) throws FederationAuthException {
        boolean valid;
        try {
            valid = request.jws().verify(new ECDSAVerifier(key));
        } catch (JOSEException | IllegalStateException e) {
            valid = false;
        }
        if (!valid) {
            throw new FederationAuthException(
                    FederationAuthFailure.SIGNATURE_INVALID,
                    "signature does not verify with " + request.iss() + " key " + quote(request.kid()));
        }
    }
}
