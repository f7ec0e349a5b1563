package org.callsign.signaling.fingerprint.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.api.RequestBodies;
import org.callsign.signaling.auth.service.CurrentClient;
import org.callsign.signaling.client.service.ClientService;
import org.callsign.signaling.fingerprint.service.AuthorizedFingerprints;
import org.callsign.signaling.fingerprint.service.DeviceFingerprint;
import org.callsign.signaling.fingerprint.store.AuthorizedFingerprint;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The owner's authorised fingerprints (webexec's {@code authorized_fingerprints}), owners only. */
@Path(AuthorizedFingerprintResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthorizedFingerprintResource {

    /** Where the authorised fingerprints live. */
    public static final String PATH = "/api/authorized-fingerprints";

    /** The longest label, in characters. */
    public static final int MAX_LABEL = 128;

    /** Body of {@code POST}: the fingerprint as {@code sha-256 AB:CD:…} or hex, and an optional label. */
    public record FingerprintRequest(String fingerprint, String label) {}

    /** Body of {@code GET}. */
    public record FingerprintList(String file, List<AuthorizedFingerprint> fingerprints) {}

    private final AuthorizedFingerprints fingerprints;
    private final CurrentClient current;

    AuthorizedFingerprintResource(AuthorizedFingerprints fingerprints, CurrentClient current) {
        this.fingerprints = fingerprints;
        this.current = current;
    }

    @GET
    @Operation(summary = "The authorised fingerprints, as the file has them now")
    public FingerprintList list() {
        requireOwner("list authorised fingerprints");
        return new FingerprintList(fingerprints.file().toString(), fingerprints.list());
    }

    @POST
    @Operation(summary = "Authorise a fingerprint: 201 if added to the file, 200 if it was already listed")
    public Response add(FingerprintRequest request) {
        requireOwner("authorise fingerprints");
        FingerprintRequest body = RequestBodies.required(request);
        DeviceFingerprint fingerprint = parse(body.fingerprint());
        boolean added = fingerprints.add(fingerprint, label(body.label()));
        AuthorizedFingerprint entry = fingerprints.list().stream()
                .filter(listed -> listed.fingerprint().equals(fingerprint.hex()))
                .findFirst()
                .orElseThrow();
        return Response.status(added ? 201 : 200).entity(entry).build();
    }

    @DELETE
    @Path("/{fingerprint}")
    @Operation(summary = "Remove a fingerprint (hex, with or without colons) from the file")
    public Response remove(@PathParam("fingerprint") String fingerprint) {
        requireOwner("remove authorised fingerprints");
        if (!fingerprints.remove(parse(fingerprint))) {
            throw new ApiException(ApiError.NOT_FOUND, "fingerprint is not authorised");
        }
        return Response.noContent().build();
    }

    private void requireOwner(String action) {
        ClientService.requireOwner(current.require().client(), action);
    }

    private static DeviceFingerprint parse(String fingerprint) {
        try {
            return DeviceFingerprint.parse(fingerprint);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.INVALID_REQUEST, e.getMessage());
        }
    }

    private static String label(String label) {
        String value = label == null ? "" : label.strip();
        if (value.codePointCount(0, value.length()) > MAX_LABEL) {
            throw new ApiException(ApiError.INVALID_REQUEST, "label is longer than " + MAX_LABEL + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new ApiException(ApiError.INVALID_REQUEST, "label must not contain control characters");
        }
        return value;
    }
}
