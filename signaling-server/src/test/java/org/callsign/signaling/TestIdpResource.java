package org.callsign.signaling;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.Map;
import org.callsign.shim.testing.TestIdp;
import org.callsign.wellknown.testing.TestCa;

/**
 * Starts browser-shim's {@link TestIdp} ({@code idp-a.test} and {@code idp-b.test} on one loopback HTTPS server, the
 * {@code test-idp} proxy) and points the server's outbound fetcher at it: the test CA as trust store, both domains'
 * port 443 connected to the IdP's port, loopback allowed.
 */
public class TestIdpResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TestIdp idp;

    /** The running IdP, for tests to set its identity, sign and serve scripts. */
    public static TestIdp idp() {
        return idp;
    }

    @Override
    public Map<String, String> start() {
        idp = TestIdp.start().serveProxy("test-idp");
        int port = idp.server().port();
        return Map.of(
                "callsign.signaling.net.trust-store",
                trustStore(idp.ca()).toString(),
                "callsign.signaling.net.allow-loopback",
                "true",
                "callsign.signaling.net.connect-to",
                "idp-a.test:443=127.0.0.1:" + port + ",idp-b.test:443=127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        if (idp != null) {
            idp.close();
        }
    }

    /** A PEM file of {@code ca}'s certificate, deleted when the JVM exits: a {@code net.trust-store} that trusts it. */
    public static Path trustStore(TestCa ca) {
        try {
            Path file = Files.createTempFile("callsign-test-ca", ".pem");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'})
                            .encodeToString(ca.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
