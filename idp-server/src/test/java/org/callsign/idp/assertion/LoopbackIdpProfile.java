package org.callsign.idp.assertion;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Runs the IdP as a development set-up on loopback would: domain {@code localhost}, issuer
 * {@code http://localhost:<port>} on a port chosen up front, so that a proxy loaded from that origin finds the issuer
 * it expects and identities {@code user@localhost} pass the domain rule (RFC 8827 §8.1, port stripped).
 */
public class LoopbackIdpProfile implements QuarkusTestProfile {

    /** The port the IdP listens on. */
    public static final int PORT = freePort();

    /** The IdP's origin and issuer. */
    public static final String ISSUER = "http://localhost:" + PORT;

    /** The IdP's domain: identities are {@code user@localhost}. */
    public static final String DOMAIN = "localhost";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.test-port", Integer.toString(PORT),
                "callsign.idp.domain", DOMAIN,
                "callsign.idp.issuer", ISSUER);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
