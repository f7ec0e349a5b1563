package org.callsign.testbed.demo;

import static org.callsign.testbed.CallSteps.asserted;
import static org.callsign.testbed.CallSteps.awaitIncoming;
import static org.callsign.testbed.CallSteps.awaitUpdate;
import static org.callsign.testbed.CallSteps.message;
import static org.callsign.testbed.CallSteps.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.callsign.peer.WebRtc;
import org.callsign.peer.WebRtcPeer;
import org.callsign.shim.identity.VerifiedIdentity;
import org.callsign.shim.sdp.DtlsFingerprint;
import org.callsign.shim.sdp.SessionDescription;
import org.callsign.testbed.CallSteps;
import org.callsign.testbed.Domain;
import org.callsign.testbed.SdpFixtures;
import org.callsign.testbed.TestbedOptions;
import org.callsign.testbed.TwoDomains;
import org.callsign.wellknown.testing.WebPushTesting;

/**
 * The demo's call: two domains start, three people register, alice calls per while his phone sleeps, a push wakes
 * it, each device verifies the other's identity itself, and their WebRTC peers complete DTLS with the asserted
 * fingerprints and exchange data-channel messages. {@link DemoAttacks} follows on the same world.
 */
final class DemoScenario {
    /** Long enough for per's phone to wake, gather and answer on a slow machine; the demo never waits it out. */
    static final String RING_TIMEOUT = "30s";

    static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DemoWorld world;
    private final Path logDir;

    DemoScenario(DemoWorld world, Path logDir) {
        this.world = world;
        this.logDir = logDir;
    }

    void run(StepRunner steps) {
        steps.run("Start two domains on loopback", this::startDomains);
        steps.run("Start a local Web Push service", this::startPushService);
        steps.run("Register alice, per and mallory, and their devices", this::register);
        steps.run("alice calls per, whose phone sleeps", this::call);
        steps.run("A push wakes per's phone", this::push);
        steps.run("per's phone answers; each device verifies the other", this::answer);
        steps.run("DTLS with the asserted fingerprints; a message each way", this::connect);
    }

    private void startDomains(StepLog log) throws Exception {
        world.ownNative(WebRtc::shutdown);
        TwoDomains bed = world.own(TwoDomains.start(
                logDir,
                TestbedOptions.NONE.withSignalingProperty("callsign.signaling.calls.ring-timeout", RING_TIMEOUT)));
        world.bed = bed;
        for (Domain domain : Domain.values()) {
            log.detail(String.format(
                    "%s (IdP) on 127.0.0.1:%d, %s (signaling) on 127.0.0.1:%d",
                    domain.idpHost(),
                    bed.ports(domain).idp(),
                    domain.signalingHost(),
                    bed.ports(domain).signaling()));
        }
        log.detail("HTTPS only, certificates from a CA made for this run; each name maps to its loopback port");
        log.detail("four JVMs ready in " + DemoReport.seconds(bed.startupTime().toMillis()));
        log.fact("ports", bed.connectTo());
        log.fact("startupMillis", bed.startupTime().toMillis());
    }

    private void startPushService(StepLog log) throws Exception {
        if (!WebPushTesting.installed()) {
            throw log.skip(WebPushTesting.MISSING + " (needs Node.js); per's phone will come online by itself");
        }
        Path dir = Files.createDirectories(logDir.resolve("web-push-testing"));
        world.pushService = world.own(WebPushTesting.start(dir));
        log.detail("web-push-testing on loopback: checks each push's VAPID token, decrypts its payload");
    }

