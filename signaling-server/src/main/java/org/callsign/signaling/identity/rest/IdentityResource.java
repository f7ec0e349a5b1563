package org.callsign.signaling.identity.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.api.RequestBodies;
import org.callsign.signaling.auth.service.CurrentClient;
import org.callsign.signaling.client.store.Client;
import org.callsign.signaling.identity.service.IdentityChallenge;
import org.callsign.signaling.identity.service.IdentityService;
import org.callsign.signaling.identity.store.BoundIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The authenticated client's identity ({@code user@domain}), proved with an assertion of its IdP. */
@Path(IdentityResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class IdentityResource {

    /** Where the identity lives. */
    public static final String PATH = "/api/identity";

    /** The IdP of an assertion, as in {@code a=identity}. */
    public record Idp(String domain, String protocol) {}

    /** Body of {@code PUT}: the decoded {@code a=identity} JSON, an assertion over the challenge. */
    public record BindRequest(Idp idp, String assertion) {}

    /** The bound identity. */
    public record IdentityView(String identity, Idp idp, Instant bound) {
        static IdentityView of(BoundIdentity binding) {
            return new IdentityView(
                    binding.identity(), new Idp(binding.idpDomain(), binding.idpProtocol()), binding.bound());
        }
    }

    private final IdentityService identities;
    private final CurrentClient current;

    IdentityResource(IdentityService identities, CurrentClient current) {
        this.identities = identities;
        this.current = current;
    }

    @POST
    @Path("challenge")
    @Operation(summary = "A challenge for the IdP to assert, for this server's origin; single use, 5 minutes")
    public IdentityChallenge challenge() {
        return identities.challenge(current.require().client());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bind the identity of an assertion over the challenge (validated through the IdP's proxy)")
    public IdentityView bind(BindRequest request) {
        Client client = current.require().client();
        BindRequest body = RequestBodies.required(request);
        if (body.idp() == null || body.idp().domain() == null || body.assertion() == null) {
            throw new ApiException(ApiError.INVALID_REQUEST, "idp.domain and assertion are required");
        }
        return IdentityView.of(
                identities.bind(client, body.idp().domain(), body.idp().protocol(), body.assertion()));
    }

    @GET
    @Operation(summary = "The bound identity")
    public IdentityView get() {
        return identities
                .of(current.require().client())
                .map(IdentityView::of)
                .orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "no identity is bound"));
    }

    @DELETE
    @Operation(summary = "Unbind the identity")
    public Response unbind() {
        if (!identities.unbind(current.require().client())) {
            throw new ApiException(ApiError.NOT_FOUND, "no identity is bound");
        }
        return Response.noContent().build();
    }
}
