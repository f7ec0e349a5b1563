package org.callsign.signaling.connect.service;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.callsign.server.secret.OpaqueTokens;
import org.callsign.signaling.api.ClientAddress;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.signal.message.Offer;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.service.ClientTakeover;
import org.callsign.signaling.signal.service.HttpParty;
import org.callsign.signaling.signal.service.Relay;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;

/**
 * Relays an HTTP caller's offer to a device and waits, without a thread, for its answer: the caller becomes an
 * {@link HttpParty} of the relay for the exchange, the device receives the offer stamped with the caller's kind and
 * fingerprint, and the answer (or the refusal) completes the returned stage. Past {@code connect.answer-timeout} the
 * wait ends with 504 {@code answer-timeout} and the device is told {@code bye}. Runs on the target client's home; on a
 * cluster whose former home for the client died, the client is taken over first ({@link ClientTakeover}), so that the
 * offer waits on the line of a device that is about to resume.
 */
@Singleton
public class HttpExchanges {

    private final Relay relay;
    private final PendingAnswers pending;
    private final SignalingConfig config;
    private final ClientTakeover takeover;

    public HttpExchanges(Relay relay, PendingAnswers pending, SignalingConfig config, ClientTakeover takeover) {
        this.relay = relay;
        this.pending = pending;
        this.config = config;
        this.takeover = takeover;
    }

    /**
     * Sends {@code sdp} from {@code caller} to {@code target} as a {@code kind} party.
     *
     * @throws SignalingException the relay's refusal of the offer (target offline, not verified, …)
     * @throws org.callsign.signaling.api.RateLimitedException too many offers waiting
     */
    public PendingAnswer offer(HttpCaller caller, HttpTarget target, String kind, String sdp, ClientAddress from) {
        PendingAnswers.Permit permit = pending.acquire(from);
        takeover.ensure(target.clientId());
        String session = OpaqueTokens.newSecret();
        HttpExchange exchange = new HttpExchange(kind, config.connect().gatherTimeout());
        HttpParty party = new HttpParty(target.clientId(), session, kind, caller.fingerprint(), exchange);
        relay.admit(party);
        try {
            relay.offer(party, new Offer(ServerMessage.VERSION, session, target.deviceId(), session, sdp));
        } catch (RuntimeException e) {
            relay.dismiss(party, "the offer was refused");
            permit.release();
            throw e;
        }
        Duration timeout = config.connect().answerTimeout();
        CompletableFuture<String> answer = new CompletableFuture<>();
        exchange.answer().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((sdpAnswer, failure) -> {
            permit.release();
            if (failure == null) {
                answer.complete(sdpAnswer);
                return;
            }
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof TimeoutException) {
                cause = new SignalingException(
                        SignalError.ANSWER_TIMEOUT, "the device did not answer within " + describe(timeout), null);
            }
            relay.dismiss(party, "the " + kind + " caller stopped waiting for the answer");
            answer.completeExceptionally(cause);
        });
        return new PendingAnswer(party, exchange, answer);
    }

    /** A timeout for people: {@code 15 s}, {@code 300 ms}. */
    static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
