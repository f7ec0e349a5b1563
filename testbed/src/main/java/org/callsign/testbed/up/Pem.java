package org.callsign.testbed.up;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM files (RFC 7468) of certificates and PKCS#8 EC private keys, as Quarkus' {@code quarkus.http.ssl.certificate.*}
 * options, curl and browsers take them. Private keys are written {@code rw-------}.
 */
public final class Pem {
    private static final Pattern PRIVATE_KEY =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private Pem() {}

    /** {@code der} as a PEM block of {@code type}, lines of 64 characters. */
    public static String encode(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    /** The certificates, in order, as one PEM text. */
    public static String certificates(X509Certificate... certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                pem.append(encode("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(
                        "cannot encode certificate " + certificate.getSubjectX500Principal(), e);
            }
        }
        return pem.toString();
    }

    /** Writes {@code key} as PKCS#8 PEM to {@code file}, which is {@code rw-------} before anything is written. */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        writeSecret(file, encode("PRIVATE KEY", key.getEncoded()));
    }

    /** Writes {@code text} to {@code file}, created or made {@code rw-------} before anything is written. */
    public static void writeSecret(Path file, String text) throws IOException {
        var ownerOnly = PosixFilePermissions.fromString("rw-------");
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, ownerOnly);
        } else {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The certificates of a PEM file, in order. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        } catch (CertificateException e) {
            throw new IOException(file + ": not a PEM certificate file: " + e.getMessage(), e);
        }
    }

    /** The EC private key of a PKCS#8 PEM file ({@code BEGIN PRIVATE KEY}). */
    public static PrivateKey readEcPrivateKey(Path file) throws IOException {
        Matcher block = PRIVATE_KEY.matcher(Files.readString(file, StandardCharsets.US_ASCII));
        if (!block.find()) {
            throw new IOException(file + ": no PKCS#8 PEM private key (BEGIN PRIVATE KEY)");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(block.group(1));
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IOException(file + ": not an EC private key: " + e.getMessage(), e);
        }
    }
}