    private void register(StepLog log) throws Exception {
        TwoDomains bed = world.bed;
        world.alicePeer = world.ownNative(WebRtcPeer.caller());
        world.alicePeer.offer();
        world.aliceSdp = world.alicePeer.completeLocalDescription(WAIT);
        world.alice = bed.createUser(Domain.A, "alice", SessionDescription.parse(world.aliceSdp));

        world.perPeer = world.ownNative(WebRtcPeer.answerer());
        String perFingerprint = world.perPeer.fingerprint();
        String perSdp = WebRtcPeer.withFingerprint(
                SdpFixtures.load(SdpFixtures.WEBRTC_JAVA_OFFER).toString(), perFingerprint);
        world.per = bed.createUser(Domain.B, "per", SessionDescription.parse(perSdp));
        world.mallory = bed.createUser(Domain.A, "mallory", SdpFixtures.CHROMIUM_OFFER);

        log.detail(world.alice.identity() + ": account at idp-a.test, client of sig-a.test, device "
                + shortFingerprint(WebRtcPeer.fingerprintOf(world.aliceSdp)) + " (a webrtc-java peer)");
        log.detail(world.per.identity() + ": account at idp-b.test, client of sig-b.test, phone "
                + shortFingerprint(perFingerprint) + " (a webrtc-java peer)");
        log.detail(world.mallory.identity() + ": account at idp-a.test, client of sig-a.test");
        log.detail("each identity bound to its client by an assertion of its IdP over the server's challenge");
        if (world.pushService != null) {
            world.perPhone = CallSteps.subscribe(bed, world.pushService, world.per);
            log.detail("per's phone registered a Web Push subscription with sig-b.test's VAPID key");
        }
        log.fact("alice", world.alice.identity());
        log.fact("per", world.per.identity());
        log.fact("mallory", world.mallory.identity());
    }

    private void call(StepLog log) throws Exception {
        TwoDomains bed = world.bed;
        JsonNode lookup = bed.signaling(Domain.A)
                .get("/api/lookup?identity=" + world.per.identity(), world.alice.signalingAuthorization())
                .expect(200)
                .json();
        world.perServer = lookup.path("server").asText();
        String via = lookup.path("via").asText();
        log.detail("sig-a.test found per's server through "
                + ("webfinger".equals(via) ? "WebFinger at idp-b.test" : via) + ": " + world.perServer);

        world.aliceDevice = world.own(bed.connect(world.alice));
        world.aliceDevice.next("welcome");
        world.aliceOffer = asserted(bed, world.alice, SessionDescription.parse(world.aliceSdp), world.perServer);
        log.detail("alice's device asked idp-a.test (its proxy script, in the sandbox) for an assertion of its"
                + " fingerprint, for " + world.perServer);
        world.aliceDevice.send(message("call").put("to", world.per.identity()).put("sdp", world.aliceOffer));
        world.call = world.aliceDevice.next("call-placed").path("call").asText();

        JsonNode record = awaitIncoming(bed, world.per, world.call, WAIT);
        if (!record.path("verified").asBoolean()
                || !world.alice.identity().equals(record.path("peer").asText())) {
            throw new IllegalStateException("sig-b.test did not verify alice: " + record);
        }
        String decision = record.path("filter").path("decision").asText();
        if (!"ring".equals(decision)) {
            throw new IllegalStateException("per's filter did not let the call ring: " + record);
        }
        log.detail("sig-b.test ran idp-a.test's proxy script: the caller is "
                + record.path("peer").asText() + ", verified");
        log.detail("per's filter: " + decision + " ("
                + record.path("filter").path("rule").asText() + ")");
        log.fact("call", world.call);
        log.fact("discoveredBy", lookup.path("via").asText());
        log.fact("verifiedByServer", record.path("peer").asText());
        log.fact("filter", decision);
    }

    private void push(StepLog log) throws Exception {
        if (world.pushService == null) {
            throw log.skip("no push service (step 2)");
        }
        String payload =
                CallSteps.awaitPushes(world.pushService, world.perPhone, 1).get(0);
        JsonNode push = JSON.readTree(payload);
        List<String> fields = new ArrayList<>();
        push.fieldNames().forEachRemaining(fields::add);
        if (!List.of("type", "call", "expires").containsAll(fields)
                || !world.call.equals(push.path("call").asText())) {
            throw new IllegalStateException("unexpected push: " + payload);
        }
        if (payload.contains("v=0") || payload.contains("127.0.0.1")) {
            throw new IllegalStateException("the push carries SDP or an address: " + payload);
        }
        log.detail("the push service took an encrypted, VAPID-signed push and decrypted it: " + payload);
        log.detail("no SDP, no address, no caller (per did not allow showing callers in pushes)");
        log.fact("push", push);
    }

