package org.callsign.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.callsign.wellknown.testing.ServerIdentity;
import org.callsign.wellknown.testing.TestCa;

/**
 * The testbed's certificates, generated when it starts and written as PEM to its temporary directory: a
 * {@link TestCa} ({@code ca.pem}) and, per host name, a leaf certificate for that name and {@code 127.0.0.1} (so that
 * test clients may connect by IP), with its chain ({@code <host>.crt}: leaf, then CA) and key ({@code <host>.key}).
 */
final class Certificates {
    private final TestCa ca;
    private final Path directory;
    private final Path caPem;

    private Certificates(TestCa ca, Path directory, Path caPem) {
        this.ca = ca;
        this.directory = directory;
        this.caPem = caPem;
    }

    /** A new CA; its certificate is written to {@code directory/ca.pem}. */
    static Certificates create(Path directory) throws IOException {
        TestCa ca = TestCa.create("Callsign testbed CA");
        Path caPem = directory.resolve("ca.pem");
        Files.writeString(caPem, pem("CERTIFICATE", encoded(ca.certificate())));
        return new Certificates(ca, directory, caPem);
    }

    TestCa ca() {
        return ca;
    }

    Path caPem() {
        return caPem;
    }

    /** Issues a certificate for {@code host} and {@code 127.0.0.1} and writes it; the key file is {@code rw-------}. */
    Issued issue(String host) throws IOException {
        ServerIdentity identity = ca.issue(host, "127.0.0.1");
        Path chain = directory.resolve(host + ".crt");
        Path key = directory.resolve(host + ".key");
        Files.writeString(
                chain,
                pem("CERTIFICATE", encoded(identity.certificate())) + pem("CERTIFICATE", encoded(ca.certificate())));
        Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(key, pem("PRIVATE KEY", identity.privateKey().getEncoded()));
        return new Issued(chain, key);
    }

    /** The PEM files of one server: its certificate chain and its PKCS#8 private key. */
    record Issued(Path chain, Path key) {}

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
