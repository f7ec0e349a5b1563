package org.callsign.signaling.push.service;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Checks that bytes are a P-256 public key in uncompressed form (SEC 1 §2.3.3: {@code 0x04 || X || Y}, 65 bytes), as
 * RFC 8291 §3.1 requires of a subscription's {@code p256dh}, and that the point lies on the curve (SEC 2 §2.4.2,
 * {@code y² = x³ - 3x + b mod p}): ECDH with a point off the curve would leak bits of the sender's ephemeral key.
 */
public final class P256Points {

    /** The length of an uncompressed point. */
    public static final int UNCOMPRESSED_BYTES = 65;

    private static final BigInteger P =
            new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger B =
            new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);
    private static final BigInteger THREE = BigInteger.valueOf(3);

    private P256Points() {}

    /** Why {@code point} is not an uncompressed P-256 point, or {@code null} if it is one. */
    public static String problem(byte[] point) {
        if (point.length != UNCOMPRESSED_BYTES) {
            return "is " + point.length + " bytes, not the " + UNCOMPRESSED_BYTES + " of an uncompressed P-256 point";
        }
        if (point[0] != 0x04) {
            return "is not an uncompressed point (first byte 0x04)";
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
            return "has a coordinate outside the field of P-256";
        }
        BigInteger left = y.modPow(BigInteger.TWO, P);
        BigInteger right = x.pow(3).subtract(x.multiply(THREE)).add(B).mod(P);
        return left.equals(right) ? null : "is not a point on the P-256 curve";
    }
}
