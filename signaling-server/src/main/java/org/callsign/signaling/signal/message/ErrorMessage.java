package org.callsign.signaling.signal.message;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A refusal: the message {@code id} was not relayed, or the connection itself is being refused. Every refusal has
 * one; nothing is dropped silently.
 *
 * @param v protocol version
 * @param id the id of the message refused, or {@code null} when the message had none or could not be read
 * @param error the code (docs/protocol.md lists them), which clients branch on
 * @param message a short explanation for people
 * @param session the session concerned, or {@code null}
 * @param retryAfter seconds to wait before sending again, for {@code rate-limited}; otherwise {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorMessage(int v, String id, String error, String message, String session, Long retryAfter)
        implements ServerMessage {
    public ErrorMessage(String id, String error, String message, String session, Long retryAfter) {
        this(VERSION, id, error, message, session, retryAfter);
    }
}
