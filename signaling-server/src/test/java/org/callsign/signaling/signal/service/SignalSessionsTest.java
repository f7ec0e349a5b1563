package org.callsign.signaling.signal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sessions by client and id, and by party. */
class SignalSessionsTest {
    private final SignalSessions sessions = new SignalSessions(Clock.systemUTC());

    @Test
    void aSessionIsFoundOnlyByItsParties() {
        SignalSession session = sessions.open("client-a", "session-1", "a", "b");

        assertEquals(session, sessions.of("client-a", "session-1", "a"));
        assertEquals(session, sessions.of("client-a", "session-1", "b"));
        assertEquals("b", session.peerOf("a"));
        SignalingException e = assertThrows(SignalingException.class, () -> sessions.of("client-a", "session-1", "c"));
        assertEquals(SignalError.UNKNOWN_SESSION, e.error());
    }

    @Test
    void theSameIdOpensOncePerClient() {
        sessions.open("client-a", "session-1", "a", "b");
        sessions.open("client-b", "session-1", "x", "y");

        SignalingException e =
                assertThrows(SignalingException.class, () -> sessions.open("client-a", "session-1", "a", "c"));
        assertEquals(SignalError.SESSION_TAKEN, e.error());
        assertEquals(2, sessions.size());
    }

    @Test
    void closingAllOfAPartysSessionsForgetsThemForTheOtherPartiesToo() {
        SignalSession ab = sessions.open("client-a", "session-1", "a", "b");
        SignalSession ca = sessions.open("client-a", "session-2", "c", "a");
        sessions.open("client-a", "session-3", "b", "c");

        assertEquals(List.of(ab, ca), sessions.closeAll("a"));

        assertEquals(0, sessions.count("a"));
        assertEquals(1, sessions.count("b"));
        assertFalse(sessions.close(ab));
        assertTrue(sessions.find("client-a", "session-3").isPresent());
    }

    @Test
    void eachPartyIsInAtMostThirtyTwoSessions() {
        for (int i = 0; i < SignalSessions.MAX_PER_PARTY; i++) {
            sessions.open("client-a", "session-" + i, "busy", "peer-" + i);
        }

        SignalingException e =
                assertThrows(SignalingException.class, () -> sessions.open("client-a", "one-more", "other", "busy"));
        assertEquals(SignalError.TOO_MANY_SESSIONS, e.error());
    }

    @Test
    void sessionsBetweenDevicesAreRecordedAndRestoredOnesAreNotWrittenAgain() {
        List<String> written = new ArrayList<>();
        SignalSessions recorded = new SignalSessions(Clock.systemUTC(), new LineRecords() {
            @Override
            public void opened(SignalSession session) {
                written.add("opened " + session.id());
            }

            @Override
            public void closed(SignalSession session) {
                written.add("closed " + session.id());
            }
        });
        String laptop = DeviceParty.address("client-a", "laptop");
        String phone = DeviceParty.address("client-a", "phone");
        SignalSession devices = recorded.open("client-a", "session-1", laptop, phone);
        recorded.open("client-a", "session-2", "http:exchange-1", phone);
        SignalSession restored = new SignalSession("client-a", "session-3", phone, laptop, devices.opened());
        recorded.restore(restored);

        assertEquals(List.of(devices, restored), recorded.closeAll(laptop));
        assertEquals(List.of("opened session-1", "closed session-1", "closed session-3"), written);
        assertTrue(recorded.find("client-a", "session-2").isPresent(), "the HTTP party's session is untouched");
    }
}
