package org.callsign.signaling.push.service;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** A user agent's push keys (RFC 8291 §3), made at test time as a browser makes them. */
public final class UserAgentKeys {

    private UserAgentKeys() {}

    /** A fresh P-256 public key, uncompressed, base64url without padding. */
    public static String p256dh() {
        return encode(uncompressed(generate()));
    }

    /** A fresh 16-byte authentication secret, base64url without padding. */
    public static String auth() {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        return encode(secret);
    }

    /** The uncompressed point of a fresh key: {@code 0x04 || X || Y}. */
    public static byte[] uncompressed(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 0x04;
        copy(key.getW().getAffineX(), point, 1);
        copy(key.getW().getAffineY(), point, 33);
        return point;
    }

    /** A fresh P-256 public key. */
    public static ECPublicKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return (ECPublicKey) pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** base64url without padding. */
    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void copy(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }
}
