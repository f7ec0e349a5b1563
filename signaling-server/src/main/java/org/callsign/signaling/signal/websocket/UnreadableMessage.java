package org.callsign.signaling.signal.websocket;

import org.callsign.signaling.signal.service.SignalingException;

/**
 * A client message that could not be read: the refusal, and the message's id if it got that far, for the
 * {@code error} frame that answers it.
 */
final class UnreadableMessage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient String messageId;
    private final transient SignalingException refusal;

    UnreadableMessage(String messageId, SignalingException refusal) {
        super(refusal.getMessage(), null, false, false);
        this.messageId = messageId;
        this.refusal = refusal;
    }

    /** The message's id, or {@code null} if it had none or could not be read. */
    String messageId() {
        return messageId;
    }

    /** Why the message was refused. */
    SignalingException refusal() {
        return refusal;
    }
}
