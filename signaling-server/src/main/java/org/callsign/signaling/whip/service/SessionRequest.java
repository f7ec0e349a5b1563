package org.callsign.signaling.whip.service;

import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;

/**
 * A request about a WHIP session that the node which took it hands to the node holding the session.
 *
 * @param id the session resource's id
 * @param ifMatch the request's {@code If-Match}, or {@code null}
 * @param fragment the trickle-ICE fragment of a {@code PATCH}, or {@code null}
 * @param client the client whose credentials the request presented (checked by the node that took it), or {@code null}
 * @param takeOver the client whose home the asked node is, to take over first because the node that held the session
 *     died ({@link org.callsign.signaling.cluster.service.HeldRoute}), or {@code null}
 */
public record SessionRequest(String id, String ifMatch, String fragment, String client, String takeOver) {

    /** The client; 401 {@code not-authenticated} if the request presented no credentials. */
    String requireClient() {
        if (client == null) {
            throw new ApiException(
                    ApiError.NOT_AUTHENTICATED, "authenticate with the credentials that made the session");
        }
        return client;
    }
}
