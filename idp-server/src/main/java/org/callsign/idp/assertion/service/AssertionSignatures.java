package org.callsign.idp.assertion.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import org.callsign.idp.key.KeyService;
import org.callsign.idp.key.SigningKey;

/**
 * Checks an assertion's signature against this IdP's published keys (current, next and retired, as in the JWKS), for
 * a proxy script that runs where WebCrypto is missing: Firefox's IdP sandbox has no {@code crypto.subtle}, and
 * RFC 8827 §7.6 lets the proxy ask its IdP. Only the signature is checked here; the script checks the claims.
 */
@Singleton
public class AssertionSignatures {

    /** Longer input is no assertion of this IdP (the proxy script's own limit). */
    public static final int MAX_ASSERTION_CHARS = 8192;

    private final KeyService keys;

    AssertionSignatures(KeyService keys) {
        this.keys = keys;
    }

    /** The claims of {@code assertion} if a published key of this IdP signed it with its algorithm; else empty. */
    public Optional<Map<String, Object>> verifiedClaims(String assertion) {
        if (assertion == null || assertion.length() > MAX_ASSERTION_CHARS) {
            return Optional.empty();
        }
        try {
            JWSObject jws = JWSObject.parse(assertion);
            String kid = jws.getHeader().getKeyID();
            for (SigningKey key : keys.published()) {
                JWK published = key.publicJwk();
                if (key.kid().equals(kid)
                        && published.getAlgorithm() != null
                        && published.getAlgorithm().equals(jws.getHeader().getAlgorithm())
                        && jws.verify(verifier(published))) {
                    return Optional.of(jws.getPayload().toJSONObject());
                }
            }
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static JWSVerifier verifier(JWK key) throws JOSEException {
        if (key instanceof ECKey ec) {
            return new ECDSAVerifier(ec);
        }
        if (key instanceof OctetKeyPair okp) {
            return new Ed25519Verifier(okp);
        }
        throw new JOSEException("unsupported key type " + key.getKeyType());
    }
}
