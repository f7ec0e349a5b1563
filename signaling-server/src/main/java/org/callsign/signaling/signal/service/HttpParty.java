package org.callsign.signaling.signal.service;

import org.callsign.signaling.signal.message.Sender;

/**
 * The caller of one-shot HTTP signaling: a {@code /connect} request (webexec) or a WHIP session, admitted because
 * every fingerprint of its offer is authorised (or by its client's credentials). It has no device record; its
 * messages reach the client's devices stamped with its kind and fingerprint.
 *
 * @param clientId the client whose device it calls
 * @param id a random id of the exchange
 * @param kind {@code connect} or {@code whip}
 * @param fingerprint the fingerprint its offer carried: upper-case hex without colons
 * @param outbox where the relay puts the answer, candidates and the end of the session
 */
public record HttpParty(String clientId, String id, String kind, String fingerprint, Outbox outbox) implements Party {

    @Override
    public String address() {
        return "http:" + id;
    }

    @Override
    public Sender sender() {
        return new Sender(null, null, kind, fingerprint);
    }
}
