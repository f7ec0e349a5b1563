package org.callsign.signaling.signal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.message.Ack;
import org.callsign.signaling.signal.message.Answer;
import org.callsign.signaling.signal.message.Candidate;
import org.callsign.signaling.signal.message.ErrorMessage;
import org.callsign.signaling.signal.message.IceCandidate;
import org.callsign.signaling.signal.message.Offer;
import org.callsign.signaling.signal.message.RelayedAnswer;
import org.callsign.signaling.signal.message.RelayedBye;
import org.callsign.signaling.signal.message.RelayedCandidate;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.message.Welcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client's lines after its home died: the node that becomes its home takes them over from the records, so that its
 * devices resume there with their session and what was held for them, and lines whose device does not come back expire
 * there with their senders told.
 */
class ClientTakeoverTest {
    private static final int V = ServerMessage.VERSION;
    private static final String CLIENT = "client-a";
    private static final String SESSION = "session-0001";

    private final MemoryLineRecords records = new MemoryLineRecords("first");
    private final SignalingCore first = new SignalingCore(records.node("first"));
    private final SignalingCore second = new SignalingCore(records.node("second"));
    private Device laptop;
    private Device phone;
    private String laptopToken;
    private String phoneToken;

    @BeforeEach
    void aSessionWithHeldMessagesOnTheFirstNode() {
        laptop = first.device(CLIENT, "Laptop", SdpFixtures.CHROMIUM_OFFER);
        phone = first.device(CLIENT, "Phone", SdpFixtures.CHROMIUM_ANSWER);
        assertEquals(laptop, second.device(CLIENT, "Laptop", SdpFixtures.CHROMIUM_OFFER));
        assertEquals(phone, second.device(CLIENT, "Phone", SdpFixtures.CHROMIUM_ANSWER));
        RecordingOutbox laptopOut = new RecordingOutbox();
        RecordingOutbox phoneOut = new RecordingOutbox();
        Line laptopLine = first.connect(laptop, CLIENT, laptopOut);
        Line phoneLine = first.connect(phone, CLIENT, phoneOut);
        laptopToken = laptopOut.last(Welcome.class).resume();
        phoneToken = phoneOut.last(Welcome.class).resume();
        first.relay.offer(laptopLine.party(), new Offer(V, "o", phone.id(), SESSION, SdpFixtures.CHROMIUM_OFFER.sdp()));
        first.service.disconnected(phoneLine, phoneOut);
        for (int i = 0; i < 2; i++) {
            assertEquals(
                    Ack.QUEUED,
                    first.relay.candidate(laptopLine.party(), new Candidate(V, "c" + i, SESSION, candidate(i))));
        }
        assertEquals(2, records.held(phone.id()).size());
        records.moveHome("second");
    }

    @Test
    void theClientsCallsGoToTheCallHandlerAfterItsLines() {
        records.moveHome("first"); // as the first node recorded it before it died
        LineRecords home = records.node("first");
        home.call(CLIENT, "in https://sig-a.test c1", "{\"offer\":1}", "{\"ringing\":1}", 0);
        home.callHeld(CLIENT, "in https://sig-a.test c1", "{\"candidate\":1}");
        home.call(CLIENT, "in https://sig-a.test c1", null, "{\"ringing\":2}", 1);
        records.moveHome("second");
        Map<String, Map<String, LineRecords.RecordedCall>> restored = new HashMap<>();
        second.takeover.restoreCallsWith((clientId, calls) -> {
            assertTrue(second.online.line(CLIENT, phone.id()).isPresent(), "lines first");
            restored.put(clientId, calls);
        });

        second.takeover.ensure(CLIENT);
        second.takeover.ensure(CLIENT);

        assertEquals(
                Map.of(
                        CLIENT,
                        Map.of(
                                "in https://sig-a.test c1",
                                new LineRecords.RecordedCall(
                                        "{\"offer\":1}", "{\"ringing\":2}", List.of("{\"candidate\":1}")))),
                restored,
                "once, with what never changed, the last state and the held candidates");
    }

