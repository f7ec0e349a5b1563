package org.callsign.signaling.signal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.message.Ack;
import org.callsign.signaling.signal.message.Answer;
import org.callsign.signaling.signal.message.Bye;
import org.callsign.signaling.signal.message.Candidate;
import org.callsign.signaling.signal.message.ErrorMessage;
import org.callsign.signaling.signal.message.IceCandidate;
import org.callsign.signaling.signal.message.Offer;
import org.callsign.signaling.signal.message.RelayedAnswer;
import org.callsign.signaling.signal.message.RelayedBye;
import org.callsign.signaling.signal.message.RelayedCandidate;
import org.callsign.signaling.signal.message.RelayedOffer;
import org.callsign.signaling.signal.message.ServerMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Who may signal whom, anti-masquerading, sessions, holding and HTTP parties. */
class RelayTest {
    private static final int V = ServerMessage.VERSION;
    private static final String SESSION = "session-0001";
    private static final IceCandidate HOST =
            new IceCandidate("candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host", "0", 0, null);

    private SignalingCore core;
    private Device alice;
    private Device bob;
    private RecordingOutbox aliceOut;
    private RecordingOutbox bobOut;
    private Line aliceLine;
    private Line bobLine;

    @BeforeEach
    void twoDevicesOnline() {
        core = new SignalingCore();
        alice = core.device("client-a", "Laptop", SdpFixtures.CHROMIUM_OFFER);
        bob = core.device("client-a", "Phone", SdpFixtures.CHROMIUM_ANSWER);
        aliceOut = new RecordingOutbox();
        bobOut = new RecordingOutbox();
        aliceLine = core.connect(alice, "client-a", aliceOut);
        bobLine = core.connect(bob, "client-a", bobOut);
        aliceOut.clear();
        bobOut.clear();
    }

    private Offer offer(String to, String session, String sdp) {
        return new Offer(V, "m1", to, session, sdp);
    }

    private String aliceOffers() {
        return core.relay.offer(aliceLine.party(), offer(bob.id(), SESSION, SdpFixtures.CHROMIUM_OFFER.sdp()));
    }

    private static void refused(SignalError error, Executable executable) {
        SignalingException e = assertThrows(SignalingException.class, executable);
        assertEquals(error, e.error(), e.getMessage());
    }

    @Test
    void relaysAnOfferToItsTargetStampedWithTheVerifiedSender() {
        assertEquals(Ack.DELIVERED, aliceOffers());

        RelayedOffer relayed = bobOut.last(RelayedOffer.class);
        assertEquals("m1", relayed.id());
        assertEquals(SESSION, relayed.session());
        assertEquals(SdpFixtures.CHROMIUM_OFFER.sdp(), relayed.sdp());
        assertEquals(alice.id(), relayed.from().device());
        assertEquals("Laptop", relayed.from().name());
        assertEquals(SdpFixtures.CHROMIUM_OFFER.fingerprint(), relayed.from().fingerprint());
        assertTrue(aliceOut.messages().isEmpty());
    }

    @Test
    void answerAndCandidatesGoToTheOtherPartyOfTheSession() {
        aliceOffers();
        core.relay.answer(bobLine.party(), new Answer(V, "a1", SESSION, SdpFixtures.CHROMIUM_ANSWER.sdp()));
        core.relay.candidate(bobLine.party(), new Candidate(V, "c1", SESSION, HOST));
        core.relay.candidate(aliceLine.party(), new Candidate(V, "c2", SESSION, null));

        assertEquals(bob.id(), aliceOut.last(RelayedAnswer.class).from().device());
        assertEquals(HOST, aliceOut.last(RelayedCandidate.class).candidate());
        assertNull(bobOut.last(RelayedCandidate.class).candidate());
        assertEquals(alice.id(), bobOut.last(RelayedCandidate.class).from().device());
    }

    @Test
    void refusesAnOfferWhoseFingerprintIsNotTheSenders() {
        String bobsKey = SdpFixtures.CHROMIUM_OFFER.withFingerprint(SdpFixtures.CHROMIUM_ANSWER.fingerprint());

        refused(
                SignalError.FINGERPRINT_MISMATCH,
                () -> core.relay.offer(aliceLine.party(), offer(bob.id(), SESSION, bobsKey)));
        assertTrue(bobOut.messages().isEmpty());
        assertTrue(core.sessions.find("client-a", SESSION).isEmpty());
    }

    @Test
    void refusesAnOfferListingAnotherFingerprintNextToTheSenders() {
        String both = SdpFixtures.withExtraFingerprint(
                SdpFixtures.CHROMIUM_OFFER.sdp(), SdpFixtures.WEBRTC_JAVA_OFFER.fingerprint());

        refused(
                SignalError.FINGERPRINT_MISMATCH,
                () -> core.relay.offer(aliceLine.party(), offer(bob.id(), SESSION, both)));
    }

