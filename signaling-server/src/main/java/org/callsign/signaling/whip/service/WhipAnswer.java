package org.callsign.signaling.whip.service;

/**
 * The answer to a WHIP {@code POST}: the new session resource and the device's complete answer.
 *
 * @param id the session resource's id
 * @param etag its entity tag, without quotes
 * @param sdp the answer SDP
 */
public record WhipAnswer(String id, String etag, String sdp) {

    /** The resource's path, the {@code Location} of the {@code 201}. */
    public String location() {
        return WhipSessions.PATH + "/" + id;
    }
}