    private void answer(StepLog log) throws Exception {
        TwoDomains bed = world.bed;
        world.perDevice = world.own(bed.connect(world.per));
        world.perDevice.next("welcome");
        JsonNode ring = world.perDevice.next("incoming-call");
        if (!world.call.equals(ring.path("call").asText())) {
            throw new IllegalStateException("per's phone was rung for another call: " + ring);
        }
        VerifiedIdentity caller = verify(bed, ring.path("sdp").asText(), Domain.B.signalingOrigin());
        requireCovered(caller, WebRtcPeer.fingerprintOf(world.aliceSdp));
        log.detail("per's phone came online and was rung; it verified the offer itself (browser-shim): " + caller.name()
                + ", fingerprint covered");

        world.perPeer.answer(ring.path("sdp").asText());
        String answer = world.perPeer.completeLocalDescription(WAIT);
        world.perAnswer = asserted(
                bed,
                world.per,
                SessionDescription.parse(answer),
                ring.path("server").asText());
        world.perDevice.send(message("accept").put("call", world.call).put("sdp", world.perAnswer));
        world.perDevice.next("ack");

        world.answerAtAlice =
                awaitUpdate(world.aliceDevice, "accepted").path("sdp").asText();
        VerifiedIdentity callee = verify(bed, world.answerAtAlice, Domain.A.signalingOrigin());
        requireCovered(callee, WebRtcPeer.fingerprintOf(answer));
        if (!world.per.identity().equals(callee.name())) {
            throw new IllegalStateException("alice's device verified " + callee.name() + ", not per");
        }
        log.detail("per accepted with an answer asserted by idp-b.test; only now did his candidates leave sig-b.test");
        log.detail("alice's device verified the answer itself: " + callee.name() + ", fingerprint covered");
        log.fact("perVerifiedCaller", caller.name());
        log.fact("aliceVerifiedCallee", callee.name());
    }

    private void connect(StepLog log) throws Exception {
        world.alicePeer.accept(world.answerAtAlice);
        world.alicePeer.awaitConnected(WAIT);
        world.perPeer.awaitConnected(WAIT);
        String perCertificate = world.alicePeer.remoteCertificateFingerprint(WAIT);
        String aliceCertificate = world.perPeer.remoteCertificateFingerprint(WAIT);
        if (!perCertificate.equals(WebRtcPeer.fingerprintOf(world.perAnswer))
                || !aliceCertificate.equals(WebRtcPeer.fingerprintOf(world.aliceOffer))) {
            throw new IllegalStateException("a DTLS certificate is not the asserted one");
        }
        log.detail("ICE and DTLS connected; the certificate each peer presented is the one its assertion covers");
        world.alicePeer.send("hello per, this is alice", WAIT);
        String atPer = world.perPeer.receive(WAIT);
        world.perPeer.send("hello alice, per here", WAIT);
        String atAlice = world.alicePeer.receive(WAIT);
        log.detail("data channel: per got \"" + atPer + "\", alice got \"" + atAlice + "\"");

        world.aliceDevice.send(message("hangup").put("call", world.call));
        awaitUpdate(world.perDevice, "ended");
        log.detail("alice hung up; both servers keep the call in their history");
        world.record(new CallSummary(
                world.alice.identity(),
                world.per.identity(),
                "sig-b.test and per's phone verified alice; alice's device verified per",
                "answered; DTLS with the asserted certificates; data channel both ways"));
        log.fact("dtls", "connected");
        log.fact("aliceSawCertificate", perCertificate);
        log.fact("perSawCertificate", aliceCertificate);
        log.fact("messages", Map.of("toPer", atPer, "toAlice", atAlice));
    }

    private static void requireCovered(VerifiedIdentity identity, String fingerprint) {
        for (DtlsFingerprint covered : identity.fingerprints()) {
            if (covered.digest().replace(":", "").toUpperCase(Locale.ROOT).equals(fingerprint)) {
                return;
            }
        }
        throw new IllegalStateException("the assertion of " + identity.name() + " does not cover " + fingerprint);
    }

    static String shortFingerprint(String hex) {
        return "sha-256 " + hex.substring(0, 8) + "…";
    }
}