    @Test
    void refusesAnAnswerWhoseFingerprintIsNotTheSenders() {
        aliceOffers();

        refused(
                SignalError.FINGERPRINT_MISMATCH,
                () -> core.relay.answer(
                        bobLine.party(), new Answer(V, "a1", SESSION, SdpFixtures.CHROMIUM_OFFER.sdp())));
    }

    @Test
    void refusesSdpWithoutFingerprintOrThatDoesNotParse() {
        String none = SdpFixtures.CHROMIUM_OFFER.sdp().replaceAll("(?m)^a=fingerprint:.*\r\n", "");

        refused(
                SignalError.FINGERPRINT_MISMATCH,
                () -> core.relay.offer(aliceLine.party(), offer(bob.id(), SESSION, none)));
        refused(
                SignalError.MALFORMED_SDP,
                () -> core.relay.offer(aliceLine.party(), offer(bob.id(), SESSION, "v=1\r\n")));
    }

    @Test
    void anotherClientsDeviceIsAnUnknownTarget() {
        Device stranger = core.device("client-b", "Stranger", SdpFixtures.WEBRTC_JAVA_OFFER);
        core.connect(stranger, "client-b", new RecordingOutbox());

        refused(
                SignalError.UNKNOWN_TARGET,
                () -> core.relay.offer(
                        aliceLine.party(), offer(stranger.id(), SESSION, SdpFixtures.CHROMIUM_OFFER.sdp())));
        refused(
                SignalError.UNKNOWN_TARGET,
                () -> core.relay.offer(
                        aliceLine.party(), offer("no-such-device", SESSION, SdpFixtures.CHROMIUM_OFFER.sdp())));
    }

    @Test
    void refusesAnOfflineTargetAndItself() {
        Device carol = core.device("client-a", "Tablet", SdpFixtures.WEBRTC_JAVA_OFFER);

        refused(
                SignalError.TARGET_OFFLINE,
                () -> core.relay.offer(
                        aliceLine.party(), offer(carol.id(), SESSION, SdpFixtures.CHROMIUM_OFFER.sdp())));
        refused(
                SignalError.NOT_ALLOWED,
                () -> core.relay.offer(
                        aliceLine.party(), offer(alice.id(), SESSION, SdpFixtures.CHROMIUM_OFFER.sdp())));
    }

