package org.callsign.signaling.whip.service;

import java.time.Instant;
import org.callsign.signaling.connect.service.HttpExchange;
import org.callsign.signaling.signal.service.HttpParty;
import org.callsign.signaling.signal.service.SignalSession;

/**
 * A WHIP session as its client's record keeps it on a cluster ({@link
 * org.callsign.signaling.signal.service.LineRecords#whip}), so that the node taking the client over after the
 * session's node died can serve its {@code PATCH} and {@code DELETE}: the resource, the caller's party, and its
 * signaling session with the device. The answer is not kept: it was given.
 *
 * @param party the caller's party id, which is also the signaling session's id
 * @param fingerprint the fingerprint of the caller's offer
 * @param device the address of the device that answered
 * @param opened when the signaling session opened, epoch milliseconds
 * @param etag the resource's entity tag
 * @param credentialsOf the client whose credentials made it, or {@code null}
 * @param iceUfrag the offer's {@code a=ice-ufrag}, or {@code null}
 * @param expires when the resource is forgotten, epoch milliseconds
 */
record StoredWhipSession(
        String party,
        String fingerprint,
        String device,
        long opened,
        String etag,
        String credentialsOf,
        String iceUfrag,
        long expires) {

    /** What is recorded of {@code whip}, whose signaling session is {@code session}. */
    static StoredWhipSession of(WhipSession whip, SignalSession session) {
        return new StoredWhipSession(
                whip.party().id(),
                whip.party().fingerprint(),
                session.peerOf(whip.party().address()),
                session.opened().toEpochMilli(),
                whip.etag(),
                whip.credentialsOf(),
                whip.iceUfrag(),
                whip.expires().toEpochMilli());
    }

    /** The session {@code id} of {@code clientId} again, with a new outbox for its caller. */
    WhipSession session(String clientId, String id) {
        HttpExchange exchange = HttpExchange.answered(WhipService.KIND);
        HttpParty caller = new HttpParty(clientId, party, WhipService.KIND, fingerprint, exchange);
        return new WhipSession(id, caller, exchange, etag, credentialsOf, iceUfrag, Instant.ofEpochMilli(expires));
    }

    /** The signaling session between the caller of {@code restored} and the device again. */
    SignalSession signalSession(WhipSession restored) {
        HttpParty caller = restored.party();
        return new SignalSession(caller.clientId(), party, caller.address(), device, Instant.ofEpochMilli(opened));
    }
}
