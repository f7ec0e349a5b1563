package org.callsign.testbed.up;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The CA and server certificates of {@code ./callsign up}, made on first start and reused after: a server certificate
 * is issued again only when it is missing, not issued by the CA, due to expire within {@link #RENEW_BEFORE}, or for
 * other names.
 */
public final class UpCertificates {
    /** The CA's validity. */
    public static final Duration CA_VALIDITY = Duration.ofDays(3650);

    /** A server certificate's validity (browsers accept at most 398 days). */
    public static final Duration SERVER_VALIDITY = Duration.ofDays(365);

    /** How long before it expires a server certificate is replaced. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private UpCertificates() {}

    /** The CA of {@code data}, created there when neither of its files exists. */
    public static LocalCa ca(DataDirectory data) throws IOException {
        boolean certificate = Files.exists(data.caCertificate());
        boolean key = Files.exists(data.caKey());
        if (certificate && key) {
            return LocalCa.load(data.caCertificate(), data.caKey());
        }
        if (certificate || key) {
            throw new IOException("the CA is incomplete: " + (certificate ? data.caKey() : data.caCertificate())
                    + " is missing; remove " + data.caCertificate().getParent() + " and tls/ to have a new CA made");
        }
        LocalCa ca = LocalCa.create("Callsign local CA", CA_VALIDITY);
        ca.save(data.caCertificate(), data.caKey());
        return ca;
    }

    /** {@code tls/<name>.crt} and {@code .key} for {@code names}: reused when still good, else issued now. */
    public static CertificateFiles server(LocalCa ca, DataDirectory data, String name, List<String> names)
            throws IOException {
        CertificateFiles files = new CertificateFiles(
                data.tls().resolve(name + ".crt"), data.tls().resolve(name + ".key"));
        if (Files.exists(files.chain()) && Files.exists(files.key()) && stillGood(ca, files.chain(), names)) {
            return files;
        }
        return ca.issue(SERVER_VALIDITY, names.toArray(String[]::new)).write(files.chain(), files.key());
    }

    private static boolean stillGood(LocalCa ca, Path chain, List<String> names) throws IOException {
        List<X509Certificate> certificates = Pem.readCertificates(chain);
        if (certificates.isEmpty()) {
            return false;
        }
        X509Certificate leaf = certificates.get(0);
        try {
            leaf.verify(ca.certificate().getPublicKey());
        } catch (GeneralSecurityException e) {
            return false;
        }
        Instant renewAt = Instant.now().plus(RENEW_BEFORE);
        return leaf.getNotAfter().toInstant().isAfter(renewAt)
                && subjectNames(leaf).equals(new HashSet<>(names));
    }

    private static Set<String> subjectNames(X509Certificate certificate) throws IOException {
        Set<String> names = new HashSet<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    names.add(String.valueOf(entry.get(1)));
                }
            }
        } catch (CertificateParsingException e) {
            throw new IOException("cannot read the names of " + certificate.getSubjectX500Principal(), e);
        }
        return names;
    }
}
