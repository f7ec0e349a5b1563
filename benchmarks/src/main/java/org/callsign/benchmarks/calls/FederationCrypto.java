package org.callsign.benchmarks.calls;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * The signature of one federation request (docs/federation.md, "Signed federation requests"), as the signaling
 * server makes and checks it with Nimbus JOSE+JWT: an ES256 compact JWS with {@code typ callsign-federation+jwt}, a
 * {@code kid}, and the claims {@code iss}, {@code aud}, {@code htm}, {@code htu}, {@code iat}, {@code exp},
 * {@code jti} (128 bits) and {@code digest} (SHA-256 of the body). Verifying parses the JWS and checks the signature
 * with the sender's key, made once, as the server's cached key set does; the claim checks are not timed.
 */
final class FederationCrypto {
    private static final byte[] BODY = ("{\"call\":\"Qm9vT2ZmZXJJZDEyMzQ1Ng\",\"to\":\"per@idp-b.test\",\"sdp\":\""
                    + "v=0 ".repeat(400) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final String issuer;
    private final ECKey key;
    private final ECDSASigner signer;
    private final ECDSAVerifier verifier;
    private final SecureRandom random = new SecureRandom();

    FederationCrypto(String issuer) throws JOSEException {
        this.issuer = issuer;
        this.key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        this.signer = new ECDSASigner(key);
        this.verifier = new ECDSAVerifier(key.toPublicJWK());
    }

    /** One signature and its verification, in nanoseconds. */
    long signAndVerify() throws Exception {
        long start = System.nanoTime();
        verify(sign());
        return System.nanoTime() - start;
    }

    /** Two seconds of warm-up, then {@code count} signatures and verifications, each timed. */
    List<Steps.Step> measure(int count) throws Exception {
        long warmUpEnd = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            verify(sign());
        }
        Samples signing = new Samples();
        Samples verifying = new Samples();
        Samples both = new Samples();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            String jws = sign();
            long signed = System.nanoTime();
            verify(jws);
            long end = System.nanoTime();
            signing.add(signed - start);
            verifying.add(end - signed);
            both.add(end - start);
        }
        return List.of(
                new Steps.Step("ES256 sign + verify of a federation JWS, warm", both),
                new Steps.Step("… sign alone (claims, digest of a 1.7 KB body, signature, serialisation)", signing),
                new Steps.Step("… verify alone (parse, signature)", verifying));
    }

    private String sign() throws Exception {
        Instant now = Instant.now();
        byte[] jti = new byte[16];
        random.nextBytes(jti);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience("https://sig-b.test")
                .claim("htm", "POST")
                .claim("htu", "https://sig-b.test/federation/v1/invites")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)))
                .jwtID(Base64.getUrlEncoder().withoutPadding().encodeToString(jti))
                .claim(
                        "digest",
                        Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(
                                        MessageDigest.getInstance("SHA-256").digest(BODY)))
                .build();
        SignedJWT jws = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(new JOSEObjectType("callsign-federation+jwt"))
                        .keyID(key.getKeyID())
                        .build(),
                claims);
        jws.sign(signer);
        return jws.serialize();
    }

    private void verify(String compact) throws ParseException, JOSEException {
        if (!SignedJWT.parse(compact).verify(verifier)) {
            throw new IllegalStateException("a federation signature did not verify");
        }
    }
}
