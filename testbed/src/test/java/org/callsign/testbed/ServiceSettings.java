package org.callsign.testbed;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration the testbed gives each service: HTTPS only on a given loopback port with a certificate of the
 * testbed's CA, its own data directory, the cheapest allowed bcrypt cost, and per-address limits that one test run
 * from 127.0.0.1 does not reach.
 * The signaling servers also get what federation needs ({@link #signalingFederation}): the CA, the names mapped to
 * loopback, and a short ring timeout.
 */
final class ServiceSettings {
    private ServiceSettings() {}

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

    /** The federation settings of docs/federation.md that the testbed sets, by property name. */
    static Map<String, String> signalingFederation(Path caPem, String connectTo) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("callsign.signaling.net.trust-store", caPem.toString());
        properties.put("callsign.signaling.net.connect-to", connectTo);
        properties.put("callsign.signaling.net.allow-loopback", "true");
        properties.put("callsign.signaling.calls.ring-timeout", "5s");
        return properties;
    }
}
