package org.callsign.idp.upstream.service;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.callsign.idp.config.IdpConfig;
import org.callsign.idp.config.UpstreamConfig;

/**
 * The configured upstream providers, and their metadata read on use from {@code <issuer>/.well-known/openid-configuration}
 * (OpenID Connect Discovery 1.0 §4) through {@link UpstreamHttp}, which caches it as its headers allow. The metadata's
 * {@code issuer} must equal the configured issuer exactly (§4.3), and it must name an authorization endpoint, a token
 * endpoint and a key set, and support PKCE with {@code S256} if it lists PKCE methods at all.
 */
@Singleton
@Startup
public class UpstreamProviders {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    private final Map<String, UpstreamConfig.Provider> providers;
    private final String issuerUrl;
    private final UpstreamHttp http;

    public UpstreamProviders(IdpConfig config, UpstreamHttp http) {
        this.providers = new TreeMap<>(config.upstream().providers());
        this.issuerUrl = config.issuerUrl();
        this.http = http;
        for (String name : providers.keySet()) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException("callsign.idp.upstream.providers: name " + name
                        + " must be 1-32 characters of a-z, 0-9 and -, starting with a letter or digit");
            }
        }
    }

    /** The button text of each provider, by name, in name order. */
    public Map<String, String> displayNames() {
        Map<String, String> names = new LinkedHashMap<>();
        providers.forEach(
                (name, provider) -> names.put(name, provider.displayName().orElse(name)));
        return names;
    }

    /** Whether a provider of that name is configured. */
    public boolean exists(String name) {
        return name != null && providers.containsKey(name);
    }

    /** The redirect URI registered at the provider: {@code <issuer>/login/upstream/<name>/callback}. */
    public URI redirectUri(String name) {
        return URI.create(issuerUrl + "/login/upstream/" + name + "/callback");
    }

    /** The provider with its current metadata. */
    public DiscoveredProvider discover(String name) {
        UpstreamConfig.Provider provider = name == null ? null : providers.get(name);
        if (provider == null) {
            throw new UpstreamLoginException(UpstreamError.UNKNOWN_PROVIDER, "no upstream provider named " + name);
        }
        String issuer = withoutTrailingSlash(provider.issuer().toString());
        String json = http.getJson(URI.create(issuer + "/.well-known/openid-configuration"), "provider metadata");
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.parse(json);
        } catch (ParseException e) {
            throw unavailable(name, "metadata is not valid: " + e.getMessage());
        }
        if (!metadata.getIssuer().getValue().equals(provider.issuer().toString())) {
            throw unavailable(name, "metadata names issuer " + metadata.getIssuer() + ", not " + provider.issuer());
        }
        if (metadata.getAuthorizationEndpointURI() == null
                || metadata.getTokenEndpointURI() == null
                || metadata.getJWKSetURI() == null) {
            throw unavailable(name, "metadata lacks an authorization endpoint, token endpoint or jwks_uri");
        }
        if (metadata.getCodeChallengeMethods() != null
                && !metadata.getCodeChallengeMethods().contains(CodeChallengeMethod.S256)) {
            throw unavailable(name, "provider does not support PKCE with S256");
        }
        return new DiscoveredProvider(name, provider, metadata);
    }

    private static UpstreamLoginException unavailable(String name, String message) {
        return new UpstreamLoginException(UpstreamError.PROVIDER_UNAVAILABLE, "upstream " + name + ": " + message);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
