package org.callsign.signaling.push.service;

import java.time.Instant;
import java.util.Objects;

/**
 * What one push says, and all it may say: the kind, the call id, the verified caller (only where the callee's policy
 * allows) and when the notification stops mattering. Never SDP, candidates or addresses: nothing of the callee leaves
 * the server before the callee accepts (DESIGN.md), and a push passes through a third party's push service.
 *
 * @param kind incoming or missed
 * @param call the call id, as in the WebSocket's {@code incoming-call}
 * @param caller the verified identity of the caller ({@code user@domain}), or {@code null}
 * @param expires when the call stops ringing (incoming) or when it rang out (missed)
 */
public record CallNotification(Kind kind, String call, String caller, Instant expires) {

    public CallNotification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(expires, "expires");
    }

    /** The kinds of notification, with their wire values (the payload's {@code type}). */
    public enum Kind {
        /** A call is ringing: wake the device so that it connects and answers. */
        INCOMING_CALL("incoming-call"),
        /** A call rang out unanswered: replaces the incoming one at the push service (same {@code Topic}). */
        MISSED_CALL("missed-call");

        private final String value;

        Kind(String value) {
            this.value = value;
        }

        /** The wire value. */
        public String value() {
            return value;
        }
    }
}
