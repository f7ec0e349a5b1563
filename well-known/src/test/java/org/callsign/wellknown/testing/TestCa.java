package org.callsign.wellknown.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * A throw-away certificate authority generated in memory at test time, so that TLS tests can run against real
 * certificates without any key material in the repository.
 *
 * <p>The CA uses an EC P-256 key and a self-signed certificate valid from one hour ago to one day ahead. It issues
 * server certificates with the requested DNS names and IP addresses as subject alternative names, and supplies a trust
 * store and client {@link SSLContext} that trust this CA and nothing else.
 */
public final class TestCa {

    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X500Name subject;
    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private TestCa(X500Name subject, KeyPair keyPair, X509Certificate certificate) {
        this.subject = subject;
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /** A new CA whose certificate has the common name {@code name}. */
    public static TestCa create(String name) {
        X500Name subject = commonName(name);
        KeyPair keyPair = generateKeyPair();
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            subject,
                            serialNumber(),
                            Date.from(now.minus(Duration.ofHours(1))),
                            Date.from(now.plus(Duration.ofDays(1))),
                            subject,
                            keyPair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
            return new TestCa(subject, keyPair, sign(builder, keyPair.getPrivate()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot create test CA " + name, e);
        }
    }

    /** The CA's self-signed certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * A server key and certificate, valid now, for the given names; a name that is an IP literal (such as
     * {@code 127.0.0.1} or {@code ::1}) becomes an IP address entry, anything else a DNS name entry.
     */
    public ServerIdentity issue(String... dnsNamesOrIps) {
        Instant now = Instant.now();
        return issue(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), dnsNamesOrIps);
    }

    /** Like {@link #issue}, but the certificate expired a day ago, so clients must reject it. */
    public ServerIdentity issueExpired(String... dnsNamesOrIps) {
        Instant now = Instant.now();
        return issue(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), dnsNamesOrIps);
    }

    /** An in-memory PKCS#12 key store holding only this CA's certificate, as a trusted entry. */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("test-ca", certificate);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build trust store", e);
        }
    }

    /** A client {@link SSLContext} that trusts this CA and no other (PKIX trust manager, no client key). */
    public SSLContext clientSslContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build client SSLContext", e);
        }
    }

    private ServerIdentity issue(Instant notBefore, Instant notAfter, String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("at least one DNS name or IP address is required");
        }
        KeyPair serverKeys = generateKeyPair();
        GeneralName[] altNames = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
            altNames[i] = IPAddress.isValid(names[i])
                    ? new GeneralName(GeneralName.iPAddress, names[i])
                    : new GeneralName(GeneralName.dNSName, names[i]);
        }
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            PublicKey serverPublic = serverKeys.getPublic();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            subject,
                            serialNumber(),
                            Date.from(notBefore),
                            Date.from(notAfter),
                            commonName(names[0]),
                            serverPublic)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(altNames))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(serverPublic))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            return new ServerIdentity(serverKeys.getPrivate(), sign(builder, keyPair.getPrivate()), certificate);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue certificate for " + String.join(", ", names), e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
            throws GeneralSecurityException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign certificate", e);
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

    private static X500Name commonName(String name) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
    }

    private static BigInteger serialNumber() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }
}
