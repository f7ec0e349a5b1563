package org.callsign.signaling.signal.websocket;

/**
 * What happens on a device connection, in its order: what {@link ConnectionHandler} takes from a local WebSocket and,
 * on a cluster, {@link HomeLinks} from the frames an edge node forwards.
 */
interface ConnectionEvents {
    /** The connection opened ({@code id} is the link's when it was forwarded) and asks to be let in. */
    void open(String id, Admission admission, ConnectionOutbox outbox);

    /** A text message, on a worker thread. */
    void text(String connection, String text);

    /** A binary message, which the protocol does not take. */
    void binary(String connection);

    /** A sign of life (a pong). */
    void alive(String connection);

    /** The connection closed. */
    void closed(String connection);
}
