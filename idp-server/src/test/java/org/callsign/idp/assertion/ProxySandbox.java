package org.callsign.idp.assertion;

import java.net.InetAddress;
import java.util.Map;
import org.callsign.shim.IdentityException;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sandbox.SandboxConfig;
import org.callsign.wellknown.fetch.AddressPolicy;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.fetch.FetchPolicy;

/** browser-shim's sandbox pointed at the IdP of {@link LoopbackIdpProfile}, over plain HTTP on loopback. */
final class ProxySandbox {

    /** The IdP domain as {@code a=identity} names it: the proxy's {@code location.host}. */
    static final String IDP_DOMAIN = "localhost:" + LoopbackIdpProfile.PORT;

    private ProxySandbox() {}

    /** A sandbox whose realm for the IdP sends {@code bearerToken}, or no token when it is {@code null}. */
    static IdpSandbox open(String bearerToken) {
        FetchPolicy policy = FetchPolicy.builder()
                .plainHttpOnLoopback(true)
                .addressPolicy(AddressPolicy.PUBLIC_AND_LOOPBACK)
                .resolve("localhost", LoopbackIdpProfile.PORT, InetAddress.getLoopbackAddress())
                .build();
        SandboxConfig config = SandboxConfig.defaults()
                .withHttpLoopback(true)
                .withBearerTokens(bearerToken == null ? Map.of() : Map.of(LoopbackIdpProfile.ISSUER, bearerToken));
        return new IdpSandbox(new DefaultFetcher(policy), config);
    }

    /** The IdP's proxy, protocol {@code default}. */
    static IdpProxyAddress idp() {
        try {
            return IdpProxyAddress.of(IDP_DOMAIN, "default");
        } catch (IdentityException e) {
            throw new IllegalStateException(e);
        }
    }
}
