package org.callsign.signaling.push.service;

import com.zerodeplibs.webpush.VAPIDKeyPair;
import com.zerodeplibs.webpush.VAPIDKeyPairs;
import com.zerodeplibs.webpush.key.PrivateKeySources;
import com.zerodeplibs.webpush.key.PublicKeySources;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callsign.signaling.store.PrivateKeyFiles;

/**
 * This server's VAPID key (RFC 8292 §3.2): an ECDSA P-256 key pair that signs the JWT of every push, generated on
 * first use and kept in a PEM file only its owner may read: a PKCS#8 {@code PRIVATE KEY} block then an X.509
 * {@code PUBLIC KEY} block ({@code openssl} writes both). Browsers are given the public key, uncompressed and
 * base64url, as the {@code applicationServerKey} of {@code pushManager.subscribe}, and push services accept only
 * tokens that it verifies. Neither {@link #toString()} nor any message shows key material.
 */
public final class VapidKeys {

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN (PRIVATE KEY|PUBLIC KEY)-----([A-Za-z0-9+/=\\s]+)" + "-----END \\1-----");
    private static final BigInteger P256_ORDER =
            new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);

    private final VAPIDKeyPair pair;
    private final String publicKey;
    private final String source;

    private VapidKeys(ECPrivateKey privateKey, ECPublicKey publicKey, String source) {
        this.pair = VAPIDKeyPairs.of(
                PrivateKeySources.ofECPrivateKey(privateKey), PublicKeySources.ofECPublicKey(publicKey));
        this.publicKey =
                Base64.getUrlEncoder().withoutPadding().encodeToString(pair.extractPublicKeyInUncompressedForm());
        this.source = source;
    }

    /**
     * The key kept in {@code file}, or a new one written there ({@code rw-------}).
     *
     * @throws IOException if the file cannot be read or written, is not a matching P-256 key pair in PEM, or may be
     *     read or written by group or others
     */
    public static VapidKeys loadOrCreate(Path file) throws IOException {
        try {
            return load(file);
        } catch (NoSuchFileException e) {
            KeyPair pair = generate();
            PrivateKeyFiles.write(file, "VAPID key", pem(pair));
            return new VapidKeys((ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic(), "new file " + file);
        }
    }

    /** A fresh key that is kept nowhere: for tests. */
    public static VapidKeys generated() {
        KeyPair pair = generate();
        return new VapidKeys((ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic(), "generated in memory");
    }

    /** The key pair that signs VAPID tokens (through zerodep-web-push-java). */
    public VAPIDKeyPair pair() {
        return pair;
    }

    /** The public key, uncompressed (65 bytes), base64url without padding: the browser's applicationServerKey. */
    public String publicKey() {
        return publicKey;
    }

    /** Names the public key and where the key came from; never the private key. */
    @Override
    public String toString() {
        return "VapidKeys[" + publicKey + ", " + source + "]";
    }

    private static VapidKeys load(Path file) throws IOException {
        String text = PrivateKeyFiles.read(file, "VAPID key");
        byte[] privateDer = null;
        byte[] publicDer = null;
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            byte[] der = der(block.group(2), file);
            if (block.group(1).equals("PRIVATE KEY")) {
                privateDer = der;
            } else {
                publicDer = der;
            }
        }
        if (privateDer == null || publicDer == null) {
            throw new IOException(
                    "VAPID key file " + file + " needs a PEM PRIVATE KEY (PKCS#8) and a PUBLIC KEY block");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            ECPrivateKey privateKey = (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
            ECPublicKey publicKey = (ECPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicDer));
            if (!P256_ORDER.equals(privateKey.getParams().getOrder())
                    || !P256_ORDER.equals(publicKey.getParams().getOrder())) {
                throw new IOException("VAPID key file " + file + " holds a key of another curve than P-256");
            }
            if (!pairs(privateKey, publicKey)) {
                throw new IOException(
                        "VAPID key file " + file + " holds a private key that does not match its public key");
            }
            return new VapidKeys(privateKey, publicKey, "file " + file);
        } catch (GeneralSecurityException | ClassCastException e) {
            // The provider's message may describe the key.
            throw new IOException("VAPID key file " + file + " holds no readable EC key pair");
        }
    }

    private static byte[] der(String base64, Path file) throws IOException {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IOException("VAPID key file " + file + " has a PEM block that is not base64");
        }
    }

    private static boolean pairs(ECPrivateKey privateKey, ECPublicKey publicKey) throws GeneralSecurityException {
        byte[] probe = "callsign-vapid-probe".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(probe);
        return verifier.verify(signature);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }

    private static String pem(KeyPair pair) {
        Base64.Encoder lines = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return "-----BEGIN PRIVATE KEY-----\n"
                + lines.encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n"
                + lines.encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }
}
