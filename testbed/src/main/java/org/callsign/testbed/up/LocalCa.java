package org.callsign.testbed.up;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate authority of this machine (EC P-256, SHA-256 with ECDSA) that issues the TLS certificates of servers
 * on loopback: {@code ./callsign up}'s, kept in its data directory, and the testbed's, made per test run. Its key is
 * stored as PKCS#8 PEM {@code rw-------}; clients trust its certificate and nothing else ({@link #clientSslContext}).
 *
 * <p>Making certificates ({@link CertificateSigner}) needs Bouncy Castle; loading a CA and checking certificates
 * does not, so that a restart of {@code ./callsign up} does not load (and verify the signatures of) its jars.
 */
public final class LocalCa {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final X509Certificate certificate;

    private LocalCa(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** A new CA named {@code name} (its common name), valid from an hour ago for {@code validity}. */
    public static LocalCa create(String name, Duration validity) {
        KeyPair keys = generateKeyPair();
        return new LocalCa(keys.getPrivate(), CertificateSigner.ca(keys, name, validity));
    }

    /** The CA kept in {@code certificatePem} and {@code keyPem} by {@link #save}. */
    public static LocalCa load(Path certificatePem, Path keyPem) throws IOException {
        List<X509Certificate> certificates = Pem.readCertificates(certificatePem);
        if (certificates.size() != 1) {
            throw new IOException(certificatePem + ": expected one CA certificate, found " + certificates.size());
        }
        return new LocalCa(Pem.readEcPrivateKey(keyPem), certificates.get(0));
    }

    /** Writes the certificate (PEM) and the key (PKCS#8 PEM, {@code rw-------}). */
    public void save(Path certificatePem, Path keyPem) throws IOException {
        Pem.writePrivateKey(keyPem, key);
        Files.writeString(certificatePem, Pem.certificates(certificate));
    }

    /** The CA's self-signed certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * A new server key and certificate for {@code names}, valid from an hour ago for {@code validity}; a name that is
     * an IP literal becomes an IP address entry, anything else a DNS name entry.
     */
    public IssuedCertificate issue(Duration validity, String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("at least one DNS name or IP address is required");
        }
        KeyPair serverKeys = generateKeyPair();
        X509Certificate issued = CertificateSigner.server(key, certificate, serverKeys.getPublic(), validity, names);
        return new IssuedCertificate(serverKeys.getPrivate(), issued, certificate);
    }

    /** An in-memory PKCS#12 key store holding only this CA's certificate, as a trusted entry. */
    public KeyStore trustStore() {
        return trustStore(certificate);
    }

    /** A client {@link SSLContext} that trusts this CA and no other. */
    public SSLContext clientSslContext() {
        return clientSslContext(certificate);
    }

    /** A key store holding only {@code ca}, as a trusted entry. */
    public static KeyStore trustStore(X509Certificate ca) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("callsign-ca", ca);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build trust store", e);
        }
    }

    /** A client {@link SSLContext} that trusts {@code ca} and no other (PKIX, no client key). */
    public static SSLContext clientSslContext(X509Certificate ca) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(trustStore(ca));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build client SSLContext", e);
        }
    }

    private static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate EC P-256 key pair", e);
        }
    }
}
