package org.callsign.benchmarks.idp;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.callsign.benchmarks.ChildProcesses;
import org.callsign.wellknown.testing.ServerIdentity;
import org.callsign.wellknown.testing.TestCa;

/**
 * The packaged idp-server ({@code quarkus-run.jar}) as a child JVM, set up for a load test: a temporary data
 * directory, HTTPS on a free loopback port with a certificate for {@code localhost} from a {@link TestCa} generated
 * now (written as PEM for {@code quarkus.http.ssl.certificate.*}), plain HTTP on another free port, identities
 * {@code user@localhost}, the cheapest allowed bcrypt cost and request limits the set-up never reaches. Everything
 * is passed as {@code -D} system properties, so the packaged configuration is otherwise untouched.
 */
final class IdpProcess implements AutoCloseable {
    /** The domain of the identities: {@code bench@localhost}. */
    static final String DOMAIN = "localhost";

    private static final long READY_TIMEOUT_MILLIS = 120_000;

    private final Process process;
    private final Path directory;
    private final Path log;
    private final Endpoint https;
    private final Endpoint http;

    private IdpProcess(Process process, Path directory, Path log, Endpoint https, Endpoint http) {
        this.process = process;
        this.directory = directory;
        this.log = log;
        this.https = https;
        this.http = http;
    }

    /**
     * Starts {@code jar} with the JVM {@code java} and {@code jvmFlags}, output to {@code log}, and waits until
     * {@code /q/health/ready} answers 200.
     */
    static IdpProcess start(Path java, List<String> jvmFlags, Path jar, Path log) throws IOException {
        Path directory = Files.createTempDirectory("callsign-idp-bench-");
        TestCa ca = TestCa.create("idp-server benchmark CA");
        ServerIdentity identity = ca.issue(DOMAIN, "127.0.0.1");
        Path cert = directory.resolve("server.crt");
        Path key = directory.resolve("server.key");
        Files.writeString(
                cert,
                pem("CERTIFICATE", encoded(identity.certificate())) + pem("CERTIFICATE", encoded(ca.certificate())));
        Files.writeString(key, pem("PRIVATE KEY", identity.privateKey().getEncoded()));
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        Endpoint https = new Endpoint("https", DOMAIN, loopback, ChildProcesses.freePort(), ca.clientSslContext());
        Endpoint http = new Endpoint("http", DOMAIN, loopback, ChildProcesses.freePort(), null);

        Map<String, String> properties = Map.ofEntries(
                Map.entry("quarkus.http.host", "127.0.0.1"),
                Map.entry("quarkus.http.port", Integer.toString(http.port())),
                Map.entry("quarkus.http.ssl-port", Integer.toString(https.port())),
                Map.entry("quarkus.http.ssl.certificate.files", cert.toString()),
                Map.entry("quarkus.http.ssl.certificate.key-files", key.toString()),
                Map.entry("callsign.idp.domain", DOMAIN),
                Map.entry("callsign.idp.issuer", https.origin()),
                Map.entry("callsign.idp.data-dir", directory.resolve("data").toString()),
                Map.entry("callsign.idp.accounts.bcrypt-cost", "10"),
                Map.entry("callsign.idp.rate-limit.requests-per-minute", "1000000"),
                Map.entry("callsign.idp.rate-limit.ip-failures", "1000000"),
                Map.entry("callsign.idp.rate-limit.account-failures", "1000000"));
        Process process = ChildProcesses.launch(java, jvmFlags, properties, jar, directory, log);
        IdpProcess idp = new IdpProcess(process, directory, log, https, http);
        try {
            idp.awaitReady();
        } catch (RuntimeException e) {
            idp.close();
            throw e;
        }
        return idp;
    }

    Endpoint https() {
        return https;
    }

    Endpoint http() {
        return http;
    }

    /** The server JVM's process id. */
    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws IOException {
        ChildProcesses.stop(process, directory);
    }

    /** Waits until both listeners answer {@code /q/health/ready} with 200. */
    private void awaitReady() {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("idp-server exited with " + process.exitValue() + "; see " + log);
            }
            if (ready(http) && ready(https)) {
                return;
            }
            ChildProcesses.sleep(200);
        }
        throw new IllegalStateException("idp-server not ready within " + READY_TIMEOUT_MILLIS + " ms; see " + log);
    }

    private static boolean ready(Endpoint endpoint) {
        try (Http1Connection connection = new Http1Connection(endpoint)) {
            return connection
                            .exchange(endpoint.request("GET", "/q/health/ready", Map.of(), null))
                            .status()
                    == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
