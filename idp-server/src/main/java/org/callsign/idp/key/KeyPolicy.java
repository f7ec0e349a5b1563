package org.callsign.idp.key;

import java.time.Duration;
import java.util.Objects;
import org.callsign.idp.config.IdpConfig;

/**
 * How keys are generated, rotated and retired.
 *
 * @param algorithm algorithm of newly generated keys
 * @param rotationPeriod how long a key is current before the next key replaces it
 * @param retention how long a retired key stays published: the assertion lifetime plus a grace for slow clocks
 */
public record KeyPolicy(KeyAlgorithm algorithm, Duration rotationPeriod, Duration retention) {

    public KeyPolicy {
        Objects.requireNonNull(algorithm, "algorithm");
        if (rotationPeriod.isNegative() || rotationPeriod.isZero()) {
            throw new IllegalArgumentException("key rotation period must be positive: " + rotationPeriod);
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("key retention must not be negative: " + retention);
        }
    }

    /** The policy that {@code callsign.idp.keys.*} and {@code callsign.idp.assertion.lifetime} describe. */
    public static KeyPolicy from(IdpConfig config) {
        return new KeyPolicy(
                KeyAlgorithm.fromJoseName(config.keys().algorithm()),
                config.keys().rotationPeriod(),
                config.assertion().lifetime().plus(config.keys().retirementGrace()));
    }
}
