package org.callsign.idp.discovery;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Runs the IdP on a port chosen up front, with the issuer set to its own loopback URL, so that a discovery client
 * can resolve the issuer and fetch the JWKS for real.
 */
public class FixedIssuerProfile implements QuarkusTestProfile {

    static final int PORT = freePort();

    /** The issuer the IdP is configured with in this profile. */
    public static final String ISSUER = "http://127.0.0.1:" + PORT;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.test-port", Integer.toString(PORT), "callsign.idp.issuer", ISSUER);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
