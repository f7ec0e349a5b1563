package org.callsign.idp.discovery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.callsign.idp.config.IdpConfig;
import org.callsign.idp.key.KeyService;

/**
 * OpenID Connect Discovery 1.0 provider metadata (§4), so that standard OIDC/JOSE clients find the issuer and the
 * JWKS that verifies its assertions. Readable from any origin.
 */
@Path(OpenIdConfigurationResource.PATH)
public class OpenIdConfigurationResource {

    /** Where the document is served (OpenID Connect Discovery 1.0 §4, RFC 8615). */
    public static final String PATH = "/.well-known/openid-configuration";

    /** Seconds a client may cache the document. */
    public static final int MAX_AGE_SECONDS = 300;

    private final IdpConfig config;
    private final KeyService keys;

    OpenIdConfigurationResource(IdpConfig config, KeyService keys) {
        this.config = config;
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response configuration() {
        String issuer = config.issuerUrl();
        List<String> algorithms = keys.published().stream()
                .map(key -> key.algorithm().joseName())
                .distinct()
                .toList();
        ProviderMetadata metadata =
                new ProviderMetadata(issuer, issuer + JwksResource.PATH, List.of(), List.of("public"), algorithms);
        return WellKnownResponses.open(Response.ok(metadata), MAX_AGE_SECONDS);
    }
}
