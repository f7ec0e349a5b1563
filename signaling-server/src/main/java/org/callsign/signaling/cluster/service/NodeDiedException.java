package org.callsign.signaling.cluster.service;

import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;

/**
 * {@code node-lost} because the node asked was found dead while this one waited for its answer, rather than slow: what
 * it was running is gone with it, so the work may be asked again of the client's next home.
 */
public final class NodeDiedException extends SignalingException {

    NodeDiedException() {
        super(SignalError.NODE_LOST, "the node that held this client died");
    }
}
