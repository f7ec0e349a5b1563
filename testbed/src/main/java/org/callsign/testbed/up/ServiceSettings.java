package org.callsign.testbed.up;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration, by property name, that the testbed and {@code ./callsign up} give each service: HTTPS only on
 * one address with a certificate of a {@link LocalCa}, the service's names and data directory, and for the signaling
 * server what its outbound fetchers need to reach names that resolve nowhere (the CA, the names mapped to loopback,
 * loopback allowed). The keys are documented in idp-server/README.md and signaling-server/README.md.
 */
public final class ServiceSettings {
    private ServiceSettings() {}

    /** Quarkus' HTTPS-only listener on {@code host:port}. */
    public static Map<String, String> https(String host, int port, CertificateFiles certificate) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.host", host);
        properties.put("quarkus.http.port", "0");
        properties.put("quarkus.http.ssl-port", Integer.toString(port));
        properties.put("quarkus.http.insecure-requests", "disabled");
        properties.put("quarkus.http.ssl.certificate.files", certificate.chain().toString());
        properties.put(
                "quarkus.http.ssl.certificate.key-files", certificate.key().toString());
        return properties;
    }

    /** An IdP vouching for {@code user@<domain>} with the issuer {@code issuer}, its store in {@code dataDir}. */
    public static Map<String, String> idp(String domain, String issuer, Path dataDir) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("callsign.idp.domain", domain);
        properties.put("callsign.idp.issuer", issuer);
        properties.put("callsign.idp.data-dir", dataDir.toString());
        properties.put("callsign.idp.sessions.cookie-secure", "true");
        return properties;
    }

    /** A signaling server reached at {@code publicUrl}, its store and keys in {@code dataDir}. */
    public static Map<String, String> signaling(String publicUrl, Path dataDir, String adminSecret) {
        Map<String, String> properties = signaling(publicUrl, dataDir);
        properties.put("callsign.signaling.registration.admin-secret", adminSecret);
        return properties;
    }

    /** {@link #signaling(String, Path, String)} without the admin secret, which {@link #adminSecret} passes. */
    public static Map<String, String> signaling(String publicUrl, Path dataDir) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("callsign.signaling.public-url", publicUrl);
        properties.put("callsign.signaling.data-dir", dataDir.toString());
        return properties;
    }

    /**
     * The admin secret as the environment variable of {@code callsign.signaling.registration.admin-secret}: unlike a
     * {@code -D} option it is not on the command line, which other users see ({@code ps}) and which a JDK may print
     * (JDK 25 repeats it in the log when it writes an AOT cache).
     */
    public static Map<String, String> adminSecret(String adminSecret) {
        return Map.of("CALLSIGN_SIGNALING_REGISTRATION_ADMIN_SECRET", adminSecret);
    }

    /**
     * The signaling server's outbound settings of docs/federation.md: trust {@code caPem}, connect the names of
     * {@code connectTo} ({@code host:port=ip:port,…}) to loopback, and allow loopback.
     */
    public static Map<String, String> signalingNet(Path caPem, String connectTo) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("callsign.signaling.net.trust-store", caPem.toString());
        properties.put("callsign.signaling.net.connect-to", connectTo);
        properties.put("callsign.signaling.net.allow-loopback", "true");
        return properties;
    }
}
