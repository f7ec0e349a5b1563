package org.callsign.server.store;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.callsign.wellknown.testing.ServerIdentity;
import org.callsign.wellknown.testing.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code rediss://}: the server's certificate is checked against the trust store (or the JVM's CAs) and the URL's host
 * name. The certificates come from a CA made for the test, for {@code localhost} only.
 */
class RedisTlsTest {

    private static final Path CERTS = temporaryDirectory();
    private static final TestCa CA = TestCa.create("Redis test CA");
    private static final Path CA_PEM = CERTS.resolve("ca.pem");

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis().withTls(certificateFiles(), CERTS.resolve("server-key.pem"));

    @AfterAll
    static void deleteCertificates() throws IOException {
        try (var files = Files.list(CERTS)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(CERTS);
    }

    @Test
    void connectsOverTlsToAServerTheTrustStoreVouchesFor() {
        String url = "rediss://localhost:" + REDIS.tlsPort();
        RedisStoreOptions options = new RedisStoreOptions(url, "tls:").withTrustStore(CA_PEM);
        try (KeyValueStore store = RedisKeyValueStore.open(options)) {
            store.put("accounts", "alice", "over tls".getBytes());
        }
        assertEquals("over tls", REDIS.cli("HGET", "tls:accounts", "alice"));
    }

    @Test
    void refusesACertificateForAnotherHostName() {
        String url = "rediss://127.0.0.1:" + REDIS.tlsPort();
        RedisStoreOptions options = new RedisStoreOptions(url, "tls:").withTrustStore(CA_PEM);
        StoreException e = assertThrows(StoreException.class, () -> RedisKeyValueStore.open(options));
        assertTrue(e.getMessage().startsWith("redis " + url + ": connecting failed: "), e.getMessage());
    }

    @Test
    void refusesAServerTheJvmDoesNotTrust() {
        String url = "rediss://localhost:" + REDIS.tlsPort();
        StoreException e =
                assertThrows(StoreException.class, () -> RedisKeyValueStore.open(new RedisStoreOptions(url, "tls:")));
        assertTrue(e.getMessage().startsWith("redis " + url + ": connecting failed: "), e.getMessage());
    }

    /** Writes the CA's certificate and a server certificate and key for localhost; returns the certificate's file. */
    private static Path certificateFiles() {
        ServerIdentity server = CA.issue("localhost");
        try {
            Files.writeString(CA_PEM, pem("CERTIFICATE", CA.certificate().getEncoded()), US_ASCII);
            Path certificate = CERTS.resolve("server.pem");
            Files.writeString(
                    certificate, pem("CERTIFICATE", server.certificate().getEncoded()), US_ASCII);
            Files.writeString(
                    CERTS.resolve("server-key.pem"),
                    pem("PRIVATE KEY", server.privateKey().getEncoded()),
                    US_ASCII);
            return certificate;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("redis-tls");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
