package org.callsign.idp.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SigningKeyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void kidIsTheThumbprintOfThePublicKey(KeyAlgorithm algorithm) throws Exception {
        SigningKey key = SigningKey.generate(algorithm, NOW);
        assertEquals(key.publicJwk().computeThumbprint().toString(), key.kid());
        assertEquals(KeyState.NEXT, key.state());
        assertNull(key.activated());
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void publicJwkHasNoPrivateMembers(KeyAlgorithm algorithm) {
        JWK jwk = SigningKey.generate(algorithm, NOW).publicJwk();
        assertFalse(jwk.isPrivate());
        assertFalse(jwk.toJSONObject().containsKey("d"));
        assertEquals(KeyUse.SIGNATURE, jwk.getKeyUse());
        assertEquals(algorithm.joseName(), jwk.getAlgorithm().getName());
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void toStringHoldsNoKeyMaterial(KeyAlgorithm algorithm) {
        SigningKey key = SigningKey.generate(algorithm, NOW);
        String text = key.toString() + new KeyRing(java.util.List.of(key));
        String d = key.jwk().toJSONObject().get("d").toString();
        String x = key.jwk().toJSONObject().get("x").toString();
        assertFalse(text.contains(d), text);
        assertFalse(text.contains(x), text);
        assertTrue(text.contains(key.kid()), text);
    }

    @Test
    void es256SignatureVerifiesWithThePublicKey() throws Exception {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ES256, NOW);
        JWSObject jws = new JWSObject(key.header().build(), new Payload("{\"sub\":\"alice@idp.example\"}"));
        jws.sign(key.signer());
        JWSObject parsed = JWSObject.parse(jws.serialize());
        assertEquals(key.kid(), parsed.getHeader().getKeyID());
        assertEquals(JWSAlgorithm.ES256, parsed.getHeader().getAlgorithm());
        assertTrue(parsed.verify(new ECDSAVerifier(key.publicJwk().toECKey())));
    }

    @Test
    void eddsaSignatureVerifiesWithThePublicKey() throws Exception {
        SigningKey key = SigningKey.generate(KeyAlgorithm.EDDSA, NOW);
        OctetKeyPair publicKey = key.publicJwk().toOctetKeyPair();
        assertEquals(Curve.Ed25519, publicKey.getCurve());
        JWSObject jws = new JWSObject(key.header().build(), new Payload("{\"sub\":\"alice@idp.example\"}"));
        jws.sign(key.signer());
        JWSObject parsed = JWSObject.parse(jws.serialize());
        assertEquals(JWSAlgorithm.EdDSA, parsed.getHeader().getAlgorithm());

        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(ed25519(publicKey.getDecodedX()));
        verifier.update(parsed.getSigningInput());
        assertTrue(verifier.verify(parsed.getSignature().decode()));

        verifier.initVerify(ed25519(publicKey.getDecodedX()));
        verifier.update("tampered".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(verifier.verify(parsed.getSignature().decode()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"es256", "RS256", "Ed25519", "none", ""})
    void rejectsUnsupportedAlgorithmNames(String name) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> KeyAlgorithm.fromJoseName(name));
        assertEquals("unsupported signing algorithm: " + name + " (expected ES256 or EdDSA)", e.getMessage());
    }

    @Test
    void refusesAPublicOnlyJwk() {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ES256, NOW);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new SigningKey(key.kid(), key.algorithm(), KeyState.NEXT, NOW, null, null, key.publicJwk()));
        assertEquals("signing key " + key.kid() + " has no private part", e.getMessage());
    }

    private static PublicKey ed25519(byte[] x) throws Exception {
        byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100");
        byte[] encoded = Arrays.copyOf(prefix, prefix.length + x.length);
        System.arraycopy(x, 0, encoded, prefix.length, x.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }
}
