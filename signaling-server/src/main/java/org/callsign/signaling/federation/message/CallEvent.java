package org.callsign.signaling.federation.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;
import org.callsign.signaling.signal.message.IceCandidate;

/**
 * The body of {@code POST /federation/v1/calls/{call}/events} (docs/federation.md): one event of a call, from the
 * other server of the call.
 *
 * @param type one of {@link #TYPES}
 * @param sdp the answer, for {@value #ACCEPTED}
 * @param candidate the candidate, for {@value #CANDIDATE} ({@code null}: the end of candidates)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallEvent(String type, String sdp, IceCandidate candidate) {

    public static final String ACCEPTED = "accepted";
    public static final String UNAVAILABLE = "unavailable";
    public static final String DECLINED = "declined";
    public static final String BUSY = "busy";
    public static final String CANDIDATE = "candidate";
    public static final String CANCEL = "cancel";
    public static final String HANGUP = "hangup";

    /** Every event type. */
    public static final Set<String> TYPES = Set.of(ACCEPTED, UNAVAILABLE, DECLINED, BUSY, CANDIDATE, CANCEL, HANGUP);

    /** Events the callee's server sends. */
    public static final Set<String> FROM_CALLEE = Set.of(ACCEPTED, UNAVAILABLE, DECLINED, BUSY, CANDIDATE, HANGUP);

    /** Events the caller's server sends. */
    public static final Set<String> FROM_CALLER = Set.of(CANDIDATE, CANCEL, HANGUP);

    /** An event without fields. */
    public static CallEvent of(String type) {
        return new CallEvent(type, null, null);
    }
}
