package org.callsign.idp.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * The JWS algorithms the IdP signs with (RFC 7518 §3.4, RFC 8037 §3.1), named as JOSE names them: {@code ES256}
 * (ECDSA on P-256 with SHA-256, the default) and {@code EdDSA} (Ed25519).
 */
public enum KeyAlgorithm {
    ES256("ES256"),
    EDDSA("EdDSA");

    private final String joseName;

    KeyAlgorithm(String joseName) {
        this.joseName = joseName;
    }

    /** The {@code alg} value (RFC 7515 §4.1.1). */
    public String joseName() {
        return joseName;
    }

    /** The Nimbus algorithm. */
    public JWSAlgorithm jwsAlgorithm() {
        return JWSAlgorithm.parse(joseName);
    }

    /** The algorithm whose JOSE name is {@code value}, exactly as JOSE spells it. */
    public static KeyAlgorithm fromJoseName(String value) {
        for (KeyAlgorithm algorithm : values()) {
            if (algorithm.joseName.equals(value)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unsupported signing algorithm: " + value + " (expected ES256 or EdDSA)");
    }

    /** A fresh private JWK with {@code use=sig}, {@code alg} and the RFC 7638 thumbprint as {@code kid}. */
    JWK generate() {
        try {
            return switch (this) {
                case ES256 ->
                    new ECKeyGenerator(Curve.P_256)
                            .keyUse(KeyUse.SIGNATURE)
                            .algorithm(JWSAlgorithm.ES256)
                            .keyIDFromThumbprint(true)
                            .generate();
                case EDDSA -> Ed25519Keys.generate();
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate " + joseName + " key: " + e.getMessage(), e);
        }
    }

    /** A signer for a private JWK of this algorithm. */
    JWSSigner signer(JWK jwk) {
        try {
            return switch (this) {
                case ES256 -> new ECDSASigner(jwk.toECKey());
                case EDDSA -> Ed25519Keys.signer(jwk.toOctetKeyPair());
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with " + joseName + " key " + jwk.getKeyID(), e);
        }
    }
}
