package org.callsign.signaling.federation.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.callsign.server.api.ApiException;
import org.callsign.server.limit.TokenBuckets;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.api.ClientAddress;
import org.callsign.signaling.api.RateLimitedException;
import org.callsign.signaling.call.service.CallRouter;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.federation.message.CallEvent;
import org.callsign.signaling.federation.message.Invite;
import org.callsign.signaling.federation.service.FederationBodies;
import org.callsign.signaling.federation.service.FederationSigning;
import org.callsign.signaling.federation.service.LocalServer;
import org.callsign.signaling.federation.signature.FederationAuthException;
import org.callsign.signaling.federation.signature.FederationJws;
import org.callsign.signaling.federation.signature.RequestVerifier;
import org.callsign.signaling.federation.signature.VerifiedSender;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The federation endpoints (docs/federation.md): invites from callers' servers, and the events of calls in both
 * directions, handled here or, on a cluster, on the node that holds the call's client ({@link CallRouter}). Every request is signed by its sending server; per sender, requests are rate-limited before any of its
 * keys is fetched.
 */
@Path(LocalServer.FEDERATION_PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FederationResource {

    private final LocalServer server;
    private final FederationSigning signing;
    private final CallRouter router;
    private final TokenBuckets perSender;

    FederationResource(
            LocalServer server,
            FederationSigning signing,
            CallRouter router,
            SignalingConfig config,
            ClusterNode cluster,
            Clock clock) {
        this.server = server;
        this.signing = signing;
        this.router = router;
        this.perSender = cluster.tokenBuckets(
                "federation-senders", config.federation().requestsPerMinute(), Duration.ofMinutes(1), clock);
    }

    @POST
    @Path("invites")
    @Operation(summary = "An invite from the caller's server: always 202 when authentic and well-formed")
    public Response invite(
            @HeaderParam(FederationJws.HEADER) String signature, @Context HttpServerRequest request, byte[] body) {
        VerifiedSender sender = verify(signature, "/invites", body);
        Invite invite = FederationBodies.invite(body);
        router.invite(
                sender.origin(),
                invite,
                ClientAddress.of(request.remoteAddress()).inetAddress().orElse(null),
                body);
        return Response.accepted(Map.of("call", invite.call())).build();
    }

    @POST
    @Path("calls/{call}/events")
    @Operation(summary = "An event of a call, from the other server of that call")
    public Response event(
            @PathParam("call") String call, @HeaderParam(FederationJws.HEADER) String signature, byte[] body) {
        VerifiedSender sender = verify(signature, "/calls/" + call + "/events", body);
        CallEvent event = FederationBodies.event(body);
        if (!FederationBodies.isCallId(call) || !router.event(sender.origin(), call, event, body)) {
            throw new ApiException(ApiError.CALL_UNKNOWN, "no such call with this server");
        }
        return Response.noContent().build();
    }

    private VerifiedSender verify(String signature, String path, byte[] body) {
        if (!server.federationEnabled()) {
            throw new ApiException(ApiError.FEDERATION_OFF, "this server does not federate");
        }
        Optional<String> claimed = RequestVerifier.claimedIssuer(signature);
        Optional<Duration> wait = perSender.acquire(claimed.orElse("(none)"));
        if (wait.isPresent()) {
            throw new RateLimitedException("too many federation requests from this server", wait.get());
        }
        try {
            return signing.verifier()
                    .verify(
                            signature,
                            "POST",
                            URI.create(server.federationEndpoint() + path),
                            body == null ? new byte[0] : body);
        } catch (FederationAuthException e) {
            throw new ApiException(e.failure(), e.getMessage());
        }
    }
}
