package org.callsign.signaling.call.service;

import org.callsign.signaling.federation.message.CallEvent;
import org.callsign.signaling.federation.message.Invite;

/** How calls reach another signaling server: signed federation requests (docs/federation.md). Blocking. */
public interface FederationLink {

    /** Delivers an invite to the server at {@code origin}. */
    void invite(String origin, Invite invite) throws FederationSendException;

    /** Delivers an event of call {@code call} to the server at {@code origin}. */
    void event(String origin, String call, CallEvent event) throws FederationSendException;
}
