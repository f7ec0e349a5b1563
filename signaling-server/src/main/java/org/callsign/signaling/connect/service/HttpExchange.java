package org.callsign.signaling.connect.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.callsign.server.api.ApiException;
import org.callsign.shim.sdp.SdpException;
import org.callsign.signaling.signal.message.ErrorMessage;
import org.callsign.signaling.signal.message.IceCandidate;
import org.callsign.signaling.signal.message.RelayedAnswer;
import org.callsign.signaling.signal.message.RelayedBye;
import org.callsign.signaling.signal.message.RelayedCandidate;
import org.callsign.signaling.signal.message.RelayedOffer;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.service.Outbox;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;
import org.jboss.logging.Logger;

/**
 * The outbox of an HTTP caller ({@code /connect}, WHIP): it has no connection, only one response to give, so it
 * collects the device's answer into one complete SDP. An answer that carries candidates (gathering done, as webexec
 * answers) completes at once; otherwise candidates the device trickles are folded in until its end of candidates, or
 * until the gather timeout. After that the caller cannot take candidates or offers: the device is refused with
 * {@code not-allowed}. A bye or a lost offer ends the wait with the matching error. Never blocks.
 */
public final class HttpExchange implements Outbox {

    /** Candidates collected for one answer; later ones are refused. */
    public static final int MAX_CANDIDATES = 64;

    private static final Logger LOG = Logger.getLogger(HttpExchange.class);

    private final String kind;
    private final Duration gatherTimeout;
    private final CompletableFuture<String> answer = new CompletableFuture<>();
    private final List<IceCandidate> candidates = new ArrayList<>();
    private String sdp;
    private boolean gathered;
    private volatile boolean ended;

    /**
     * @param kind {@code connect} or {@code whip}, for messages
     * @param gatherTimeout how long candidates are collected after an answer without any
     */
    public HttpExchange(String kind, Duration gatherTimeout) {
        this.kind = kind;
        this.gatherTimeout = gatherTimeout;
    }

    /**
     * The outbox of an exchange whose answer was given on a node that has died since: it refuses candidates and offers
     * as any answered exchange does, and learns of the session's end. Its {@link #answer} is empty: it was sent.
     */
    public static HttpExchange answered(String kind) {
        HttpExchange exchange = new HttpExchange(kind, Duration.ZERO);
        exchange.answer.complete("");
        return exchange;
    }

    /** The complete answer SDP, or the refusal. */
    public CompletableFuture<String> answer() {
        return answer;
    }

    /** Whether the session ended: a bye from the device or the server. */
    public boolean ended() {
        return ended;
    }

    @Override
    public synchronized boolean send(ServerMessage message) {
        if (message instanceof RelayedAnswer relayed) {
            onAnswer(relayed);
        } else if (message instanceof RelayedCandidate relayed) {
            onCandidate(relayed);
        } else if (message instanceof RelayedBye bye) {
            ended = true;
            String reason = bye.reason() == null ? "" : ": " + bye.reason();
            fail(
                    bye.from() == null
                            ? new SignalingException(SignalError.TARGET_OFFLINE, "the session ended" + reason)
                            : new ApiException(HttpSignalingError.DECLINED, "the device declined" + reason));
        } else if (message instanceof ErrorMessage error) {
            fail(new SignalingException(SignalError.TARGET_OFFLINE, error.message()));
        } else if (message instanceof RelayedOffer offer) {
            throw refuse("a new offer", offer.session());
        } else {
            return false;
        }
        return true;
    }

    @Override
    public void close(SignalError reason, String message) {
        ended = true;
        fail(new SignalingException(reason, message));
    }

    private void onAnswer(RelayedAnswer relayed) {
        if (sdp != null || answer.isDone()) {
            throw refuse("a second answer", relayed.session());
        }
        sdp = relayed.sdp();
        if (gathered || AnswerCandidates.isComplete(sdp)) {
            finish();
        } else {
            schedule();
        }
    }

    private void onCandidate(RelayedCandidate relayed) {
        if (answer.isDone()) {
            throw refuse("candidates after its answer", relayed.session());
        }
        IceCandidate candidate = relayed.candidate();
        if (candidate == null
                || candidate.candidate() == null
                || candidate.candidate().isBlank()) {
            gathered = true;
            if (sdp != null) {
                finish();
            }
            return;
        }
        if (candidates.size() >= MAX_CANDIDATES) {
            throw new SignalingException(
                    SignalError.TOO_LARGE,
                    "a " + kind + " answer takes at most " + MAX_CANDIDATES + " candidates",
                    relayed.session());
        }
        candidates.add(candidate);
    }

    private void schedule() {
        CompletableFuture.delayedExecutor(gatherTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .execute(this::finishLater);
    }

    private synchronized void finishLater() {
        if (!answer.isDone()) {
            finish();
        }
    }

    private void finish() {
        if (candidates.isEmpty() && !gathered) {
            answer.complete(sdp);
            return;
        }
        try {
            answer.complete(AnswerCandidates.merge(sdp, candidates, gathered));
        } catch (SdpException | IllegalArgumentException e) {
            LOG.warnf("%s answer kept without its trickled candidates: %s", kind, e.getMessage());
            answer.complete(sdp);
        }
    }

    private void fail(RuntimeException failure) {
        answer.completeExceptionally(failure);
    }

    private SignalingException refuse(String what, String session) {
        return new SignalingException(
                SignalError.NOT_ALLOWED,
                "the " + kind + " caller takes no " + what + ": answer once, with every candidate (gathering done)",
                session);
    }
}
