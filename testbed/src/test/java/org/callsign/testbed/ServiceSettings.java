package org.callsign.testbed;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration the testbed gives each service: HTTPS only on a given loopback port with a certificate of the
 * testbed's CA, its own data directory, the cheapest allowed bcrypt cost, and per-address limits that one test run
 * from 127.0.0.1 does not reach.
 *
 * <p>The signaling server's federation keys ({@code net.*}, {@code calls.*}: docs/federation.md, "Configuration") are
 * kept apart ({@link #signalingFederation}), because a server that does not know them yet refuses to start when they
 * arrive as system properties (SmallRye Config: "does not map to any root"). They are passed as environment variables
 * by default, which such a server ignores and a server that knows them reads; see {@link FederationKeys}.
 */
final class ServiceSettings {
    private ServiceSettings() {}

    /** How the signaling server's federation keys reach it: {@code -Dtestbed.federation-keys=env|properties|off}. */
    enum FederationKeys {
        /** As environment variables ({@code CALLSIGN_SIGNALING_NET_CONNECT_TO}): ignored by a server without them. */
        ENV("env"),
        /** As {@code -D} system properties: a server without them fails to start. */
        PROPERTIES("properties"),
        /** Not at all. */
        OFF("off");

        static final String PROPERTY = "testbed.federation-keys";

        private final String value;

        FederationKeys(String value) {
            this.value = value;
        }

        static FederationKeys configured() {
            String configured = System.getProperty(PROPERTY, ENV.value);
            for (FederationKeys mode : values()) {
                if (mode.value.equals(configured)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException(PROPERTY + " must be env, properties or off: " + configured);
        }
    }

    /** Quarkus' HTTPS-only listener on 127.0.0.1:{@code port}. */
    static Map<String, String> https(int port, Certificates.Issued certificate) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("quarkus.http.port", "0");
        properties.put("quarkus.http.ssl-port", Integer.toString(port));
        properties.put("quarkus.http.insecure-requests", "disabled");
        properties.put("quarkus.http.ssl.certificate.files", certificate.chain().toString());
        properties.put(
                "quarkus.http.ssl.certificate.key-files", certificate.key().toString());
        return properties;
    }

    static Map<String, String> idp(Domain domain, int port, Certificates.Issued certificate, Path dataDir) {
        Map<String, String> properties = https(port, certificate);
        properties.put("callsign.idp.domain", domain.idpHost());
        properties.put("callsign.idp.issuer", domain.idpOrigin());
        properties.put("callsign.idp.data-dir", dataDir.toString());
        properties.put("callsign.idp.accounts.bcrypt-cost", "10");
        properties.put("callsign.idp.sessions.cookie-secure", "true");
        properties.put("callsign.idp.rate-limit.requests-per-minute", "100000");
        properties.put("callsign.idp.rate-limit.ip-failures", "100000");
        return properties;
    }

    static Map<String, String> signaling(
            Domain domain, int port, Certificates.Issued certificate, Path dataDir, String adminSecret) {
        Map<String, String> properties = https(port, certificate);
        properties.put("callsign.signaling.public-url", domain.signalingOrigin());
        properties.put("callsign.signaling.data-dir", dataDir.toString());
        properties.put("callsign.signaling.clients.bcrypt-cost", "10");
        properties.put("callsign.signaling.registration.admin-secret", adminSecret);
        properties.put("callsign.signaling.rate-limit.requests-per-minute", "100000");
        properties.put("callsign.signaling.rate-limit.ip-failures", "100000");
        properties.put("callsign.signaling.rate-limit.key-checks-per-second", "100000");
        return properties;
    }

    /** The federation keys of docs/federation.md that the testbed sets, by property name. */
    static Map<String, String> signalingFederation(Path caPem, String connectTo) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("callsign.signaling.net.trust-store", caPem.toString());
        properties.put("callsign.signaling.net.connect-to", connectTo);
        properties.put("callsign.signaling.net.allow-loopback", "true");
        properties.put("callsign.signaling.calls.ring-timeout", "5s");
        return properties;
    }

    /** {@code callsign.signaling.net.connect-to} as an environment variable name (SmallRye Config's mapping). */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
