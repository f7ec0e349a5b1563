package org.callsign.idp.consent.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.ApiException;
import org.callsign.idp.api.RequestBodies;
import org.callsign.idp.consent.service.ConsentService;
import org.callsign.idp.consent.store.Claim;
import org.callsign.idp.consent.store.Consents;
import org.callsign.idp.session.service.CurrentUser;
import org.callsign.idp.session.service.LoggedInUser;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The logged-in user's consents: list, grant per origin, revoke per origin, "any origin". */
@Path(ConsentResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    /** Where consents live. */
    public static final String PATH = "/api/consents";

    /** Body of {@code POST /api/consents}. */
    public record GrantRequest(String origin, List<String> claims) {}

    /** Body of {@code PUT /api/consents/any-origin}. */
    public record AnyOriginRequest(Boolean enabled, List<String> claims) {}

    private final ConsentService consents;
    private final CurrentUser currentUser;

    ConsentResource(ConsentService consents, CurrentUser currentUser) {
        this.consents = consents;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(summary = "The origins that may receive assertions, with their disclosed claims")
    public ConsentView list() {
        return view(consents.list(currentUser.require()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grant (or update) consent for a relying origin, with the claims it may see")
    public ConsentView grant(GrantRequest request) {
        LoggedInUser user = currentUser.require();
        GrantRequest body = RequestBodies.required(request);
        consents.grant(user, body.origin(), claims(body.claims()));
        return view(consents.list(user));
    }

    @DELETE
    @Operation(summary = "Revoke consent for a relying origin")
    public Response revoke(@QueryParam("origin") String origin) {
        LoggedInUser user = currentUser.require();
        if (!consents.revoke(user, origin)) {
            throw new ApiException(ApiError.NOT_FOUND, "no consent for origin " + origin);
        }
        return Response.noContent().build();
    }

    @PUT
    @Path("/any-origin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Allow or stop allowing every origin, with the claims disclosed to origins without a grant")
    public ConsentView anyOrigin(AnyOriginRequest request) {
        LoggedInUser user = currentUser.require();
        AnyOriginRequest body = RequestBodies.required(request);
        if (body.enabled() == null) {
            throw new ApiException(ApiError.INVALID_REQUEST, "enabled is required");
        }
        return view(consents.setAnyOrigin(user, body.enabled(), claims(body.claims())));
    }

    static Set<Claim> claims(List<String> names) {
        Set<Claim> claims = EnumSet.noneOf(Claim.class);
        if (names == null) {
            return claims;
        }
        for (String name : names) {
            claims.add(Claim.fromValue(name)
                    .orElseThrow(() -> new ApiException(
                            ApiError.INVALID_REQUEST, "unknown claim '" + name + "': expected name or picture")));
        }
        return claims;
    }

    private static ConsentView view(Consents consents) {
        return new ConsentView(
                consents.anyOrigin(),
                names(consents.anyOriginClaims()),
                consents.origins().entrySet().stream()
                        .map(entry -> new ConsentView.OriginGrant(
                                entry.getKey(),
                                names(entry.getValue().claims()),
                                entry.getValue().granted()))
                        .toList());
    }

    private static List<String> names(Set<Claim> claims) {
        return claims.stream()
                .sorted(Comparator.naturalOrder())
                .map(Claim::value)
                .toList();
    }
}