    @Test
    void anOfferToAnOfflineTargetLeavesTheEventLoopBeforeChangingAnything() throws Exception {
        Device carol = core.device("client-a", "Tablet", SdpFixtures.WEBRTC_JAVA_OFFER);
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<Throwable> thrown = new CompletableFuture<>();
            vertx.runOnContext(ignored -> {
                try {
                    core.relay.offer(aliceLine.party(), offer(carol.id(), SESSION, SdpFixtures.CHROMIUM_OFFER.sdp()));
                    thrown.complete(null);
                } catch (RuntimeException e) {
                    thrown.complete(e);
                }
            });

            assertInstanceOf(BlockingRequired.class, thrown.get(5, TimeUnit.SECONDS));
            assertEquals(0, core.sessions.size());
            refused(
                    SignalError.TARGET_OFFLINE,
                    () -> core.relay.offer(
                            aliceLine.party(), offer(carol.id(), SESSION, SdpFixtures.CHROMIUM_OFFER.sdp())));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void anOfferToAnOnlineTargetIsRelayedOnTheEventLoop() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<String> status = new CompletableFuture<>();
            vertx.runOnContext(ignored -> status.complete(aliceOffers()));

            assertEquals(Ack.DELIVERED, status.get(5, TimeUnit.SECONDS));
            assertEquals(SESSION, bobOut.last(RelayedOffer.class).session());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusesAnUnverifiedSenderAndAnUnverifiedTarget() {
        core.devices.setVerified("client-a", bob.id(), false);

        refused(SignalError.NOT_ALLOWED, this::aliceOffers);
        refused(
                SignalError.NOT_VERIFIED,
                () -> core.relay.offer(bobLine.party(), offer(alice.id(), SESSION, SdpFixtures.CHROMIUM_ANSWER.sdp())));
    }

    @Test
    void onlyTheTwoPartiesCanSendOnASession() {
        Device carol = core.device("client-a", "Tablet", SdpFixtures.WEBRTC_JAVA_OFFER);
        Line carolLine = core.connect(carol, "client-a", new RecordingOutbox());
        aliceOffers();

        refused(
                SignalError.UNKNOWN_SESSION,
                () -> core.relay.candidate(carolLine.party(), new Candidate(V, "c1", SESSION, HOST)));
        refused(SignalError.UNKNOWN_SESSION, () -> core.relay.bye(carolLine.party(), new Bye(V, "b1", SESSION, null)));
        refused(
                SignalError.UNKNOWN_SESSION,
                () -> core.relay.answer(
                        carolLine.party(), new Answer(V, "a1", "never-opened", SdpFixtures.WEBRTC_JAVA_OFFER.sdp())));
    }

    @Test
    void sessionIdsOfDifferentClientsNeverMeet() {
        Device other = core.device("client-b", "Other", SdpFixtures.WEBRTC_JAVA_OFFER);
        Device otherPeer = core.device("client-b", "Other peer", SdpFixtures.CHROMIUM_ANSWER);
        Line otherLine = core.connect(other, "client-b", new RecordingOutbox());
        core.connect(otherPeer, "client-b", new RecordingOutbox());
        aliceOffers();

        assertEquals(
                Ack.DELIVERED,
                core.relay.offer(
                        otherLine.party(), offer(otherPeer.id(), SESSION, SdpFixtures.WEBRTC_JAVA_OFFER.sdp())));
        refused(
                SignalError.UNKNOWN_SESSION,
                () -> core.relay.bye(otherLine.party(), new Bye(V, "b", "nobody-s-id", null)));
    }

    @Test
    void aSecondOfferOnTheSessionRenegotiatesAndCannotRetarget() {
        Device carol = core.device("client-a", "Tablet", SdpFixtures.WEBRTC_JAVA_OFFER);
        core.connect(carol, "client-a", new RecordingOutbox());
        aliceOffers();

        assertEquals(
                Ack.DELIVERED,
                core.relay.offer(bobLine.party(), offer(null, SESSION, SdpFixtures.CHROMIUM_ANSWER.sdp())));
        assertEquals(bob.id(), aliceOut.last(RelayedOffer.class).from().device());
        refused(
                SignalError.SESSION_TAKEN,
                () -> core.relay.offer(
                        aliceLine.party(), offer(carol.id(), SESSION, SdpFixtures.CHROMIUM_OFFER.sdp())));
    }

    @Test
    void byeEndsTheSessionForBothParties() {
        aliceOffers();

        assertEquals(Ack.DELIVERED, core.relay.bye(bobLine.party(), new Bye(V, "b1", SESSION, "hung up")));

        RelayedBye bye = aliceOut.last(RelayedBye.class);
        assertEquals("hung up", bye.reason());
        assertEquals(bob.id(), bye.from().device());
        refused(
                SignalError.UNKNOWN_SESSION,
                () -> core.relay.candidate(aliceLine.party(), new Candidate(V, "c1", SESSION, HOST)));
    }

    @Test
    void aPartyIsInAtMostThirtyTwoSessions() {
        for (int i = 0; i < SignalSessions.MAX_PER_PARTY; i++) {
            core.relay.offer(
                    aliceLine.party(), offer(bob.id(), "session-" + (1000 + i), SdpFixtures.CHROMIUM_OFFER.sdp()));
        }

        refused(
                SignalError.TOO_MANY_SESSIONS,
                () -> core.relay.offer(
                        aliceLine.party(), offer(bob.id(), "session-one-more", SdpFixtures.CHROMIUM_OFFER.sdp())));
    }

    @Test
    void holdsForAReconnectingTargetUntilItsQueueIsFull() {
        core.service.disconnected(bobLine, bobOut);

        assertEquals(Ack.QUEUED, aliceOffers());
        for (int i = 1; i < OnlineDevices.MAX_HELD; i++) {
            assertEquals(Ack.QUEUED, core.relay.candidate(aliceLine.party(), new Candidate(V, "c" + i, SESSION, HOST)));
        }
        refused(
                SignalError.TARGET_BUSY,
                () -> core.relay.candidate(aliceLine.party(), new Candidate(V, "one-more", SESSION, HOST)));
        assertTrue(bobOut.messages().isEmpty());
    }

    @Test
    void aConnectionThatStopsTakingMessagesMakesTheLineHoldThem() {
        bobOut.refuse();

        assertEquals(Ack.QUEUED, aliceOffers());
    }

    @Test
    void refusedHeldMessagesAreReportedToTheirSendersWithTheirIds() {
        core.service.disconnected(bobLine, bobOut);
        aliceOffers();

        core.clock.advance(SignalingCore.RESUME_WINDOW);
        core.service.expire();

        ErrorMessage error = aliceOut.last(ErrorMessage.class);
        assertEquals("m1", error.id());
        assertEquals("target-offline", error.error());
        assertEquals(SESSION, error.session());
        assertEquals(List.of(), core.online.line("client-a", bob.id()).stream().toList());
    }
}
