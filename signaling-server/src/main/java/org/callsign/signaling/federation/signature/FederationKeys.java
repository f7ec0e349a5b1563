package org.callsign.signaling.federation.signature;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import org.callsign.signaling.store.PrivateKeyFiles;

/**
 * This server's federation signing keys: an ES256 (P-256) key pair, generated on first use and kept as a private
 * JWK (RFC 7517) in a file only its owner may read. The key id is the RFC 7638 JWK thumbprint (SHA-256) of the public
 * key. The public keys go into the server document ({@code federation.keys}); a list, so that a next key can be
 * published before it signs. Neither {@link #toString()} nor any message shows key material.
 */
public final class FederationKeys {

    private static final Logger LOG = System.getLogger(FederationKeys.class.getName());

    private final ECKey signingKey;
    private final JWKSet publicKeys;
    private final String source;

    /** {@code published} lists {@code signingKey} and any other key to publish, such as the next one. */
    private FederationKeys(ECKey signingKey, List<ECKey> published, String source) {
        this.signingKey = signingKey;
        this.publicKeys =
                new JWKSet(published.stream().map(k -> (JWK) k.toPublicJWK()).toList());
        this.source = source;
    }

    /**
     * The key kept in {@code file}, or a new one written there ({@code rw-------}, with its parent directory created
     * {@code rwx------} if missing).
     *
     * @throws IOException if the file cannot be read or written, is not a P-256 private JWK, or may be read or
     *     written by group or others (a key that others could read may have leaked, so it is not tightened silently)
     */
    public static FederationKeys loadOrCreate(Path file) throws IOException {
        try {
            return load(file);
        } catch (NoSuchFileException e) {
            return create(file);
        }
    }

    /** A fresh key that is kept nowhere: for tests and tools. */
    public static FederationKeys generate() {
        ECKey key = newKey();
        return new FederationKeys(key, List.of(key), "generated in memory");
    }

    /** The private key that signs, with {@code kid}, {@code use} and {@code alg}; its own toString shows it. */
    public ECKey signingKey() {
        return signingKey;
    }

    /** The key id of {@link #signingKey()}: its RFC 7638 thumbprint, base64url. */
    public String kid() {
        return signingKey.getKeyID();
    }

    /** The public keys to publish: {@code kty}, {@code crv}, {@code x}, {@code y}, {@code kid}, {@code use}, {@code alg}. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    /** Names the key id and where the key came from; never key material. */
    @Override
    public String toString() {
        return "FederationKeys[kid=" + kid() + ", " + source + "]";
    }

    private static FederationKeys load(Path file) throws IOException {
        String text = PrivateKeyFiles.read(file, "federation key");
        JWK jwk;
        try {
            jwk = JWK.parse(text);
        } catch (ParseException e) {
            // The parser's message may quote the file, which holds the private key.
            throw new IOException("federation key file " + file + " is not a JSON Web Key");
        }
        ECKey key = checked(jwk, file);
        return new FederationKeys(key, List.of(key), "file " + file);
    }

    private static ECKey checked(JWK jwk, Path file) throws IOException {
        String problem = null;
        if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
            problem = "is not a P-256 key (kty EC, crv P-256)";
        } else if (!ec.isPrivate()) {
            problem = "holds no private key (d)";
        } else if (jwk.getAlgorithm() != null && !JWSAlgorithm.ES256.equals(jwk.getAlgorithm())) {
            problem = "names alg " + jwk.getAlgorithm() + ", not ES256";
        } else if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            problem = "names use " + jwk.getKeyUse() + ", not sig";
        } else if (jwk.getKeyID() != null && !jwk.getKeyID().equals(thumbprint(ec))) {
            problem = "names kid " + FederationAuthException.quote(jwk.getKeyID()) + ", not its RFC 7638 thumbprint";
        } else if (!pairs(ec)) {
            problem = "holds a private key that does not match its public key";
        }
        if (problem != null) {
            throw new IOException("federation key file " + file + " " + problem);
        }
        ECKey key = (ECKey) jwk;
        return new ECKey.Builder(key)
                .keyID(thumbprint(key))
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256)
                .build();
    }

    private static FederationKeys create(Path file) throws IOException {
        ECKey key = newKey();
        PrivateKeyFiles.write(file, "federation key", key.toJSONString());
        LOG.log(Level.INFO, "{0}: new federation signing key, kid {1}", file, key.getKeyID());
        return new FederationKeys(key, List.of(key), "file " + file);
    }

    private static ECKey newKey() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate();
            return new ECKey.Builder(key).keyID(thumbprint(key)).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }

    private static String thumbprint(ECKey key) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute a JWK thumbprint", e);
        }
    }

    /** Whether the private key signs what the public key verifies. */
    private static boolean pairs(ECKey key) {
        try {
            JWSObject probe = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("probe"));
            probe.sign(new ECDSASigner(key));
            return probe.verify(new ECDSAVerifier(key.toPublicJWK()));
        } catch (JOSEException e) {
            return false;
        }
    }
}
