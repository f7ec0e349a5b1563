package org.callsign.benchmarks.idp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.text.ParseException;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bare cost of an assertion's signature, the baseline of the idp-server load test ({@link AssertionLoad}): one
 * JWT with the claims idp-server issues ({@link AssertionShape}), signed with Nimbus JOSE+JWT and serialised to a
 * compact JWS, in one thread, with no HTTP, no checks and no store.
 *
 * <ul>
 *   <li>{@link #signEs256}: ES256 (P-256), the signer made once: the baseline.
 *   <li>{@link #signEs256AsIdp}: the same, with a new {@code ECDSASigner} from the JWK on every call, as
 *       idp-server's {@code SigningKey.signer()} does, so the cost of that choice shows.
 *   <li>{@link #es256SignatureOnly}: the ECDSA signature alone ({@code SHA256withECDSA}) over a signing input of
 *       the same length, without the claims, JSON and base64url around it.
 *   <li>{@link #signEdDsa}: EdDSA (Ed25519 on the JDK's provider, as idp-server's {@code Ed25519Keys}), the other
 *       key type idp-server supports.
 * </ul>
 *
 * <p>All four run in throughput mode, {@code signEs256} in sample-time mode too (p50, p99). JMH times the wall clock;
 * {@link SigningCpu} measures the CPU time of the same calls.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@State(Scope.Thread)
public class SigningBenchmark {
    /** An issuer and subject like the load test's (an ephemeral port, user {@code bench}): payloads of one length. */
    static final String ISSUER = "https://localhost:44321";

    static final String SUBJECT = "bench@localhost";

    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private ECKey es256Key;
    private JWSSigner es256Signer;
    private Signature es256Signature;
    private byte[] signingInput;
    private JWSSigner edDsaSigner;

    @Setup
    public void setUp() throws JOSEException, GeneralSecurityException, ParseException {
        es256Key = new ECKeyGenerator(Curve.P_256)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256)
                .keyIDFromThumbprint(true)
                .generate();
        es256Signer = new ECDSASigner(es256Key);
        SignedJWT sample = SignedJWT.parse(signEs256());
        check(sample.verify(new ECDSAVerifier(es256Key.toPublicJWK())), "ES256 signature verifies");
        check(AssertionShape.CONTENTS.equals(sample.getJWTClaimsSet().getClaim("contents")), "contents signed");
        check(SignedJWT.parse(signEs256AsIdp()).verify(new ECDSAVerifier(es256Key.toPublicJWK())), "as idp-server");

        signingInput = sample.getSigningInput();
        es256Signature = Signature.getInstance("SHA256withECDSA");
        es256Signature.initSign(es256Key.toECPrivateKey());

        KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        edDsaSigner = new Ed25519Signer(ed25519.getPrivate());
        SignedJWT edDsa = SignedJWT.parse(signEdDsa());
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(ed25519.getPublic());
        verifier.update(edDsa.getSigningInput());
        check(verifier.verify(edDsa.getSignature().decode()), "EdDSA signature verifies");
        System.out.println("signed payload: " + sample.getPayload().toString().getBytes(StandardCharsets.UTF_8).length
                + " bytes; compact JWS: " + sample.serialize().length() + " characters");
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    public String signEs256() throws JOSEException {
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(es256Key.getKeyID()), es256Signer);
    }

    @Benchmark
    public String signEs256AsIdp() throws JOSEException {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.parse("ES256")).keyID(es256Key.getKeyID());
        return sign(header, new ECDSASigner(es256Key));
    }

    @Benchmark
    public byte[] es256SignatureOnly() throws GeneralSecurityException {
        es256Signature.update(signingInput);
        return es256Signature.sign();
    }

    @Benchmark
    public String signEdDsa() throws JOSEException {
        return sign(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("ed25519"), edDsaSigner);
    }

    private String sign(JWSHeader.Builder header, JWSSigner signer) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header.build(), AssertionShape.claims(ISSUER, SUBJECT, clock, random));
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark set-up: expected " + what);
        }
    }

    /** EdDSA as idp-server signs it: a {@code Signature} per call on the JDK's Ed25519, raw 64-byte output. */
    private static final class Ed25519Signer implements JWSSigner {
        private final PrivateKey key;
        private final JCAContext jcaContext = new JCAContext();

        Ed25519Signer(PrivateKey key) {
            this.key = key;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] input) throws JOSEException {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(key);
                signature.update(input);
                return Base64URL.encode(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new JOSEException("EdDSA signing failed", e);
            }
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA);
        }

        @Override
        public JCAContext getJCAContext() {
            return jcaContext;
        }
    }
}
