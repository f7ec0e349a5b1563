package org.callsign.signaling.whip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.signal.message.IceCandidate;
import org.callsign.signaling.whip.service.TrickleFragment;
import org.junit.jupiter.api.Test;

class TrickleFragmentTest {

    @Test
    void readsCandidatesWithTheMidAndUfragInForce() {
        TrickleFragment fragment = TrickleFragment.parse(String.join(
                "\r\n",
                "a=group:BUNDLE 0",
                "a=ice-ufrag:EsAw",
                "a=ice-pwd:bP+XJMM09aR8AiX1jdukzR6Y",
                "m=audio 9 UDP/TLS/RTP/SAVPF 111",
                "a=mid:0",
                "a=candidate:1387637174 1 udp 2122260223 192.0.2.1 61764 typ host generation 0 ufrag EsAw network-id 1",
                "a=candidate:3471623853 1 udp 2122194687 198.51.100.2 61765 typ host generation 0 ufrag EsAw network-id 2",
                "a=end-of-candidates",
                ""));
        assertEquals("EsAw", fragment.ufrag());
        assertEquals(
                List.of(
                        new IceCandidate(
                                "candidate:1387637174 1 udp 2122260223 192.0.2.1 61764 typ host generation 0 ufrag EsAw"
                                        + " network-id 1",
                                "0",
                                0,
                                "EsAw"),
                        new IceCandidate(
                                "candidate:3471623853 1 udp 2122194687 198.51.100.2 61765 typ host generation 0 ufrag"
                                        + " EsAw network-id 2",
                                "0",
                                0,
                                "EsAw")),
                fragment.candidates());
        assertTrue(fragment.ended());
    }

    @Test
    void endOfCandidatesAloneIsAFragment() {
        TrickleFragment fragment = TrickleFragment.parse("a=end-of-candidates\n");
        assertTrue(fragment.ended());
        assertTrue(fragment.candidates().isEmpty());
    }

    @Test
    void candidateBeforeAnyMediaLineHasNoIndex() {
        TrickleFragment fragment = TrickleFragment.parse("a=candidate:1 1 udp 1 192.0.2.1 9 typ host\r\n");
        assertEquals(null, fragment.candidates().get(0).sdpMLineIndex());
        assertFalse(fragment.ended());
    }

    @Test
    void refusesTextThatIsNotSdp() {
        ApiException e = assertThrows(ApiException.class, () -> TrickleFragment.parse("a=mid:0\r\nhello\r\n"));
        assertEquals("trickle-ice-sdpfrag line 2 is not an SDP line", e.getMessage());
    }

    @Test
    void refusesAnEmptyFragment() {
        ApiException e = assertThrows(ApiException.class, () -> TrickleFragment.parse("a=mid:0\r\n"));
        assertEquals("invalid-request", e.error().code());
    }

    @Test
    void refusesTooManyCandidates() {
        String line = "a=candidate:1 1 udp 1 192.0.2.1 9 typ host\r\n";
        ApiException e = assertThrows(
                ApiException.class, () -> TrickleFragment.parse(line.repeat(TrickleFragment.MAX_CANDIDATES + 1)));
        assertTrue(e.getMessage().contains("past the limit of 64 candidates"), e.getMessage());
    }
}
