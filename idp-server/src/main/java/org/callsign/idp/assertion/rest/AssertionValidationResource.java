package org.callsign.idp.assertion.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.ApiException;
import org.callsign.idp.api.RequestBodies;
import org.callsign.idp.assertion.service.AssertionSignatures;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The endpoint the proxy script's {@code validateAssertion} calls where its realm has no WebCrypto (Firefox's IdP
 * sandbox; RFC 8827 §7.6): the claims of an assertion one of this IdP's published keys signed. No credentials; the
 * script still checks issuer, audience, subject and lifetime. Same-origin only, like {@link AssertionResource}.
 */
@Path(AssertionValidationResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class AssertionValidationResource {

    /** Where signatures are checked. */
    public static final String PATH = "/api/assertions/validation";

    /**
     * Body of {@code POST /api/assertions/validation}.
     *
     * @param assertion the compact JWS, as in {@code a=identity}
     */
    public record ValidationRequest(String assertion) {}

    private final AssertionSignatures signatures;

    AssertionValidationResource(AssertionSignatures signatures) {
        this.signatures = signatures;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The claims of an assertion this IdP signed, for a proxy script without WebCrypto")
    public Response validate(ValidationRequest request) {
        ValidationRequest body = RequestBodies.required(request);
        Map<String, Object> claims = signatures
                .verifiedClaims(body.assertion())
                .orElseThrow(() -> new ApiException(ApiError.INVALID_REQUEST, "assertion: not signed by this IdP"));
        return Response.ok(claims).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
