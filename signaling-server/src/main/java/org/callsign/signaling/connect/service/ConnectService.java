package org.callsign.signaling.connect.service;

import jakarta.inject.Singleton;
import java.util.concurrent.CompletionStage;
import org.callsign.signaling.auth.service.CurrentClient;
import org.callsign.signaling.signal.service.Relay;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;

/**
 * webexec's one-shot signaling, {@code POST /connect}: the caller's offer goes to one of the reachable devices, and
 * the device's complete answer comes back in the same HTTP exchange, encoded as webexec encodes it. The signaling
 * session ends with the answer, without a bye: the peers now talk to each other, and the device's later messages on
 * it are refused as {@code unknown-session}.
 */
@Singleton
public class ConnectService {

    /** The {@code kind} that stamps a {@code /connect} caller's offer. */
    public static final String KIND = "connect";

    /** The {@code api_version} webexec's clients send (Terminal 7 sends 0; webexec reads no other). */
    public static final int API_VERSION = 0;

    private final CallerAdmission admission;
    private final TargetChooser targets;
    private final HttpExchanges exchanges;
    private final Relay relay;

    public ConnectService(CallerAdmission admission, TargetChooser targets, HttpExchanges exchanges, Relay relay) {
        this.admission = admission;
        this.targets = targets;
        this.exchanges = exchanges;
        this.relay = relay;
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
        PendingAnswer pending = exchanges.offer(caller, chosen, KIND, sdp, current.address());
        return pending.answer().thenApply(answer -> {
            relay.release(pending.party());
            return WebexecOffers.encodeAnswer(answer);
        });
    }
}