    @Test
    void theClientsWhipSessionsGoToTheirHandlerAfterItsLinesAndBeforeItsCalls() {
        records.moveHome("first");
        records.node("first").whip(CLIENT, "w1", "{\"whip\":1}");
        records.node("first").call(CLIENT, "in https://sig-a.test c1", "{}", "{\"call\":1}", 0);
        records.moveHome("second");
        List<String> restored = new ArrayList<>();
        second.takeover.restoreWhipsWith((clientId, whips) -> {
            assertTrue(second.online.line(CLIENT, phone.id()).isPresent(), "lines first");
            restored.add(clientId + " " + whips);
        });
        second.takeover.restoreCallsWith((clientId, calls) -> restored.add("calls"));

        second.takeover.ensure(CLIENT);
        second.takeover.ensure(CLIENT);

        assertEquals(List.of(CLIENT + " {w1={\"whip\":1}}", "calls"), restored, "once, before the calls");
    }

    @Test
    void devicesResumeOnTheNextHomeWithTheirSessionAndWhatWasHeld() {
        RecordingOutbox laptopOut = new RecordingOutbox();
        Line laptopLine = second.resume(laptop, CLIENT, laptopOut, laptopToken);
        RecordingOutbox phoneOut = new RecordingOutbox();
        Line phoneLine = second.resume(phone, CLIENT, phoneOut, phoneToken);

        assertTrue(laptopOut.last(Welcome.class).resumed());
        assertTrue(phoneOut.last(Welcome.class).resumed());
        assertEquals(
                List.of("c0", "c1"),
                phoneOut.messages(RelayedCandidate.class).stream()
                        .map(RelayedCandidate::id)
                        .toList());
        assertEquals(List.of(), records.held(phone.id()), "delivered, so no longer recorded");
        assertEquals(
                Ack.DELIVERED,
                second.relay.answer(phoneLine.party(), new Answer(V, "a", SESSION, SdpFixtures.CHROMIUM_ANSWER.sdp())));
        assertEquals(SESSION, laptopOut.last(RelayedAnswer.class).session());
        assertTrue(laptopLine.isConnected());
    }

    @Test
    void aLineWhoseDeviceDoesNotComeBackExpiresAndItsSendersAreTold() {
        RecordingOutbox laptopOut = new RecordingOutbox();
        second.resume(laptop, CLIENT, laptopOut, laptopToken);
        second.clock.advance(SignalingCore.RESUME_WINDOW);

        assertEquals(1, second.service.expire());

        assertFalse(second.online.isOnline(CLIENT, phone.id()));
        assertEquals(
                List.of("c0", "c1"),
                laptopOut.messages(ErrorMessage.class).stream()
                        .map(ErrorMessage::id)
                        .toList());
        assertEquals(
                SignalError.TARGET_OFFLINE.code(),
                laptopOut.last(ErrorMessage.class).error());
        assertEquals(SESSION, laptopOut.last(RelayedBye.class).session());
    }

    @Test
    void theFormerHomeChangesNothingOnceTheClientMoved() {
        second.resume(laptop, CLIENT, new RecordingOutbox(), laptopToken);
        first.clock.advance(SignalingCore.RESUME_WINDOW);

        assertEquals(1, first.service.expire(), "the first node still had the phone's line");

        RecordingOutbox phoneOut = new RecordingOutbox();
        second.resume(phone, CLIENT, phoneOut, phoneToken);
        assertTrue(phoneOut.last(Welcome.class).resumed());
        assertEquals(2, phoneOut.messages(RelayedCandidate.class).size());
    }

    @Test
    void aNodeThatIsNotTheHomeTakesNothingOver() {
        records.moveHome("first");
        RecordingOutbox laptopOut = new RecordingOutbox();
        second.resume(laptop, CLIENT, laptopOut, laptopToken);

        assertFalse(laptopOut.last(Welcome.class).resumed());
        assertInstanceOf(Welcome.class, laptopOut.messages().get(0));
        assertFalse(second.online.isOnline(CLIENT, phone.id()));
    }

    private static IceCandidate candidate(int n) {
        return new IceCandidate("candidate:" + n + " 1 udp 2122260223 192.0.2.1 5440" + n + " typ host", "0", 0, null);
    }
}
