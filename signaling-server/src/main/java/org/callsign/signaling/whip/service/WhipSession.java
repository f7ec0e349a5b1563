package org.callsign.signaling.whip.service;

import java.time.Instant;
import org.callsign.signaling.connect.service.HttpExchange;
import org.callsign.signaling.signal.service.HttpParty;

/**
 * A WHIP session resource (RFC 9725 §4.2), {@code /whip/sessions/{id}}: the caller's party in the relay, for trickled
 * candidates and the final bye, until the client deletes it, the device ends it, or it expires.
 *
 * @param id the resource id: random, unguessable, and not the signaling session's id, which the device sees
 * @param party the caller as the relay knows it
 * @param exchange its outbox, which knows whether the device ended the session
 * @param etag the entity tag of the resource (RFC 9725 §4.3.1), without quotes
 * @param credentialsOf the client whose credentials created it, who alone may change it; {@code null} when an
 *     authorised fingerprint created it, and the unguessable URL is the capability
 * @param iceUfrag the {@code a=ice-ufrag} of the offer, to tell trickle from an ICE restart
 * @param expires when the resource is forgotten
 */
public record WhipSession(
        String id,
        HttpParty party,
        HttpExchange exchange,
        String etag,
        String credentialsOf,
        String iceUfrag,
        Instant expires) {

    /** The signaling session's id in the relay. */
    public String session() {
        return party.id();
    }

    /** The resource's path, the {@code Location} of the {@code 201}. */
    public String location() {
        return WhipSessions.PATH + "/" + id;
    }
}
