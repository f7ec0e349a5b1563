package org.callsign.signaling.device.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.api.RequestBodies;
import org.callsign.signaling.auth.service.CurrentClient;
import org.callsign.signaling.device.service.DeviceDetails;
import org.callsign.signaling.device.service.DeviceService;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.verification.service.VerificationLinkService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The authenticated client's devices (peerbook's peers): name, kind, fingerprint, verified; and links that verify a
 * device from another one.
 */
@Path(DeviceResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

    /** Where devices live. */
    public static final String PATH = "/api/devices";

    /** Body of {@code PUT}: the fingerprint as {@code sha-256 AB:CD:…} or hex. */
    public record DeviceRequest(String name, String kind, String fingerprint) {}

    /**
     * Body of {@code POST}: as {@link DeviceRequest}, and whether the device starts verified (the default); a device
     * that introduces itself says {@code false}, and a verification link is made for its owner.
     */
    public record NewDeviceRequest(String name, String kind, String fingerprint, Boolean verified) {}

    /**
     * Answer of {@code POST /api/devices/{id}/verification-link}: where the link went, never the link itself.
     *
     * @param device the device id
     * @param expires when the link stops working
     * @param delivery {@code log}, and {@code mail} when it was handed to the mail server
     */
    public record LinkView(String device, Instant expires, List<String> delivery) {}

    /** Body of {@code PUT /api/devices/{id}/verified}. */
    public record VerifiedRequest(Boolean verified) {}

    private final DeviceService devices;
    private final VerificationLinkService links;
    private final CurrentClient current;

    DeviceResource(DeviceService devices, VerificationLinkService links, CurrentClient current) {
        this.devices = devices;
        this.links = links;
        this.current = current;
    }

    @POST
    @Operation(
            summary = "Register a device with its name, kind and DTLS certificate fingerprint; verified unless"
                    + " \"verified\": false, which sends its owner a verification link")
    public Response add(NewDeviceRequest request, @Context UriInfo uri) {
        String clientId = current.require().clientId();
        NewDeviceRequest body = RequestBodies.required(request);
        boolean verified = body.verified() == null || body.verified();
        Device device =
                devices.add(clientId, DeviceDetails.validate(body.name(), body.kind(), body.fingerprint()), verified);
        if (!verified) {
            links.issue(clientId, device.id(), uri.getBaseUri());
        }
        return Response.created(URI.create(PATH + "/" + device.id()))
                .entity(device)
                .build();
    }

    @POST
    @Path("/{id}/verification-link")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send the owner a new link that verifies this unverified device (to the log, and by mail)")
    public Response verificationLink(@PathParam("id") String id, @Context UriInfo uri) {
        String clientId = current.require().clientId();
        VerificationLinkService.Delivered delivered = links.issue(clientId, id, uri.getBaseUri());
        return Response.accepted(new LinkView(id, delivered.link().expires(), delivered.channels()))
                .build();
    }

    @GET
    @Operation(summary = "The client's devices")
    public List<Device> list() {
        return devices.list(current.require().clientId());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the client's devices")
    public Device get(@PathParam("id") String id) {
        return devices.get(current.require().clientId(), id);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a device's name, kind and fingerprint")
    public Device change(@PathParam("id") String id, DeviceRequest request) {
        String clientId = current.require().clientId();
        return devices.change(clientId, id, details(request));
    }

    @PUT
    @Path("/{id}/verified")
    @Operation(summary = "Verify or unverify a device; only verified devices take part in signaling")
    public Device verify(@PathParam("id") String id, VerifiedRequest request) {
        String clientId = current.require().clientId();
        Boolean verified = RequestBodies.required(request).verified();
        if (verified == null) {
            throw new ApiException(ApiError.INVALID_REQUEST, "verified is required");
        }
        return devices.setVerified(clientId, id, verified);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a device")
    public Response remove(@PathParam("id") String id) {
        devices.remove(current.require().clientId(), id);
        return Response.noContent().build();
    }

    private static DeviceDetails details(DeviceRequest request) {
        DeviceRequest body = RequestBodies.required(request);
        return DeviceDetails.validate(body.name(), body.kind(), body.fingerprint());
    }
}
