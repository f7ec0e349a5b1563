package org.callsign.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two peers in one JVM, their complete descriptions exchanged by hand: ICE, DTLS and the data channel. */
class WebRtcPeerTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @BeforeEach
    void nativeStackLoads() {
        WebRtcAvailable.assume("the peer tests");
    }

    @Test
    void eachPeerSeesTheCertificateOfTheFingerprintTheOtherAnnounced() throws Exception {
        try (WebRtcPeer caller = WebRtcPeer.caller();
                WebRtcPeer answerer = WebRtcPeer.answerer()) {
            caller.offer();
            String offer = caller.completeLocalDescription(WAIT);
            answerer.answer(offer);
            String answer = answerer.completeLocalDescription(WAIT);
            caller.accept(answer);

            caller.awaitConnected(WAIT);
            answerer.awaitConnected(WAIT);
            assertNotEquals(WebRtcPeer.fingerprintOf(offer), WebRtcPeer.fingerprintOf(answer));
            assertEquals(WebRtcPeer.fingerprintOf(answer), caller.remoteCertificateFingerprint(WAIT));
            assertEquals(WebRtcPeer.fingerprintOf(offer), answerer.remoteCertificateFingerprint(WAIT));

            caller.send("ping", WAIT);
            assertEquals("ping", answerer.receive(WAIT));
            answerer.send("pong", WAIT);
            assertEquals("pong", caller.receive(WAIT));
        }
    }

    @Test
    void aPeerWithoutTheKeyOfTheAnnouncedFingerprintFailsDtls() throws Exception {
        try (WebRtcPeer owner = WebRtcPeer.caller();
                WebRtcPeer impostor = WebRtcPeer.caller();
                WebRtcPeer answerer = WebRtcPeer.answerer()) {
            String ownersFingerprint = WebRtcPeer.fingerprintOf(owner.offer());
            impostor.offer();
            String forged = WebRtcPeer.withFingerprint(impostor.completeLocalDescription(WAIT), ownersFingerprint);
            assertEquals(ownersFingerprint, WebRtcPeer.fingerprintOf(forged));
            answerer.answer(forged);
            impostor.accept(answerer.completeLocalDescription(WAIT));

            ExecutionException failed = assertThrows(ExecutionException.class, () -> answerer.awaitConnected(WAIT));
            assertTrue(
                    failed.getCause().getMessage().contains("failed"),
                    failed.getCause().getMessage());
        }
    }

    @Test
    void fingerprintsAreReadAsUpperCaseHexWithoutColons() {
        assertEquals("AB01FF", WebRtcPeer.fingerprintOf("v=0\r\na=fingerprint:sha-256 ab:01:Ff\r\n"));
        IllegalArgumentException none =
                assertThrows(IllegalArgumentException.class, () -> WebRtcPeer.fingerprintOf("v=0\r\n"));
        assertTrue(none.getMessage().contains("no a=fingerprint"));
    }

    @Test
    void receivingNothingFailsAfterTheWait() throws Exception {
        try (WebRtcPeer peer = WebRtcPeer.answerer()) {
            IllegalStateException nothing =
                    assertThrows(IllegalStateException.class, () -> peer.receive(Duration.ofMillis(50)));
            assertTrue(nothing.getMessage().contains("no data channel message"));
        }
    }
}
