package org.callsign.server.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.spec.EncryptablePasswordSpec;
import org.wildfly.security.password.spec.IteratedSaltedPasswordAlgorithmSpec;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * bcrypt hashes in modular crypt format ({@code $2a$<cost>$<salt><hash>}), with a check that takes the same time
 * whether the password is right, wrong, or the account does not exist.
 *
 * <p>Hashing is Elytron's bcrypt (the implementation Quarkus itself uses). A check recomputes the hash with the stored
 * cost and salt and compares the two strings with
 * {@link MessageDigest#isEqual} (constant time), rather than Elytron's own verify, which compares with
 * {@code Arrays.equals}. Unknown users are checked against {@link #checkDummy a dummy hash} of the configured cost,
 * so that the response time does not tell whether a username exists.
 */
public final class PasswordHasher {

    /** The lowest accepted cost (DESIGN.md: bcrypt cost ≥ 10). */
    public static final int MIN_COST = 10;

    /** bcrypt's highest cost. */
    public static final int MAX_COST = 31;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int cost;
    private final String dummyHash;

    public PasswordHasher(int cost) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be " + MIN_COST + " to " + MAX_COST + ": " + cost);
        }
        this.cost = cost;
        this.dummyHash = dummyHash(cost);
    }

    /**
     * A well-formed hash of the given cost with a random salt and random hash bytes, which no password is known to
     * match. Checking against it costs a full bcrypt of that cost, as a real check does; making it costs nothing, where
     * hashing a random password would cost a bcrypt at every service start (about half of a service's start-up CPU on
     * a small machine).
     */
    private static String dummyHash(int cost) {
        byte[] salt = new byte[BCryptPassword.BCRYPT_SALT_SIZE];
        byte[] hash = new byte[BCryptPassword.BCRYPT_HASH_SIZE];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(hash);
        try {
            return ModularCrypt.encodeAsString(
                    BCryptPassword.createRaw(BCryptPassword.ALGORITHM_BCRYPT, hash, salt, cost));
        } catch (InvalidKeySpecException e) {
            throw new IllegalStateException("cannot encode a bcrypt hash: " + e.getMessage(), e);
        }
    }

    /** The hash that {@link #checkDummy} checks against. */
    String dummyHash() {
        return dummyHash;
    }

    /** The configured cost of new hashes. */
    public int cost() {
        return cost;
    }

    /** A new hash of the (normalised) password with a fresh salt. */
    public String hash(String password) {
        byte[] salt = new byte[BCryptPassword.BCRYPT_SALT_SIZE];
        RANDOM.nextBytes(salt);
        return bcrypt(password, cost, salt);
    }

    /** Whether {@code password} matches {@code storedHash}, in time independent of where they differ. */
    public boolean matches(String password, String storedHash) {
        BCryptPassword stored = decode(storedHash);
        if (stored == null) {
            return false;
        }
        String computed = bcrypt(password, stored.getIterationCount(), stored.getSalt());
        return MessageDigest.isEqual(
                computed.getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Spends the time of a real check, for a user that does not exist; always false. */
    public boolean checkDummy(String password) {
        matches(password == null ? "" : password, dummyHash);
        return false;
    }

    /** Whether a stored hash is cheaper than the configured cost, so worth rehashing after a successful login. */
    public boolean needsRehash(String storedHash) {
        BCryptPassword stored = decode(storedHash);
        return stored != null && stored.getIterationCount() < cost;
    }

    private static String bcrypt(String password, int cost, byte[] salt) {
        try {
            PasswordFactory factory = PasswordFactory.getInstance(
                    BCryptPassword.ALGORITHM_BCRYPT, WildFlyElytronPasswordProvider.getInstance());
            Password hashed = factory.generatePassword(new EncryptablePasswordSpec(
                    password.toCharArray(), new IteratedSaltedPasswordAlgorithmSpec(cost, salt)));
            return ModularCrypt.encodeAsString(hashed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "bcrypt is unavailable: " + e.getClass().getSimpleName(), e);
        }
    }

    private static BCryptPassword decode(String storedHash) {
        try {
            Password password = ModularCrypt.decode(storedHash);
            return password instanceof BCryptPassword bcrypt ? bcrypt : null;
        } catch (Exception e) {
            return null;
        }
    }
}
