package org.callsign.idp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The IdP's configuration, every key under {@code callsign.idp}. Defaults suit a development run on loopback; the
 * module README lists each key.
 */
@ConfigMapping(prefix = "callsign.idp")
public interface IdpConfig {

    /**
     * The domain this IdP vouches for: identities are {@code user@<domain>} (RFC 8827 §8.1). Host and optional port.
     */
    @WithDefault("localhost:8081")
    String domain();

    /**
     * The issuer URL ({@code iss} of assertions, {@code issuer} of the discovery document). Default: {@code
     * https://<domain>}. Set it explicitly (for example {@code http://localhost:8081}) to run over plain HTTP on
     * loopback.
     */
    Optional<URI> issuer();

    /** Directory of the embedded store; created {@code rwx------} if missing. */
    @WithDefault("./data/idp")
    Path dataDir();

    /** Signing keys. */
    Keys keys();

    /** Identity assertions. */
    Assertion assertion();

    /** The issuer URL, explicit or derived from {@link #domain()}, without a trailing slash. */
    default String issuerUrl() {
        String url = issuer().map(URI::toString).orElse("https://" + domain());
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Signing-key configuration. */
    interface Keys {

        /**
         * JWS algorithm of newly generated keys: {@code ES256} (P-256) or {@code EdDSA} (Ed25519). A change takes
         * effect for the key generated next; the current key keeps signing until the next rotation.
         */
        @WithDefault("ES256")
        String algorithm();

        /** How long a key signs before the published next key replaces it. */
        @WithDefault("30d")
        Duration rotationPeriod();

        /**
         * Extra time a retired key stays published after the last assertion it signed has expired, for verifiers
         * whose clock runs slow.
         */
        @WithDefault("1m")
        Duration retirementGrace();

        /**
         * How often the scheduler checks whether the current key is due for rotation and whether retired keys can
         * be removed ({@code off} disables the check).
         */
        @WithDefault("1m")
        String checkInterval();
    }

    /** Assertion configuration. */
    interface Assertion {

        /** Lifetime of an assertion ({@code exp - iat}); a retired key stays published at least this long. */
        @WithDefault("5m")
        Duration lifetime();
    }
}
