package org.callsign.signaling.signal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.message.Ack;
import org.callsign.signaling.signal.message.Candidate;
import org.callsign.signaling.signal.message.ErrorMessage;
import org.callsign.signaling.signal.message.IceCandidate;
import org.callsign.signaling.signal.message.Offer;
import org.callsign.signaling.signal.message.Peers;
import org.callsign.signaling.signal.message.Ping;
import org.callsign.signaling.signal.message.RelayedBye;
import org.callsign.signaling.signal.message.RelayedCandidate;
import org.callsign.signaling.signal.message.RelayedOffer;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.message.Welcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lines across connections: welcome, replacement, holding, resuming, and the end of the resume window. */
class ReconnectTest {
    private static final int V = ServerMessage.VERSION;
    private static final String SESSION = "session-0001";

    private SignalingCore core;
    private Device alice;
    private Device bob;
    private RecordingOutbox aliceOut;
    private Line aliceLine;

    @BeforeEach
    void twoDevices() {
        core = new SignalingCore();
        alice = core.device("client-a", "Laptop", SdpFixtures.CHROMIUM_OFFER);
        bob = core.device("client-a", "Phone", SdpFixtures.CHROMIUM_ANSWER);
        aliceOut = new RecordingOutbox();
        aliceLine = core.connect(alice, "client-a", aliceOut);
    }

    private static IceCandidate candidate(int n) {
        return new IceCandidate("candidate:" + n + " 1 udp 2122260223 192.0.2.1 5440" + n + " typ host", "0", 0, null);
    }

    private String welcomeToken(RecordingOutbox outbox) {
        return outbox.last(Welcome.class).resume();
    }

    @Test
    void aConnectionIsWelcomedFirstThenGetsItsPeers() {
        RecordingOutbox out = new RecordingOutbox();
        core.connect(bob, "client-a", out);

        List<ServerMessage> messages = out.messages();
        Welcome welcome = assertInstanceOf(Welcome.class, messages.get(0));
        assertFalse(welcome.resumed());
        assertEquals(bob.id(), welcome.device().id());
        assertTrue(welcome.device().online());
        assertEquals(30, welcome.resumeWindow());
        assertEquals(43, welcome.resume().length());
        Peers peers = assertInstanceOf(Peers.class, messages.get(1));
        assertEquals(
                List.of(alice.id()), peers.peers().stream().map(p -> p.id()).toList());
        assertTrue(peers.peers().get(0).online());
    }

    @Test
    void aNewConnectionReplacesTheOldOneWhichCanSendNoMore() {
        RecordingOutbox second = new RecordingOutbox();
        Line line = core.connect(alice, "client-a", second);

        assertEquals(SignalError.REPLACED, aliceOut.closedAs());
        SignalingException e = assertThrows(
                SignalingException.class, () -> core.service.receive(aliceLine, aliceOut, new Ping(V, "p")));
        assertEquals(SignalError.REPLACED, e.error());
        assertEquals(
                "p",
                ((org.callsign.signaling.signal.message.Pong) core.service.receive(line, second, new Ping(V, "p")))
                        .id());
        assertFalse(core.online.detach(line, aliceOut, SignalingCore.RESUME_WINDOW));
        assertTrue(line.isConnectedTo(second));
    }

