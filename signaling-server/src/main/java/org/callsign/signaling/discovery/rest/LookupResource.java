package org.callsign.signaling.discovery.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.callsign.server.api.ApiException;
import org.callsign.server.limit.TokenBuckets;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.DomainRule;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.api.RateLimitedException;
import org.callsign.signaling.auth.service.CurrentClient;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.discovery.service.DiscoveredServer;
import org.callsign.signaling.discovery.service.Discovery;
import org.callsign.signaling.discovery.service.DiscoveryException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Which signaling server an identity uses, for the authenticated client's devices: they assert their identity for
 * that server's origin before calling (docs/federation.md, "Which origin an assertion is for"). Lookups are limited per
 * client, on every node of a cluster together ({@link ClusterNode#tokenBuckets}).
 */
@Path(LookupResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class LookupResource {

    /** Where lookups are answered. */
    public static final String PATH = "/api/lookup";

    /** Lookups per minute and client: each may cost requests to other domains. */
    public static final int LOOKUPS_PER_MINUTE = 60;

    /** The answer. */
    public record LookupView(String identity, String server, String via) {}

    private final Discovery discovery;
    private final CurrentClient current;
    private final TokenBuckets limiter;

    LookupResource(Discovery discovery, CurrentClient current, ClusterNode cluster, Clock clock) {
        this.discovery = discovery;
        this.current = current;
        this.limiter = cluster.tokenBuckets("lookup", LOOKUPS_PER_MINUTE, Duration.ofMinutes(1), clock);
    }

    @GET
    @Operation(summary = "The signaling server of an identity user@domain (WebFinger, then DNS SRV)")
    public LookupView lookup(@QueryParam("identity") String identity) {
        String clientId = current.require().clientId();
        String normalised;
        try {
            normalised = DomainRule.normalise(identity == null ? "" : identity);
        } catch (IdentityException e) {
            throw new ApiException(ApiError.INVALID_REQUEST, "identity must be user@domain");
        }
        Optional<Duration> wait = limiter.acquire(clientId);
        if (wait.isPresent()) {
            throw new RateLimitedException("too many lookups for this client", wait.get());
        }
        try {
            DiscoveredServer found = discovery.discover(normalised);
            return new LookupView(found.identity(), found.server(), found.via());
        } catch (DiscoveryException e) {
            throw new ApiException(error(e), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.INVALID_REQUEST, "identity must be user@domain");
        }
    }

    /** The API error of a discovery failure. */
    public static ApiError error(DiscoveryException e) {
        return switch (e.failure()) {
            case NO_SUCH_USER -> ApiError.NO_SUCH_USER;
            case NO_SIGNALING_SERVER -> ApiError.NO_SIGNALING_SERVER;
            case SERVER_UNREACHABLE -> ApiError.SERVER_UNREACHABLE;
            case BAD_DOCUMENT -> ApiError.BAD_DOCUMENT;
        };
    }
}
