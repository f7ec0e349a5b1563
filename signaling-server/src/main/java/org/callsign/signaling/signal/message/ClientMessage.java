package org.callsign.signaling.signal.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message a device sends to the server over its signaling connection (docs/protocol.md). Every message carries the
 * protocol version {@code v} and an {@code id} of the sender's choosing, which the server's {@link Ack} or
 * {@link ErrorMessage} for it repeats. The sender is never part of the message: the server stamps it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Offer.class, name = "offer"),
    @JsonSubTypes.Type(value = Answer.class, name = "answer"),
    @JsonSubTypes.Type(value = Candidate.class, name = "candidate"),
    @JsonSubTypes.Type(value = Bye.class, name = "bye"),
    @JsonSubTypes.Type(value = Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = PlaceCall.class, name = "call"),
    @JsonSubTypes.Type(value = AcceptCall.class, name = "accept"),
    @JsonSubTypes.Type(value = DeclineCall.class, name = "decline"),
    @JsonSubTypes.Type(value = HangUp.class, name = "hangup"),
    @JsonSubTypes.Type(value = CallCandidate.class, name = "call-candidate")
})
public sealed interface ClientMessage
        permits Offer, Answer, Candidate, Bye, Ping, PlaceCall, AcceptCall, DeclineCall, HangUp, CallCandidate {

    /** The protocol version this message is written in. */
    int v();

    /** The sender's id of this message, repeated in the answer to it. */
    String id();
}
