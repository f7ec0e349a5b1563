package org.callsign.signaling.call.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.auth.service.CurrentClient;
import org.callsign.signaling.call.store.CallRecord;
import org.callsign.signaling.call.store.CallStore;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The authenticated client's call history, newest first, in pages. */
@Path(CallResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

    /** Where the history lives. */
    public static final String PATH = "/api/calls";

    /** The default and the largest page. */
    public static final int DEFAULT_LIMIT = 20;

    public static final int MAX_LIMIT = 100;

    /** One call as the API shows it. */
    public record CallView(
            String call,
            String direction,
            String peer,
            boolean verified,
            String peerServer,
            String state,
            String reason,
            Instant created,
            Instant answered,
            Instant ended,
            CallRecord.Filtered filter) {
        static CallView of(CallRecord r) {
            return new CallView(
                    r.call(),
                    r.direction(),
                    r.peer(),
                    r.verified(),
                    r.peerServer().isEmpty() ? null : r.peerServer(),
                    r.state().value(),
                    r.reason(),
                    r.created(),
                    r.answered(),
                    r.ended(),
                    r.filter());
        }
    }

    /** A page: the calls, and the cursor of the next page ({@code null} on the last). */
    public record CallPage(List<CallView> calls, String next) {}

    private final CallStore history;
    private final CurrentClient current;

    CallResource(CallStore history, CurrentClient current) {
        this.history = history;
        this.current = current;
    }

    @GET
    @Operation(summary = "The client's calls, newest first; `before` is the `next` of the previous page")
    public CallPage list(@QueryParam("limit") Integer limit, @QueryParam("before") String before) {
        String clientId = current.require().clientId();
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new ApiException(ApiError.INVALID_REQUEST, "limit must be from 1 to " + MAX_LIMIT);
        }
        List<CallRecord> all = history.list(clientId);
        int start = 0;
        if (before != null) {
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (cursor(all.get(i)).equals(before)) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                throw new ApiException(ApiError.INVALID_REQUEST, "before is not a cursor of this history");
            }
        }
        List<CallRecord> page = all.subList(start, Math.min(all.size(), start + size));
        String next = start + size < all.size() && !page.isEmpty() ? cursor(page.get(page.size() - 1)) : null;
        return new CallPage(page.stream().map(CallView::of).toList(), next);
    }

    private static String cursor(CallRecord record) {
        return record.direction().charAt(0) + "." + record.call();
    }
}
