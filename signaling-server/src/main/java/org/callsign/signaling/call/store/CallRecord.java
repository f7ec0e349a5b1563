package org.callsign.signaling.call.store;

import java.time.Instant;

/**
 * One call in a client's history.
 *
 * @param call the call id (chosen by the caller's server)
 * @param direction {@value #OUTGOING} or {@value #INCOMING}
 * @param peer the other person: the callee's identity (outgoing), the caller's identity as claimed or verified
 *     (incoming), or {@code null} when the caller claimed none
 * @param verified whether this server verified {@code peer} (incoming calls; always false for outgoing)
 * @param peerServer the origin of the other person's signaling server
 * @param state the call's state now
 * @param reason why it failed or ended, a code, or {@code null}
 * @param created when the call was placed or arrived
 * @param updated when the state last changed
 * @param answered when it was accepted, or {@code null}
 * @param ended when it ended, or {@code null}
 * @param filter what the callee's filter decided and why (incoming calls whose callee is here), or {@code null}
 */
public record CallRecord(
        String call,
        String direction,
        String peer,
        boolean verified,
        String peerServer,
        CallState state,
        String reason,
        Instant created,
        Instant updated,
        Instant answered,
        Instant ended,
        Filtered filter) {

    /**
     * The filter's decision on an incoming call, for "why did this call not ring?".
     *
     * @param decision {@code ring}, {@code silent}, {@code busy} or {@code unavailable}
     * @param rule the rule, status or default that decided ({@code block *@spam.example}, {@code status busy})
     */
    public record Filtered(String decision, String rule) {}

    public static final String OUTGOING = "outgoing";
    public static final String INCOMING = "incoming";

    /** This record in {@code next} state at {@code now}, with a reason (or {@code null}). */
    public CallRecord moved(CallState next, String why, Instant now) {
        return new CallRecord(
                call,
                direction,
                peer,
                verified,
                peerServer,
                next,
                why,
                created,
                now,
                next == CallState.ACCEPTED ? now : answered,
                next.terminal() ? now : ended,
                filter);
    }

    /** This record with the other server, once discovered. */
    public CallRecord withPeerServer(String origin) {
        return new CallRecord(
                call, direction, peer, verified, origin, state, reason, created, updated, answered, ended, filter);
    }

    /** This record with the caller as verified (or not) and the filter's decision. */
    public CallRecord filtered(String caller, boolean isVerified, Filtered decision, Instant now) {
        return new CallRecord(
                call,
                direction,
                caller,
                isVerified,
                peerServer,
                state,
                reason,
                created,
                now,
                answered,
                ended,
                decision);
    }

    /** Whether both records are of the same call from the same side. */
    public boolean sameCall(CallRecord other) {
        return call.equals(other.call) && direction.equals(other.direction);
    }
}
