package org.callsign.signaling.signal.websocket;

import org.callsign.signaling.signal.service.Outbox;

/**
 * The outbox of one device connection as the endpoint tracks it: a WebSocket on this node, or one that another node
 * forwards here ({@link RemoteOutbox}).
 */
interface ConnectionOutbox extends Outbox {

    /** Whether {@link #close} was called, or the connection is gone. */
    boolean isClosing();

    /** The connection closed from the other side: nothing more is taken. */
    void closed();
}
