package org.callsign.signaling.whip.service;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.callsign.server.api.ApiException;
import org.callsign.server.secret.OpaqueTokens;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.api.ClientAddress;
import org.callsign.signaling.api.RateLimitedException;
import org.callsign.signaling.auth.service.CurrentClient;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.cluster.service.HeldRoute;
import org.callsign.signaling.cluster.service.NodeRequests;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.connect.service.CallerAdmission;
import org.callsign.signaling.connect.service.ConnectService;
import org.callsign.signaling.connect.service.ExchangeRequest;
import org.callsign.signaling.connect.service.HomeRouting;
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
import org.callsign.signaling.signal.service.ClientTakeover;
import org.callsign.signaling.signal.service.Relay;
import org.callsign.signaling.signal.service.SignalingException;

/**
 * WHIP (RFC 9725) in front of the relay: a {@code POST} of an SDP offer reaches a device as an offer stamped
 * {@code kind: whip} and is answered {@code 201} with the device's complete answer and a session resource; a
 * {@code PATCH} of a trickle-ICE fragment relays the client's candidates; a {@code DELETE} tells the device
 * {@code bye}. Admission and the choice of device are those of {@code /connect}. On a cluster, the exchange runs on the
 * device's home, which then holds the session; a {@code PATCH} or {@code DELETE} reaching another node is run there,
 * or, if that node died, on the client's next home, which takes the session over ({@link WhipSessions}).
 */
@Singleton
@Startup
public class WhipService {

    /** The {@code kind} that stamps a WHIP caller's offer. */
    public static final String KIND = "whip";

    /** What a node asks a client's home node to run: {@link #publishHere}. */
    static final String EXCHANGE = "whip-exchange";

    /** What a node asks the node holding a session to run: {@link #trickleHere}. */
    static final String TRICKLE = "whip-trickle";

    /** What a node asks the node holding a session to run: {@link #endHere}. */
    static final String END = "whip-end";

    private final CallerAdmission admission;
    private final TargetChooser targets;
    private final HttpExchanges exchanges;
    private final WhipSessions sessions;
    private final Relay relay;
    private final SignalingConfig config;
    private final Clock clock;
    private final ClusterNode cluster;
    private final NodeRequests requests;
    private final HomeRouting homes;
    private final ClientTakeover takeover;

    public WhipService(
            CallerAdmission admission,
            TargetChooser targets,
            HttpExchanges exchanges,
            WhipSessions sessions,
            Relay relay,
            SignalingConfig config,
            Clock clock,
            ClusterNode cluster,
            NodeRequests requests,
            HomeRouting homes,
            ClientTakeover takeover) {
        this.admission = admission;
        this.targets = targets;
        this.exchanges = exchanges;
        this.sessions = sessions;
        this.relay = relay;
        this.config = config;
        this.clock = clock;
        this.cluster = cluster;
        this.requests = requests;
        this.homes = homes;
        this.takeover = takeover;
        requests.serveLater(EXCHANGE, json -> {
            ExchangeRequest request = homes.read(json, ExchangeRequest.class);
            return publishHere(request.caller(), request.target(), request.sdp(), new ClientAddress(request.ip()))
                    .thenApply(homes::write);
        });
        requests.serve(TRICKLE, json -> {
            SessionRequest request = asked(json);
            trickleHere(request.id(), request.ifMatch(), request.fragment(), request::requireClient);
            return "";
        });
        requests.serve(END, json -> {
            SessionRequest request = asked(json);
            endHere(request.id(), request::requireClient);
            return "";
        });
    }

    /**
     * Relays a WHIP offer to {@code deviceId} (or the one device that can answer) and completes with the answer and
     * the new session resource.
     */
    public CompletionStage<WhipAnswer> publish(String deviceId, String sdp, CurrentClient current) {
        HttpCaller caller = admission.admit(sdp, null, current);
        HttpTarget target = targets.choose(caller, deviceId);
        ClientAddress address = current.address();
        return homes.onHome(
                        target.clientId(),
                        EXCHANGE,
                        new ExchangeRequest(caller, target, sdp, address.ip()),
                        config.connect().answerTimeout().plus(ConnectService.HOME_MARGIN),
                        () -> publishHere(caller, target, sdp, address).thenApply(homes::write))
                .thenApply(json -> homes.read(json, WhipAnswer.class));
    }

