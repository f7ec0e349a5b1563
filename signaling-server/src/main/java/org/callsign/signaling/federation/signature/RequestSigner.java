package org.callsign.signaling.federation.signature;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Signs the federation requests this server sends: the value of their {@code Callsign-Signature} header, a compact
 * JWS (RFC 7515 §7.1) over the method, the target URI, the time and the SHA-256 of the body (docs/federation.md,
 * "Signed federation requests"). Thread-safe.
 */
public final class RequestSigner {

    /** An HTTP method: a token (RFC 9110 §9.1, §5.6.2). */
    private static final Pattern METHOD = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final String ownOrigin;
    private final String kid;
    private final JWSSigner signer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param ownOrigin this server's origin, its document's {@code server}: the {@code iss} of every request
     * @param keys the key that signs
     * @param clock the source of {@code iat}
     */
    public RequestSigner(String ownOrigin, FederationKeys keys, Clock clock) {
        this.ownOrigin = Origins.require(ownOrigin, true, "own origin");
        this.kid = keys.kid();
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.signer = new ECDSASigner(keys.signingKey());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("federation key " + kid + " cannot sign ES256", e);
        }
    }

    /**
     * The {@code Callsign-Signature} value for a request.
     *
     * @param method the request method, e.g. {@code POST}, as sent
     * @param target the absolute URI the request goes to; its origin is the {@code aud}
     * @param body the exact body bytes sent (empty for none)
     */
    public String sign(String method, URI target, byte[] body) {
        if (method == null || !METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("not an HTTP method: " + method);
        }
        Objects.requireNonNull(body, "body");
        Instant issued = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ownOrigin)
                .audience(Origins.of(target))
                .claim(FederationJws.HTM, method)
                .claim(FederationJws.HTU, Origins.withoutQuery(target))
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(FederationJws.MAX_LIFETIME)))
                .jwtID(jti())
                .claim(FederationJws.DIGEST, FederationJws.digest(body))
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType(FederationJws.TYPE))
                .keyID(kid)
                .build();
        SignedJWT jws = new SignedJWT(header, claims);
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with federation key " + kid, e);
        }
        return jws.serialize();
    }

    private String jti() {
        byte[] bytes = new byte[FederationJws.JTI_BYTES];
        random.nextBytes(bytes);
        return FederationJws.base64url(bytes);
    }
}
