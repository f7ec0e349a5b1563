package org.callsign.idp.discovery;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.callsign.idp.key.KeyService;
import org.callsign.idp.key.SigningKey;

/**
 * The IdP's public signing keys as a JWK Set (RFC 7517 §5): current, next and retired keys, public members only.
 * Readable from any origin, since proxy scripts and relying parties fetch it cross-origin.
 */
@Path(JwksResource.PATH)
public class JwksResource {

    /** Where the JWK Set is served. */
    public static final String PATH = "/.well-known/jwks.json";

    /**
     * Seconds a client may cache the set. Short, because the next key is published one rotation period ahead and a
     * retired key stays for the assertion lifetime: both far longer than this.
     */
    public static final int MAX_AGE_SECONDS = 300;

    private final KeyService keys;

    JwksResource(KeyService keys) {
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        JWKSet set =
                new JWKSet(keys.published().stream().map(SigningKey::publicJwk).toList());
        if (set.getKeys().stream().anyMatch(JWK::isPrivate)) {
            throw new IllegalStateException("refusing to publish a private key");
        }
        Map<String, Object> body = set.toJSONObject(true);
        return WellKnownResponses.open(Response.ok(body), MAX_AGE_SECONDS);
    }
}
