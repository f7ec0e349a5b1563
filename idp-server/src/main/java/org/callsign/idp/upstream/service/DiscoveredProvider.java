package org.callsign.idp.upstream.service;

import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.callsign.idp.config.UpstreamConfig;

/**
 * A configured upstream provider with the metadata it published (OpenID Connect Discovery 1.0 §3).
 *
 * @param name the configured name, also the last path segment but one of the redirect URI
 * @param config its configuration
 * @param metadata its metadata, whose {@code issuer} equals the configured one (Discovery §4.3)
 */
public record DiscoveredProvider(String name, UpstreamConfig.Provider config, OIDCProviderMetadata metadata) {

    /** The client id at the provider. */
    public ClientID clientId() {
        return new ClientID(config.clientId());
    }

    /** Never the client secret. */
    @Override
    public String toString() {
        return "DiscoveredProvider[" + name + ", " + metadata.getIssuer() + "]";
    }
}
