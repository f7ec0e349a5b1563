package org.callsign.idp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.callsign.server.store.StoreConfig;

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

    /** Directory of the embedded store ({@code idp.mv.db}); created {@code rwx------} if missing. */
    @WithDefault("./data/idp")
    Path dataDir();

    /**
     * Where the data is kept: {@code store.kind} {@code embedded} (the default) or {@code redis}, and the {@code
     * store.redis.*} settings (url, key-prefix, default {@code callsign:idp:}, timeout, allow-weak-durability).
     */
    StoreConfig store();

    /** Signing keys. */
    Keys keys();

    /** Identity assertions. */
    Assertion assertion();

    /** Accounts and passwords. */
    Accounts accounts();

    /** Cookie sessions and bearer tokens. */
    Sessions sessions();

    /** Request rate limits and the lockout after failed logins. */
    RateLimit rateLimit();

    /** The IdP's own HTML pages (login, consent). */
    Pages pages();

    /** Upstream OpenID Connect providers that users may log in with (identity brokering). */
    UpstreamConfig upstream();

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

    /** Account configuration. */
    interface Accounts {

        /** bcrypt cost (log2 of the rounds) of new password hashes, 10 to 31; older hashes are upgraded at login. */
        @WithDefault("12")
        int bcryptCost();

        /** Whether anyone may register an account through {@code POST /api/accounts}. */
        @WithDefault("true")
        boolean registrationEnabled();
    }

    /** Session and token configuration. */
    interface Sessions {

        /** Lifetime of a browser session (the session cookie and its server-side record). */
        @WithDefault("12h")
        Duration cookieLifetime();

        /** Lifetime of a bearer token. */
        @WithDefault("7d")
        Duration tokenLifetime();

        /**
         * Whether the session cookie carries {@code Secure} (and the {@code __Host-} name prefix). May be turned off
         * only when the issuer is a loopback URL, for plain-HTTP development; the IdP refuses to start otherwise.
         */
        @WithDefault("true")
        boolean cookieSecure();

        /** How often expired sessions, tokens and idle rate-limit entries are removed ({@code off} disables it). */
        @WithDefault("10m")
        String sweepInterval();
    }

    /** Rate limits, all in memory and per IdP process. */
    interface RateLimit {

        /** Requests per minute and client IP to the endpoints that check a password or create an account. */
        @WithDefault("30")
        int requestsPerMinute();

        /** Consecutive failed logins of one account before it is locked out. */
        @WithDefault("5")
        int accountFailures();

        /** Consecutive failed logins from one client IP before it is locked out. */
        @WithDefault("20")
        int ipFailures();

        /** The first lockout; each further failure doubles it, up to {@link #maxLockout()}. */
        @WithDefault("30s")
        Duration lockout();

        /** The longest lockout. */
        @WithDefault("15m")
        Duration maxLockout();
    }

    /** Page configuration. */
    interface Pages {

        /**
         * Origins allowed to frame the login and consent pages ({@code frame-ancestors}). None by default: the pages
         * open as popups, and a framed login form invites clickjacking.
         */
        Optional<List<String>> frameAncestors();
    }
}
