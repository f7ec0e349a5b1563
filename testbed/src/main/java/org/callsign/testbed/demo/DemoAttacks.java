package org.callsign.testbed.demo;

import static org.callsign.testbed.CallSteps.asserted;
import static org.callsign.testbed.CallSteps.awaitIncoming;
import static org.callsign.testbed.CallSteps.message;
import static org.callsign.testbed.CallSteps.verify;
import static org.callsign.testbed.demo.DemoScenario.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.callsign.peer.WebRtcPeer;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.VerifiedIdentity;
import org.callsign.shim.sdp.SessionDescription;
import org.callsign.testbed.DeviceSocket;
import org.callsign.testbed.Domain;
import org.callsign.testbed.TwoDomains;

/**
 * The attacks the demo shows failing, after {@link DemoScenario}'s call: a signaling server that swaps a fingerprint,
 * a replayed assertion, and a caller the callee blocked. Each step fails if the attack succeeds.
 */
final class DemoAttacks {
    /** How long per's phone is watched for a ring that must not come. */
    private static final Duration NO_RING = Duration.ofSeconds(1);

    private final DemoWorld world;

    DemoAttacks(DemoWorld world) {
        this.world = world;
    }

    void run(StepRunner steps) {
        steps.run("Attack: a signaling server swaps per's fingerprint", this::swappedFingerprint);
        steps.run("Attack: mallory replays alice's assertion", this::replayedAssertion);
        steps.run("Attack: a caller per has blocked", this::blockedCaller);
    }

    private void swappedFingerprint(StepLog log) throws Exception {
        WebRtcPeer middle = world.ownNative(WebRtcPeer.caller());
        String own = WebRtcPeer.fingerprintOf(middle.offer());
        String tampered = WebRtcPeer.withFingerprint(world.answerAtAlice, own);
        log.detail("a server on the way put its own fingerprint (" + DemoScenario.shortFingerprint(own)
                + ") into per's answer, to sit in the middle of DTLS");
        IdentityException refused = refusal(() -> verify(world.bed, tampered, Domain.A.signalingOrigin()));
        if (refused.error() != IdentityError.FINGERPRINT_NOT_COVERED) {
            throw new IllegalStateException("refused, but not for the fingerprint: " + refused.getMessage());
        }
        log.detail("alice's device refuses the answer: " + refused.error().code() + " (" + refused.getMessage() + ")");
        world.record(new CallSummary(
                world.per.identity() + " (answer tampered on the way)",
                world.alice.identity(),
                "alice's device: " + refused.error().code(),
                "refused before any DTLS"));
        log.fact("refusedWith", refused.error().code());
    }

    private void replayedAssertion(StepLog log) throws Exception {
        TwoDomains bed = world.bed;
        String aliceFingerprint = WebRtcPeer.fingerprintOf(world.aliceOffer);
        String aliceIdentity =
                SessionDescription.parse(world.aliceOffer).identity().orElseThrow();
        WebRtcPeer impostor = world.ownNative(WebRtcPeer.caller());
        impostor.offer();
        String forged = SessionDescription.parse(
                        WebRtcPeer.withFingerprint(impostor.completeLocalDescription(WAIT), aliceFingerprint))
                .withIdentity(aliceIdentity)
                .toString();
        log.detail("mallory copied alice's a=identity and fingerprint into an offer of her own peer (her own ICE"
                + " credentials and addresses)");

        VerifiedIdentity seen = verify(bed, forged, Domain.B.signalingOrigin());
        log.detail("per's phone verifies it as " + seen.name() + ": the assertion is genuine and covers that"
                + " fingerprint");
        WebRtcPeer perSecond = world.ownNative(WebRtcPeer.answerer());
        perSecond.answer(forged);
        impostor.accept(perSecond.completeLocalDescription(WAIT));
        String dtls;
        try {
            perSecond.awaitConnected(WAIT);
            throw new IllegalStateException(
                    "per's peer connected to mallory's, which presented someone else's" + " certificate");
        } catch (ExecutionException e) {
            dtls = "failed";
        } catch (TimeoutException e) {
            dtls = "not connected within " + WAIT.toSeconds() + " s";
        }
        log.detail("DTLS " + dtls + ": mallory cannot present the certificate of alice's fingerprint, so per's"
                + " phone never talks to her");

        IdentityException elsewhere = refusal(() -> verify(bed, world.aliceOffer, Domain.A.signalingOrigin()));
        log.detail("the same assertion replayed to another relying party (" + Domain.A.signalingOrigin()
                + ") is refused: " + elsewhere.error().code() + ", it was issued for " + world.perServer);
        world.record(new CallSummary(
                "mallory, as " + seen.name() + " (replayed assertion)",
                world.per.identity(),
                "per's phone: " + seen.name() + " (genuine assertion); at another origin: "
                        + elsewhere.error().code(),
                "DTLS " + dtls));
        log.fact("verifiedAs", seen.name());
        log.fact("dtls", dtls);
        log.fact("otherOrigin", elsewhere.error().code());
    }

    private void blockedCaller(StepLog log) throws Exception {
        TwoDomains bed = world.bed;
        bed.signaling(Domain.B)
                .post(
                        "/api/filter/rules",
                        world.per.signalingAuthorization(),
                        Map.of("rules", List.of(Map.of("action", "block", "pattern", world.mallory.identity()))))
                .expect(200);
        log.detail("per blocked " + world.mallory.identity() + " (POST /api/filter/rules at sig-b.test)");
        DeviceSocket malloryDevice = world.own(bed.connect(world.mallory));
        malloryDevice.next("welcome");
        malloryDevice.send(message("call")
                .put("to", world.per.identity())
                .put("sdp", asserted(bed, world.mallory, world.perServer)));
        String call = malloryDevice.next("call-placed").path("call").asText();
        JsonNode record = awaitIncoming(bed, world.per, call, WAIT);
        if (!"refused:blocked".equals(record.path("reason").asText())) {
            throw new IllegalStateException("the blocked call was not refused as blocked: " + record);
        }
        log.detail("sig-b.test verified mallory and refused the call: "
                + record.path("reason").asText() + " ("
                + record.path("filter").path("rule").asText() + ")");

        boolean rang;
        try {
            world.perDevice.next("incoming-call", NO_RING);
            rang = true;
        } catch (IllegalStateException nothing) {
            rang = false;
        }
        if (rang) {
            throw new IllegalStateException("per's phone rang for a blocked caller");
        }
        int pushes = world.pushService == null
                ? 0
                : world.pushService.notifications(world.perPhone.clientHash()).size();
        if (pushes > 1) {
            throw new IllegalStateException("a push went out for a blocked caller");
        }
        log.detail("per's phone did not ring" + (world.pushService == null ? "" : "; no push went out")
                + "; mallory's server learns only \"unavailable\", when the ring would have timed out");
        world.record(new CallSummary(
                world.mallory.identity(),
                world.per.identity(),
                "sig-b.test: " + world.mallory.identity() + ", verified",
                "refused by per's filter (" + record.path("filter").path("rule").asText() + "); nothing rang"));
        log.fact("reason", record.path("reason").asText());
        log.fact("rang", false);
        log.fact("pushesToPer", pushes);
    }

    /** The identity error {@code check} ends with; fails if it succeeds. */
    private static IdentityException refusal(Check check) throws Exception {
        try {
            VerifiedIdentity accepted = check.run();
            throw new IllegalStateException("accepted as " + accepted.name());
        } catch (IdentityException e) {
            return e;
        }
    }

    private interface Check {
        VerifiedIdentity run() throws Exception;
    }
}