    @Test
    void resumingDeliversTheHeldMessagesInOrderAfterTheWelcome() {
        Line bobLine = core.connect(bob, "client-a", new RecordingOutbox());
        core.relay.offer(bobLine.party(), new Offer(V, "o", alice.id(), SESSION, SdpFixtures.CHROMIUM_ANSWER.sdp()));
        String token = welcomeToken(aliceOut);
        core.service.disconnected(aliceLine, aliceOut);
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    Ack.QUEUED,
                    core.relay.candidate(bobLine.party(), new Candidate(V, "c" + i, SESSION, candidate(i))));
        }

        RecordingOutbox resumed = new RecordingOutbox();
        core.resume(alice, "client-a", resumed, token);

        List<ServerMessage> messages = resumed.messages();
        assertTrue(assertInstanceOf(Welcome.class, messages.get(0)).resumed());
        assertInstanceOf(Peers.class, messages.get(1));
        List<String> ids = resumed.messages(RelayedCandidate.class).stream()
                .map(RelayedCandidate::id)
                .toList();
        assertEquals(List.of("c0", "c1", "c2", "c3", "c4"), ids);
        assertEquals(
                SESSION,
                core.sessions.of("client-a", SESSION, aliceLine.address()).id());
    }

    @Test
    void theResumeTokenChangesAtEveryWelcome() {
        String first = welcomeToken(aliceOut);
        core.service.disconnected(aliceLine, aliceOut);
        RecordingOutbox second = new RecordingOutbox();
        core.resume(alice, "client-a", second, first);
        String next = welcomeToken(second);
        core.service.disconnected(aliceLine, second);

        RecordingOutbox replay = new RecordingOutbox();
        core.resume(alice, "client-a", replay, first);

        assertNotEquals(first, next);
        assertTrue(second.last(Welcome.class).resumed());
        assertFalse(replay.last(Welcome.class).resumed());
    }

    @Test
    void aFreshStartEndsTheOldSessionsAndRefusesWhatWasHeld() {
        RecordingOutbox bobOut = new RecordingOutbox();
        Line bobLine = core.connect(bob, "client-a", bobOut);
        core.relay.offer(bobLine.party(), new Offer(V, "o", alice.id(), SESSION, SdpFixtures.CHROMIUM_ANSWER.sdp()));
        core.service.disconnected(aliceLine, aliceOut);
        core.relay.candidate(bobLine.party(), new Candidate(V, "held", SESSION, candidate(1)));

        core.connect(alice, "client-a", new RecordingOutbox());

        assertEquals("the device reconnected", bobOut.last(RelayedBye.class).reason());
        ErrorMessage refused = bobOut.last(ErrorMessage.class);
        assertEquals("held", refused.id());
        assertEquals("target-offline", refused.error());
        assertEquals(0, core.sessions.size());
    }

    @Test
    void aResumeTokenOfAnotherDeviceOrClientStartsAfresh() {
        String token = welcomeToken(aliceOut);
        core.service.disconnected(aliceLine, aliceOut);

        RecordingOutbox asBob = new RecordingOutbox();
        core.resume(bob, "client-a", asBob, token);
        RecordingOutbox malformed = new RecordingOutbox();
        core.resume(bob, "client-a", malformed, "not a token");

        assertFalse(asBob.last(Welcome.class).resumed());
        assertFalse(malformed.last(Welcome.class).resumed());
        assertTrue(core.online.isOnline("client-a", alice.id()));
    }

    @Test
    void theLineExpiresAtTheEndOfTheResumeWindowAndNotBefore() {
        String token = welcomeToken(aliceOut);
        core.service.disconnected(aliceLine, aliceOut);

        core.clock.advance(SignalingCore.RESUME_WINDOW.minusMillis(1));
        assertEquals(0, core.service.expire());
        assertTrue(core.online.isOnline("client-a", alice.id()));
        core.clock.advance(java.time.Duration.ofMillis(1));

        RecordingOutbox late = new RecordingOutbox();
        core.resume(alice, "client-a", late, token);
        assertFalse(late.last(Welcome.class).resumed(), "a resume at the end of the window starts afresh");
    }

    @Test
    void expiryTakesTheDeviceOfflineAndALaterResumeStartsAfresh() {
        String token = welcomeToken(aliceOut);
        core.service.disconnected(aliceLine, aliceOut);
        core.clock.advance(SignalingCore.RESUME_WINDOW);

        assertEquals(1, core.service.expire());
        assertFalse(core.online.isOnline("client-a", alice.id()));
        RecordingOutbox late = new RecordingOutbox();
        Line fresh = core.resume(alice, "client-a", late, token);

        assertFalse(late.last(Welcome.class).resumed());
        assertNotEquals(aliceLine, fresh);
        assertEquals(0, core.service.expire());
        assertTrue(core.online.isOnline("client-a", alice.id()));
    }

    @Test
    void aResumedLineIsNotExpiredByAnEarlierDrop() {
        String token = welcomeToken(aliceOut);
        core.service.disconnected(aliceLine, aliceOut);
        core.resume(alice, "client-a", new RecordingOutbox(), token);

        core.clock.advance(SignalingCore.RESUME_WINDOW.multipliedBy(2));

        assertEquals(0, core.service.expire());
        assertTrue(core.online.isOnline("client-a", alice.id()));
    }

    @Test
    void resumingAStillConnectedLineReplacesItsConnection() {
        RecordingOutbox second = new RecordingOutbox();
        core.resume(alice, "client-a", second, welcomeToken(aliceOut));

        assertTrue(second.last(Welcome.class).resumed());
        assertEquals(SignalError.REPLACED, aliceOut.closedAs());
    }

    @Test
    void messagesRaceAResumeWithoutLossOrReordering() throws InterruptedException {
        Line bobLine = core.connect(bob, "client-a", new RecordingOutbox());
        core.relay.offer(bobLine.party(), new Offer(V, "o", alice.id(), SESSION, SdpFixtures.CHROMIUM_ANSWER.sdp()));
        // No more than a line holds, so that none is refused however long a resume waits for the processor.
        int count = OnlineDevices.MAX_HELD;
        List<SignalingException> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread sender = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                try {
                    core.relay.candidate(bobLine.party(), new Candidate(V, "c" + i, SESSION, candidate(i % 10)));
                } catch (SignalingException e) {
                    refusals.add(e);
                }
            }
        });
        List<RecordingOutbox> connections = new java.util.ArrayList<>(List.of(aliceOut));
        sender.start();
        for (int round = 0; round < 20 && sender.isAlive(); round++) {
            RecordingOutbox current = connections.get(connections.size() - 1);
            String token = welcomeToken(current);
            core.service.disconnected(aliceLine, current);
            RecordingOutbox next = new RecordingOutbox();
            core.resume(alice, "client-a", next, token);
            connections.add(next);
        }
        sender.join();
        assertEquals(List.of(), refusals);

        List<String> received = connections.stream()
                .flatMap(outbox -> outbox.messages(RelayedCandidate.class).stream())
                .map(RelayedCandidate::id)
                .toList();
        List<String> sent = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> "c" + i)
                .toList();
        assertEquals(sent, received);
        assertEquals(1, connections.get(0).messages(RelayedOffer.class).size());
    }
}
