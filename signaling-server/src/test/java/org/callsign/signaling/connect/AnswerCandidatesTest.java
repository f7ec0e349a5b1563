package org.callsign.signaling.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.callsign.signaling.connect.service.AnswerCandidates;
import org.callsign.signaling.signal.message.IceCandidate;
import org.junit.jupiter.api.Test;

class AnswerCandidatesTest {

    private static final String ANSWER = String.join(
            "\r\n",
            "v=0",
            "o=- 1 2 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0 1",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
            "c=IN IP4 0.0.0.0",
            "a=ice-ufrag:abcd",
            "a=mid:0",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111",
            "c=IN IP4 0.0.0.0",
            "a=mid:1",
            "");

    private static final String HOST = "candidate:1 1 udp 2122260223 192.0.2.2 50000 typ host";

    @Test
    void answerWithoutCandidatesIsNotComplete() {
        assertFalse(AnswerCandidates.isComplete(ANSWER));
    }

    @Test
    void answerWithACandidateIsComplete() {
        assertTrue(AnswerCandidates.isComplete(ANSWER.replace("a=mid:0\r\n", "a=mid:0\r\na=" + HOST + "\r\n")));
    }

    @Test
    void answerWithEndOfCandidatesIsComplete() {
        assertTrue(AnswerCandidates.isComplete(ANSWER + "a=end-of-candidates\r\n"));
    }

    @Test
    void candidateGoesToTheSectionOfItsMid() throws Exception {
        String merged = AnswerCandidates.merge(ANSWER, List.of(new IceCandidate(HOST, "1", 0, null)), false);
        assertEquals(ANSWER.replace("a=mid:1\r\n", "a=mid:1\r\na=" + HOST + "\r\n"), merged);
    }

    @Test
    void indexPlacesACandidateWithoutMid() throws Exception {
        String merged = AnswerCandidates.merge(ANSWER, List.of(new IceCandidate(HOST, null, 1, null)), false);
        assertTrue(merged.endsWith("a=mid:1\r\na=" + HOST + "\r\n"));
    }

    @Test
    void candidateOfNoKnownSectionGoesToTheFirst() throws Exception {
        String merged = AnswerCandidates.merge(ANSWER, List.of(new IceCandidate(HOST, "9", null, null)), false);
        assertTrue(merged.contains("a=mid:0\r\na=" + HOST + "\r\nm=audio"));
    }

    @Test
    void endOfCandidatesClosesEverySection() throws Exception {
        String merged = AnswerCandidates.merge(ANSWER, List.of(), true);
        assertEquals(2, merged.split("a=end-of-candidates\r\n", -1).length - 1);
    }

    @Test
    void endOfGenerationMarkersAreLeftOut() throws Exception {
        String merged = AnswerCandidates.merge(ANSWER, List.of(new IceCandidate("", "0", 0, null)), false);
        assertEquals(ANSWER, merged);
    }
}
