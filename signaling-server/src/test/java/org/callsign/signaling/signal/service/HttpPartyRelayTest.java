package org.callsign.signaling.signal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.message.Answer;
import org.callsign.signaling.signal.message.Candidate;
import org.callsign.signaling.signal.message.IceCandidate;
import org.callsign.signaling.signal.message.Offer;
import org.callsign.signaling.signal.message.RelayedAnswer;
import org.callsign.signaling.signal.message.RelayedBye;
import org.callsign.signaling.signal.message.RelayedOffer;
import org.callsign.signaling.signal.message.ServerMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Callers of one-shot HTTP signaling ({@code /connect}, WHIP) as parties of the relay. */
class HttpPartyRelayTest {
    private static final int V = ServerMessage.VERSION;
    private static final String SESSION = "session-0001";
    private static final IceCandidate HOST =
            new IceCandidate("candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host", "0", 0, null);

    private SignalingCore core;
    private Device bob;
    private RecordingOutbox bobOut;
    private Line bobLine;

    @BeforeEach
    void aDeviceOnline() {
        core = new SignalingCore();
        bob = core.device("client-a", "Phone", SdpFixtures.CHROMIUM_ANSWER);
        bobOut = new RecordingOutbox();
        bobLine = core.connect(bob, "client-a", bobOut);
        bobOut.clear();
    }

    private static Offer offer(String to, String session, String sdp) {
        return new Offer(V, "m1", to, session, sdp);
    }

    @Test
    void anHttpPartyOffersAndReceivesTheAnswer() {
        RecordingOutbox httpOut = new RecordingOutbox();
        HttpParty caller = new HttpParty(
                "client-a", "exchange-1", "connect", SdpFixtures.WEBRTC_JAVA_OFFER.fingerprint(), httpOut);
        core.relay.admit(caller);

        core.relay.offer(caller, offer(bob.id(), SESSION, SdpFixtures.WEBRTC_JAVA_OFFER.sdp()));
        core.relay.answer(bobLine.party(), new Answer(V, "a1", SESSION, SdpFixtures.CHROMIUM_ANSWER.sdp()));

        RelayedOffer relayed = bobOut.last(RelayedOffer.class);
        assertNull(relayed.from().device());
        assertEquals("connect", relayed.from().kind());
        assertEquals(
                SdpFixtures.CHROMIUM_ANSWER.sdp(),
                httpOut.last(RelayedAnswer.class).sdp());
    }

    @Test
    void aDismissedHttpPartyEndsItsSessionsAndCanSendNoMore() {
        HttpParty caller = new HttpParty(
                "client-a", "exchange-2", "whip", SdpFixtures.WEBRTC_JAVA_OFFER.fingerprint(), new RecordingOutbox());
        core.relay.admit(caller);
        core.relay.offer(caller, offer(bob.id(), SESSION, SdpFixtures.WEBRTC_JAVA_OFFER.sdp()));

        core.relay.dismiss(caller, "gave up");

        assertEquals("gave up", bobOut.last(RelayedBye.class).reason());
        SignalingException e = assertThrows(
                SignalingException.class, () -> core.relay.candidate(caller, new Candidate(V, null, SESSION, HOST)));
        assertEquals(SignalError.NOT_ALLOWED, e.error());
    }

    @Test
    void aReleasedHttpPartyLeavesTheCallAloneWithoutABye() {
        HttpParty caller = new HttpParty(
                "client-a",
                "exchange-3",
                "connect",
                SdpFixtures.WEBRTC_JAVA_OFFER.fingerprint(),
                new RecordingOutbox());
        core.relay.admit(caller);
        core.relay.offer(caller, offer(bob.id(), SESSION, SdpFixtures.WEBRTC_JAVA_OFFER.sdp()));

        core.relay.release(caller);

        assertTrue(bobOut.messages(RelayedBye.class).isEmpty());
        assertEquals(0, core.sessions.size());
    }

    @Test
    void anHttpPartyThatWasNotAdmittedCannotOffer() {
        HttpParty caller = new HttpParty(
                "client-a",
                "exchange-4",
                "connect",
                SdpFixtures.WEBRTC_JAVA_OFFER.fingerprint(),
                new RecordingOutbox());

        SignalingException e = assertThrows(
                SignalingException.class,
                () -> core.relay.offer(caller, offer(bob.id(), SESSION, SdpFixtures.WEBRTC_JAVA_OFFER.sdp())));

        assertEquals(SignalError.NOT_ALLOWED, e.error());
    }
}
