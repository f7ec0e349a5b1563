package org.callsign.wellknown.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

/** A trust store of the certificates in a PEM file (a private or test CA), for {@link FetchPolicy.Builder#trustStore}. */
public final class PemTrustStore {

    private PemTrustStore() {}

    /**
     * Every certificate of the file, as trusted entries; {@link IllegalArgumentException} with the file's name when it
     * cannot be read or holds no certificate.
     */
    public static KeyStore load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            if (index == 0) {
                throw new IllegalArgumentException("no certificate in " + file);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read certificates from " + file + " (" + e.getMessage() + ")");
        }
    }
}
