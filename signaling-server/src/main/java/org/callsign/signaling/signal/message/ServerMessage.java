package org.callsign.signaling.signal.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message the server sends to a device (docs/protocol.md): the greeting, peer lists and updates, relayed signaling
 * stamped with its verified sender, and the answer to each of the device's own messages. Every one carries the
 * protocol version {@code v}, its {@code type} and an {@code id}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Welcome.class, name = "welcome"),
    @JsonSubTypes.Type(value = Peers.class, name = "peers"),
    @JsonSubTypes.Type(value = PeerUpdate.class, name = "peer-update"),
    @JsonSubTypes.Type(value = PeerRemoved.class, name = "peer-removed"),
    @JsonSubTypes.Type(value = RelayedOffer.class, name = "offer"),
    @JsonSubTypes.Type(value = RelayedAnswer.class, name = "answer"),
    @JsonSubTypes.Type(value = RelayedCandidate.class, name = "candidate"),
    @JsonSubTypes.Type(value = RelayedBye.class, name = "bye"),
    @JsonSubTypes.Type(value = Ack.class, name = "ack"),
    @JsonSubTypes.Type(value = ErrorMessage.class, name = "error"),
    @JsonSubTypes.Type(value = Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = CallPlaced.class, name = "call-placed"),
    @JsonSubTypes.Type(value = IncomingCall.class, name = "incoming-call"),
    @JsonSubTypes.Type(value = CallUpdate.class, name = "call-update"),
    @JsonSubTypes.Type(value = RelayedCallCandidate.class, name = "call-candidate")
})
public sealed interface ServerMessage
        permits Welcome,
                Peers,
                PeerUpdate,
                PeerRemoved,
                RelayedOffer,
                RelayedAnswer,
                RelayedCandidate,
                RelayedBye,
                Ack,
                ErrorMessage,
                Pong,
                CallPlaced,
                IncomingCall,
                CallUpdate,
                RelayedCallCandidate {

    /** The protocol version this server speaks. */
    int VERSION = 1;

    /** The protocol version the message is written in. */
    int v();

    /**
     * The message's id: for an answer ({@code ack}, {@code error}, {@code pong}) the id of the message it answers; for
     * relayed signaling the id its sender gave it; for the server's own notices a new id ({@link ServerIds}).
     */
    String id();
}
