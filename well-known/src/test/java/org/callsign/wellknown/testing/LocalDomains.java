package org.callsign.wellknown.testing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.callsign.wellknown.fetch.AddressPolicy;
import org.callsign.wellknown.fetch.FetchPolicy;

/**
 * Several domains served by one {@link TestHttpsServer} on 127.0.0.1, with a certificate for all of them
 * from a test CA, and a fetch policy that trusts that CA and sends {@code <domain>:443} to the server.
 */
public final class LocalDomains implements AutoCloseable {
    private final TestCa ca;
    private final List<String> names;
    private final TestHttpsServer server;

    private LocalDomains(TestCa ca, List<String> names) {
        this.ca = ca;
        this.names = names;
        this.server =
                TestHttpsServer.https(ca.issue(names.toArray(String[]::new)).serverSslContext());
    }

    /** Starts a server for {@code names} with certificates from {@code ca}. */
    public static LocalDomains start(TestCa ca, String... names) {
        return new LocalDomains(ca, List.of(names));
    }

    public TestCa ca() {
        return ca;
    }

    public TestHttpsServer server() {
        return server;
    }

    /** Trusts the CA, allows loopback, and connects every domain's port 443 to the server. */
    public FetchPolicy.Builder policy() {
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
        FetchPolicy.Builder builder =
                FetchPolicy.builder().trustStore(ca.trustStore()).addressPolicy(AddressPolicy.PUBLIC_AND_LOOPBACK);
        names.forEach(name -> builder.connectTo(name, 443, target));
        return builder;
    }

    @Override
    public void close() {
        server.close();
    }
}
