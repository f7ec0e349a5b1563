package org.callsign.idp.key;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.Objects;

/**
 * One signing key of the IdP and where it is in its life ({@link KeyState}).
 *
 * @param kid the key id, the RFC 7638 JWK thumbprint of the public key
 * @param algorithm the JWS algorithm the key signs with
 * @param state next, current or retired
 * @param created when the key was generated (and published as next)
 * @param activated when the key became current; {@code null} while it is next
 * @param retired when the key stopped signing; {@code null} unless retired
 * @param jwk the private JWK; never logged, never published ({@link #publicJwk()} is)
 */
public record SigningKey(
        String kid,
        KeyAlgorithm algorithm,
        KeyState state,
        Instant created,
        Instant activated,
        Instant retired,
        JWK jwk) {

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(jwk, "jwk");
        if (!jwk.isPrivate()) {
            throw new IllegalArgumentException("signing key " + kid + " has no private part");
        }
        if (!kid.equals(jwk.getKeyID())) {
            throw new IllegalArgumentException("signing key " + kid + " carries kid " + jwk.getKeyID());
        }
        if (state != KeyState.NEXT && activated == null) {
            throw new IllegalArgumentException("signing key " + kid + " is " + state.value() + " but never activated");
        }
        if (state == KeyState.RETIRED && retired == null) {
            throw new IllegalArgumentException("signing key " + kid + " is retired without a retirement time");
        }
    }

    /** A fresh key of {@code algorithm}, published as next from {@code now}. */
    public static SigningKey generate(KeyAlgorithm algorithm, Instant now) {
        JWK jwk = algorithm.generate();
        return new SigningKey(jwk.getKeyID(), algorithm, KeyState.NEXT, now, null, null, jwk);
    }

    /** This key, made current at {@code now}. */
    public SigningKey activate(Instant now) {
        return new SigningKey(kid, algorithm, KeyState.CURRENT, created, now, null, jwk);
    }

    /** This key, retired at {@code now}. */
    public SigningKey retire(Instant now) {
        return new SigningKey(kid, algorithm, KeyState.RETIRED, created, activated, now, jwk);
    }

    /** The public JWK: {@code kty}, {@code crv}, {@code x} (and {@code y}), {@code kid}, {@code alg}, {@code use}. */
    public JWK publicJwk() {
        return jwk.toPublicJWK();
    }

    /** A JWS header with this key's {@code alg} and {@code kid}, to extend with {@code typ} and the like. */
    public JWSHeader.Builder header() {
        return new JWSHeader.Builder(algorithm.jwsAlgorithm()).keyID(kid);
    }

    /** A signer holding the private key. */
    public JWSSigner signer() {
        return algorithm.signer(jwk);
    }

    /** Names the key and its dates; never the key material. */
    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", algorithm=" + algorithm.joseName() + ", state=" + state.value()
                + ", created=" + created + ", activated=" + activated + ", retired=" + retired + "]";
    }
}