    /**
     * Relays the candidates of a trickle-ICE fragment (RFC 9725 §4.3.1) to the device, from the node that holds the
     * session.
     *
     * @param ifMatch the request's {@code If-Match}, or {@code null}
     * @param fragment the {@code application/trickle-ice-sdpfrag} body
     */
    public void trickle(String id, String ifMatch, String fragment, CurrentClient current) {
        if (!askedElsewhere(TRICKLE, id, ifMatch, fragment, current)) {
            trickleHere(id, ifMatch, fragment, () -> current.require().clientId());
        }
    }

    /** Ends a session: the device is told {@code bye}, and the resource is gone. */
    public void end(String id, CurrentClient current) {
        if (!askedElsewhere(END, id, null, null, current)) {
            endHere(id, () -> current.require().clientId());
        }
    }

    /**
     * Where another node holds session {@code id} (or is to take it over), asks that node to run {@code kind} and
     * returns true once it did; returns false where this node is the one to run it.
     */
    private boolean askedElsewhere(String kind, String id, String ifMatch, String fragment, CurrentClient current) {
        HeldRoute route = routeOf(id);
        if (route.here()) {
            return false;
        }
        requests.ask(
                route.node(),
                kind,
                homes.write(new SessionRequest(id, ifMatch, fragment, clientOf(current), route.takeOver())));
        return true;
    }

    /** The exchange on the node where the target's client is at home, which then holds the session. */
    private CompletionStage<WhipAnswer> publishHere(
            HttpCaller caller, HttpTarget target, String sdp, ClientAddress address) {
        int max = config.whip().maxSessions();
        if (sessions.size() >= max) {
            throw new RateLimitedException(
                    "this server holds " + max + " WHIP sessions; retry later", Duration.ofMinutes(1));
        }
        String ufrag = iceUfrag(sdp);
        PendingAnswer pending = exchanges.offer(caller, target, KIND, sdp, address);
        return pending.answer().thenApply(answer -> {
            WhipSession session = new WhipSession(
                    WhipSessions.newId(),
                    pending.party(),
                    pending.exchange(),
                    OpaqueTokens.newSecret().substring(0, 16),
                    caller.credentialsOf(),
                    ufrag,
                    clock.instant().plus(config.whip().sessionLifetime()));
            try {
                sessions.add(session);
            } catch (RuntimeException e) {
                relay.dismiss(pending.party(), "the WHIP session could not be recorded");
                throw e;
            }
            return new WhipAnswer(session.id(), session.etag(), answer);
        });
    }

    private void trickleHere(String id, String ifMatch, String fragmentText, Supplier<String> client) {
        TrickleFragment fragment = TrickleFragment.parse(fragmentText);
        WhipSession session = session(id, client);
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

    private void endHere(String id, Supplier<String> client) {
        WhipSession session = session(id, client);
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

    /**
     * Where a request about session {@code id} runs: here on a single server, else on the node that holds it or, if
     * that node died, on the next home of its client, which takes the client over first. Ids not ours are not looked
     * up: they are not found here.
     */
    private HeldRoute routeOf(String id) {
        if (!OpaqueTokens.isWellFormed(id)) {
            return HeldRoute.HERE;
        }
        HeldRoute route = HeldRoute.of(cluster, cluster.holding(WhipSessions.CLUSTER_KIND, id));
        if (route.here() && route.takeOver() != null) {
            takeover.ensure(route.takeOver());
        }
        return route;
    }

    /** A request another node hands this one; the client it names is taken over first, if its holder died. */
    private SessionRequest asked(String json) {
        SessionRequest request = homes.read(json, SessionRequest.class);
        if (request.takeOver() != null) {
            takeover.ensure(request.takeOver());
        }
        return request;
    }

    /** The client whose credentials the request presents, or {@code null} without; 401 for bad ones. */
    private static String clientOf(CurrentClient current) {
        return current.presentsCredentials() ? current.require().clientId() : null;
    }

    /**
     * The live session {@code id} that the request's client (asked of {@code client} only if the session was made with
     * credentials) may change; {@code not-found} otherwise.
     */
    private WhipSession session(String id, Supplier<String> client) {
        Optional<WhipSession> found = sessions.find(id);
        if (found.isPresent() && found.get().credentialsOf() != null) {
            String clientId = client.get();
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
