package org.callsign.idp.config;

import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Upstream OpenID Connect providers (keys under {@code callsign.idp.upstream}): a user logs in at this IdP through one
 * of them with the authorization code flow (OpenID Connect Core 1.0 §3.1), and the mapping rule of the provider names
 * the local account. None are configured by default.
 */
public interface UpstreamConfig {

    /** The providers, by a short name of the operator's choice (lower-case letters, digits and dashes). */
    Map<String, Provider> providers();

    /** How long a started upstream login (its {@code state}, {@code nonce} and PKCE verifier) waits for the callback. */
    @WithDefault("10m")
    Duration loginTimeout();

    /**
     * Whether upstream providers may be on loopback addresses, over plain HTTP: for tests and single-machine
     * development only. Off by default: HTTPS to public addresses only.
     */
    @WithDefault("false")
    boolean allowLoopback();

    /** One upstream provider. */
    interface Provider {

        /** The issuer URL; its metadata is read from {@code <issuer>/.well-known/openid-configuration}. */
        URI issuer();

        /** The button text, "Sign in with <display name>"; default: the provider's name. */
        Optional<String> displayName();

        /** The client id registered at the provider. */
        String clientId();

        /** The client secret (sent with HTTP Basic, {@code client_secret_basic}); never logged. */
        String clientSecret();

        /** Scopes requested; {@code openid} is always added. */
        @WithDefault("openid,email")
        List<String> scopes();

        /** The mapping rule from the provider's claims to a local account. */
        Mapping mapping();
    }

    /** How an upstream identity becomes a local one; links made by users are consulted first. */
    interface Mapping {

        /**
         * E-mail domains whose verified addresses ({@code email} with {@code email_verified: true}) map to the
         * account named by the address's local part: {@code alice@corp.example} is {@code alice@<idp domain>}. None:
         * the e-mail rule is off.
         */
        Optional<List<String>> emailDomains();

        /** Fixed links, {@code links."<sub>"=<username>}: the provider's {@code sub} → a local username. */
        Map<String, String> links();

        /** Whether a first login through this provider may create the local account the rule names. */
        @WithDefault("false")
        boolean createAccounts();
    }
}
