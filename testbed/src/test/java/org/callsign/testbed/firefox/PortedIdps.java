package org.callsign.testbed.firefox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sandbox.SandboxConfig;
import org.callsign.testbed.Domain;
import org.callsign.testbed.TwoDomains;
import org.callsign.testbed.User;
import org.callsign.testbed.up.LocalCa;
import org.callsign.testbed.up.Pem;
import org.callsign.wellknown.fetch.AddressPolicy;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.fetch.FetchPolicy;

/**
 * The testbed's IdPs also at their real loopback ports ({@code idp-a.test:41234}), besides {@code idp-a.test} (443,
 * mapped): an IdP domain may carry a port in {@code a=identity} (RFC 8827 §7.4.1, {@code host:port}) while
 * identities stay {@code user@idp-a.test}. browser-shim's sandboxes made here reach both, as Firefox does through the
 * {@link ConnectProxy}, so that both implementations load the same proxy script from the same origin.
 */
public final class PortedIdps implements AutoCloseable {
    private final TwoDomains bed;
    private final DefaultFetcher fetcher;
    private final IdpSandbox relying;

    private PortedIdps(TwoDomains bed, DefaultFetcher fetcher) {
        this.bed = bed;
        this.fetcher = fetcher;
        this.relying = new IdpSandbox(fetcher, SandboxConfig.defaults());
    }

    /** For the testbed {@code bed}: a fetcher trusting its CA that maps {@code idp-x.test} at 443 and its port. */
    public static PortedIdps of(TwoDomains bed) throws IOException {
        FetchPolicy.Builder policy = FetchPolicy.builder()
                .trustStore(LocalCa.trustStore(Pem.readCertificates(bed.caPem()).get(0)))
                .addressPolicy(AddressPolicy.PUBLIC_AND_LOOPBACK);
        for (Domain domain : Domain.values()) {
            int port = bed.ports(domain).idp();
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            policy.connectTo(domain.idpHost(), 443, loopback).connectTo(domain.idpHost(), port, loopback);
        }
        return new PortedIdps(bed, new DefaultFetcher(policy.build()));
    }

    /** The IdP domain with its real port: {@code idp-x.test:<port>}. */
    public String portedIdp(Domain domain) {
        return domain.idpHost() + ":" + bed.ports(domain).idp();
    }

    /** A relying party's sandbox, without credentials (for {@code IdentityVerifier}). */
    public IdpSandbox relying() {
        return relying;
    }

    /** A new sandbox whose realms of {@code user}'s IdP (either address) send their bearer token; close it. */
    public IdpSandbox authenticating(User user) {
        Domain domain = user.domain();
        return new IdpSandbox(
                fetcher,
                SandboxConfig.defaults()
                        .withBearerTokens(Map.of(
                                domain.idpOrigin(), user.idpToken(), "https://" + portedIdp(domain), user.idpToken())));
    }

    @Override
    public void close() {
        relying.close();
    }
}
