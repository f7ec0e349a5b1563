package org.callsign.testbed.up;

import java.nio.file.Path;

/**
 * The PEM files of one server, as {@code quarkus.http.ssl.certificate.files} and {@code key-files} take them.
 *
 * @param chain the certificate chain: leaf, then CA
 * @param key the PKCS#8 private key, {@code rw-------}
 */
public record CertificateFiles(Path chain, Path key) {}
