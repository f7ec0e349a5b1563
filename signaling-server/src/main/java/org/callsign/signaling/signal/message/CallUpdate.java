package org.callsign.signaling.signal.message;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A call changed state (docs/protocol.md lists the states): {@code ringing}, {@code accepted} (with the answer, for
 * the caller), {@code declined}, {@code busy}, {@code missed}, {@code unavailable}, {@code cancelled}, {@code failed},
 * {@code answered-elsewhere}, {@code ended}.
 *
 * @param v protocol version
 * @param id a new id
 * @param call the call
 * @param state the new state
 * @param sdp the callee's answer, with {@code accepted} for the caller; otherwise {@code null}
 * @param reason a code saying why, for {@code failed} (for example {@code no-such-user}); otherwise {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallUpdate(int v, String id, String call, String state, String sdp, String reason)
        implements ServerMessage {
    public CallUpdate(String call, String state, String sdp, String reason) {
        this(VERSION, ServerIds.next(), call, state, sdp, reason);
    }
}
