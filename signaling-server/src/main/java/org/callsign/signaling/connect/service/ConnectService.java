package org.callsign.signaling.connect.service;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.callsign.signaling.api.ClientAddress;
import org.callsign.signaling.auth.service.CurrentClient;
import org.callsign.signaling.cluster.service.NodeRequests;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.signal.service.Relay;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;

/**
 * webexec's one-shot signaling, {@code POST /connect}: the caller's offer goes to one of the reachable devices, and
 * the device's complete answer comes back in the same HTTP exchange, encoded as webexec encodes it. The signaling
 * session ends with the answer, without a bye: the peers now talk to each other, and the device's later messages on
 * it are refused as {@code unknown-session}. On a cluster the exchange runs on the target client's home node, which holds
 * its devices' connections ({@link HomeRouting}).
 */
@Singleton
@Startup
public class ConnectService {
    /** What a node asks a client's home node to run: {@link #exchangeHere}. */
    static final String EXCHANGE = "connect-exchange";

    /** The {@code kind} that stamps a {@code /connect} caller's offer. */
    public static final String KIND = "connect";

    /** How much longer than the device's answer time a node waits for the home node's answer. */
    public static final Duration HOME_MARGIN = Duration.ofSeconds(5);

    /** The {@code api_version} webexec's clients send (Terminal 7 sends 0; webexec reads no other). */
    public static final int API_VERSION = 0;

    private final CallerAdmission admission;
    private final TargetChooser targets;
    private final HttpExchanges exchanges;
    private final Relay relay;
    private final HomeRouting homes;
    private final Duration homeTimeout;

    public ConnectService(
            CallerAdmission admission,
            TargetChooser targets,
            HttpExchanges exchanges,
            Relay relay,
            HomeRouting homes,
            NodeRequests requests,
            SignalingConfig config) {
        this.admission = admission;
        this.targets = targets;
        this.exchanges = exchanges;
        this.relay = relay;
        this.homes = homes;
        this.homeTimeout = config.connect().answerTimeout().plus(HOME_MARGIN);
        requests.serveLater(EXCHANGE, json -> {
            ExchangeRequest request = homes.read(json, ExchangeRequest.class);
            return exchangeHere(request.caller(), request.target(), request.sdp(), new ClientAddress(request.ip()));
        });
    }

    /**
     * Relays one {@code /connect} request.
     *
     * @param apiVersion the request's {@code api_version}; missing counts as webexec's 0
     * @param offer the request's {@code offer}: base64 of the JSON session description
     * @param fingerprint the request's {@code fingerprint}, or {@code null}
     * @param target the device to call, or {@code null} for the one that can answer
     * @return the answer, base64 of its JSON session description
     */
    public CompletionStage<String> connect(
            Integer apiVersion, String offer, String fingerprint, String target, CurrentClient current) {
        if (apiVersion != null && apiVersion != API_VERSION) {
            throw new SignalingException(
                    SignalError.UNSUPPORTED_VERSION,
                    "api_version " + apiVersion + " is not supported: this server speaks webexec's " + API_VERSION);
        }
        String sdp = WebexecOffers.decodeOffer(offer);
        HttpCaller caller = admission.admit(sdp, fingerprint, current);
        HttpTarget chosen = targets.choose(caller, target);
        ClientAddress address = current.address();
        return homes.onHome(
                        chosen.clientId(),
                        EXCHANGE,
                        new ExchangeRequest(caller, chosen, sdp, address.ip()),
                        homeTimeout,
                        () -> exchangeHere(caller, chosen, sdp, address))
                .thenApply(WebexecOffers::encodeAnswer);
    }

    /** The exchange on the node where the target's client is at home: the device's answer SDP. */
    private CompletionStage<String> exchangeHere(HttpCaller caller, HttpTarget target, String sdp, ClientAddress from) {
        PendingAnswer pending = exchanges.offer(caller, target, KIND, sdp, from);
        return pending.answer().thenApply(answer -> {
            relay.release(pending.party());
            return answer;
        });
    }
}
