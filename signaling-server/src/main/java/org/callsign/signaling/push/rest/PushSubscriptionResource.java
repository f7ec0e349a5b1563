package org.callsign.signaling.push.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.callsign.signaling.api.RequestBodies;
import org.callsign.signaling.auth.service.CurrentClient;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.push.service.NewSubscription;
import org.callsign.signaling.push.service.PushSubscriptions;
import org.callsign.signaling.push.store.PushSubscription;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The push subscriptions of one of the authenticated client's devices: what the device's browser
 * ({@code pushManager.subscribe}) or UnifiedPush distributor gave it, registered so that a call can wake it.
 */
@Path(PushSubscriptionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class PushSubscriptionResource {

    /** Where a device's subscriptions live. */
    public static final String PATH = "/api/devices/{device}/push-subscriptions";

    /** The keys of a subscription (RFC 8291 §3), base64url. */
    public record Keys(String p256dh, String auth) {}

    /**
     * Body of {@code POST}: the W3C {@code PushSubscriptionJSON} with a {@code type}.
     *
     * @param expirationTime epoch milliseconds, or {@code null}
     */
    public record SubscriptionRequest(String type, String endpoint, Keys keys, Long expirationTime) {}

    /** A stored subscription, without its keys: they are for encrypting pushes, not for showing. */
    public record SubscriptionView(
            String id, String device, String type, String endpoint, Instant created, Instant expires) {
        static SubscriptionView of(PushSubscription subscription) {
            return new SubscriptionView(
                    subscription.id(),
                    subscription.deviceId(),
                    subscription.type().value(),
                    subscription.endpoint(),
                    subscription.created(),
                    subscription.expires());
        }
    }

    private final PushSubscriptions subscriptions;
    private final CurrentClient current;
    private final SignalingConfig config;
    private final Clock clock;

    PushSubscriptionResource(
            PushSubscriptions subscriptions, CurrentClient current, SignalingConfig config, Clock clock) {
        this.subscriptions = subscriptions;
        this.current = current;
        this.config = config;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register the device's push subscription (webpush or unifiedpush); the same endpoint again renews"
                    + " it")
    public Response add(@PathParam("device") String device, SubscriptionRequest request) {
        String clientId = current.require().clientId();
        SubscriptionRequest body = RequestBodies.required(request);
        Keys keys = body.keys() == null ? new Keys(null, null) : body.keys();
        NewSubscription checked = NewSubscription.validate(
                body.type(),
                body.endpoint(),
                keys.p256dh(),
                keys.auth(),
                body.expirationTime(),
                config.net().allowLoopback(),
                clock.instant());
        PushSubscriptions.Registered registered = subscriptions.register(clientId, device, checked);
        SubscriptionView view = SubscriptionView.of(registered.subscription());
        return registered.created()
                ? Response.created(URI.create(PATH.replace("{device}", device) + "/" + view.id()))
                        .entity(view)
                        .build()
                : Response.ok(view).build();
    }

    @GET
    @Operation(summary = "The device's push subscriptions that have not expired")
    public List<SubscriptionView> list(@PathParam("device") String device) {
        return subscriptions.list(current.require().clientId(), device).stream()
                .map(SubscriptionView::of)
                .toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove one of the device's push subscriptions")
    public Response remove(@PathParam("device") String device, @PathParam("id") String id) {
        subscriptions.remove(current.require().clientId(), device, id);
        return Response.noContent().build();
    }
}
