package org.callsign.wellknown.testing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A server's private key and certificate issued by a {@link TestCa}, ready to be served by a TLS server.
 *
 * @param privateKey the server's private key
 * @param certificate the server (leaf) certificate
 * @param caCertificate the issuing CA's certificate, sent as the second element of the chain
 */
public record ServerIdentity(PrivateKey privateKey, X509Certificate certificate, X509Certificate caCertificate) {

    private static final char[] KEY_PASSWORD = "test-only".toCharArray();

    /** The chain presented in the handshake: leaf first, then the CA. */
    public X509Certificate[] chain() {
        return new X509Certificate[] {certificate, caCertificate};
    }

    /** A server {@link SSLContext} presenting this key and chain; it asks for no client certificate. */
    public SSLContext serverSslContext() {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", privateKey, KEY_PASSWORD, new Certificate[] {certificate, caCertificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, KEY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build server SSLContext", e);
        }
    }
}
