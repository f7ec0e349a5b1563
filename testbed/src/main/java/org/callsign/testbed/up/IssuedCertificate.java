package org.callsign.testbed.up;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A server's key and certificate issued by a {@link LocalCa}.
 *
 * @param privateKey the server's private key
 * @param certificate the server (leaf) certificate
 * @param caCertificate the issuing CA's certificate, second in the chain
 */
public record IssuedCertificate(PrivateKey privateKey, X509Certificate certificate, X509Certificate caCertificate) {

    /** Writes the chain (leaf, then CA) to {@code chain} and the key ({@code rw-------}) to {@code key}. */
    public CertificateFiles write(Path chain, Path key) throws IOException {
        Pem.writePrivateKey(key, privateKey);
        Files.writeString(chain, Pem.certificates(certificate, caCertificate));
        return new CertificateFiles(chain, key);
    }
}
