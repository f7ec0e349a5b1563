package org.callsign.benchmarks.calls;

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

/** PEM files of the benchmark's certificates, written for Quarkus' {@code quarkus.http.ssl.certificate.*}. */
final class Pem {
    private Pem() {}

    /** The CA's certificate, for {@code callsign.signaling.net.trust-store}. */
    static Path writeCa(TestCa ca, Path file) throws IOException {
        return Files.writeString(file, block("CERTIFICATE", encoded(ca.certificate())));
    }

    /**
     * A certificate of {@code ca} for {@code host} and {@code 127.0.0.1}: its chain (leaf, then CA) to
     * {@code <host>.crt} and its key to {@code <host>.key}, {@code rw-------}.
     *
     * @return the chain and the key file
     */
    static Path[] writeServer(TestCa ca, String host, Path directory) throws IOException {
        ServerIdentity identity = ca.issue(host, "127.0.0.1");
        Path chain = directory.resolve(host + ".crt");
        Path key = directory.resolve(host + ".key");
        Files.writeString(
                chain,
                block("CERTIFICATE", encoded(identity.certificate()))
                        + block("CERTIFICATE", encoded(ca.certificate())));
        Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(key, block("PRIVATE KEY", identity.privateKey().getEncoded()));
        return new Path[] {chain, key};
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
    }

    private static String block(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
