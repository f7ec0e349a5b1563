package org.callsign.signaling.whip.service;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.callsign.server.api.ApiException;
import org.callsign.server.secret.OpaqueTokens;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.api.RateLimitedException;
import org.callsign.signaling.auth.service.CurrentClient;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.connect.service.CallerAdmission;
import org.callsign.signaling.connect.service.HttpCaller;
import org.callsign.signaling.connect.service.HttpExchanges;
import org.callsign.signaling.connect.service.HttpSignalingError;
import org.callsign.signaling.connect.service.HttpTarget;
import org.callsign.signaling.connect.service.PendingAnswer;
import org.callsign.signaling.connect.service.TargetChooser;
import org.callsign.signaling.signal.message.Bye;
import org.callsign.signaling.signal.message.Candidate;
import org.callsign.signaling.signal.message.IceCandidate;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.service.Relay;
import org.callsign.signaling.signal.service.SignalingException;

/**
 * WHIP (RFC 9725) in front of the relay: a {@code POST} of an SDP offer reaches a device as an offer stamped
 * {@code kind: whip} and is answered {@code 201} with the device's complete answer and a session resource; a
 * {@code PATCH} of a trickle-ICE fragment relays the client's candidates; a {@code DELETE} tells the device
 * {@code bye}. Admission and the choice of device are those of {@code /connect}.
 */
@Singleton
public class WhipService {

    /** The {@code kind} that stamps a WHIP caller's offer. */
    public static final String KIND = "whip";

    private final CallerAdmission admission;
    private final TargetChooser targets;
    private final HttpExchanges exchanges;
    private final WhipSessions sessions;
    private final Relay relay;
    private final SignalingConfig config;
    private final Clock clock;

    public WhipService(
            CallerAdmission admission,
            TargetChooser targets,
            HttpExchanges exchanges,
            WhipSessions sessions,
            Relay relay,
            SignalingConfig config,
            Clock clock) {
        this.admission = admission;
        this.targets = targets;
        this.exchanges = exchanges;
        this.sessions = sessions;
        this.relay = relay;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Relays a WHIP offer to {@code deviceId} (or the one device that can answer) and completes with the answer and
     * the new session resource.
     */
    public CompletionStage<WhipAnswer> publish(String deviceId, String sdp, CurrentClient current) {
        int max = config.whip().maxSessions();
        if (sessions.size() >= max) {
            throw new RateLimitedException(
                    "this server holds " + max + " WHIP sessions; retry later", Duration.ofMinutes(1));
        }
        HttpCaller caller = admission.admit(sdp, null, current);
        HttpTarget target = targets.choose(caller, deviceId);
        String ufrag = iceUfrag(sdp);
        PendingAnswer pending = exchanges.offer(caller, target, KIND, sdp, current.address());
        return pending.answer().thenApply(answer -> {
            WhipSession session = new WhipSession(
                    WhipSessions.newId(),
                    pending.party(),
                    pending.exchange(),
                    OpaqueTokens.newSecret().substring(0, 16),
                    caller.credentialsOf(),
                    ufrag,
                    clock.instant().plus(config.whip().sessionLifetime()));
            sessions.add(session);
            return new WhipAnswer(session, answer);
        });
    }

    /**
     * Relays the candidates of a trickle-ICE fragment (RFC 9725 §4.3.1) to the device.
     *
     * @param ifMatch the request's {@code If-Match}, or {@code null}
     */
    public void trickle(String id, String ifMatch, TrickleFragment fragment, CurrentClient current) {
        WhipSession session = session(id, current);
        if (ifMatch != null) {
            String tag = ifMatch.strip();
            if (tag.equals("*")) {
                throw restartUnsupported();
            }
            if (!tag.equals("\"" + session.etag() + "\"")) {
                throw new ApiException(
                        HttpSignalingError.PRECONDITION_FAILED, "If-Match does not name this session's entity tag");
            }
        }
        if (fragment.ufrag() != null
                && session.iceUfrag() != null
                && !fragment.ufrag().equals(session.iceUfrag())) {
            throw restartUnsupported();
        }
        for (IceCandidate candidate : fragment.candidates()) {
            relay.candidate(session.party(), new Candidate(ServerMessage.VERSION, null, session.session(), candidate));
        }
        if (fragment.ended()) {
            relay.candidate(session.party(), new Candidate(ServerMessage.VERSION, null, session.session(), null));
        }
    }

    /** Ends a session: the device is told {@code bye}, and the resource is gone. */
    public void end(String id, CurrentClient current) {
        WhipSession session = session(id, current);
        if (sessions.remove(session)) {
            try {
                relay.bye(
                        session.party(),
                        new Bye(ServerMessage.VERSION, null, session.session(), "the WHIP client ended the session"));
            } catch (SignalingException e) {
                // The device ended it first, or went offline: nothing is left to tell.
            }
            relay.dismiss(session.party(), "the WHIP session ended");
        }
    }

    /** The live session {@code id} that {@code current} may change; {@code not-found} otherwise. */
    private WhipSession session(String id, CurrentClient current) {
        Optional<WhipSession> found = sessions.find(id);
        if (found.isPresent() && found.get().credentialsOf() != null) {
            String clientId = current.require().clientId();
            if (!clientId.equals(found.get().credentialsOf())) {
                found = Optional.empty();
            }
        }
        return found.orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "no such WHIP session"));
    }

    private static ApiException restartUnsupported() {
        return new ApiException(
                HttpSignalingError.ICE_RESTART_UNSUPPORTED, "ICE restarts are not relayed: start a new WHIP session");
    }

    /** The offer's first {@code a=ice-ufrag}, session or media level, or {@code null}. */
    private static String iceUfrag(String sdp) {
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("a=ice-ufrag:")) {
                return line.substring("a=ice-ufrag:".length());
            }
        }
        return null;
    }
}
