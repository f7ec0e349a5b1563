package org.callsign.signaling.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.callsign.signaling.turn.service.IceUrls;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IceUrlsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "turn:turn.example.org",
                "turn:turn.example.org:3478?transport=udp",
                "turns:turn.example.org:5349?transport=tcp",
                "turn:192.0.2.1:3478",
                "turn:[2001:db8::1]:3478?transport=udp",
                "TURN:turn.example.org"
            })
    void acceptsTurnUrlsOfRfc7065(String url) {
        assertEquals(List.of(url), IceUrls.TURN.check("urls", List.of(url)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stun:stun.example.org", "stun:stun.example.org:3478", "stuns:[::1]:5349"})
    void acceptsStunUrlsOfRfc7064(String url) {
        assertEquals(List.of(url), IceUrls.STUN.check("stun-urls", List.of(url)));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "stun:stun.example.org | 'stun:stun.example.org' is not a turn: or turns: URL (RFC 7065)",
                "https://turn.example.org | 'https://turn.example.org' is not a turn: or turns: URL (RFC 7065)",
                "turn://turn.example.org | 'turn://turn.example.org' is not a turn: or turns: URL (RFC 7065)",
                "turn:user@turn.example.org | 'turn:user@turn.example.org' is not a turn: or turns: URL (RFC 7065)",
                "turn: | 'turn:' is not a turn: or turns: URL (RFC 7065)",
                "turn:turn.example.org:0 | 'turn:turn.example.org:0' has a port outside 1-65535",
                "turn:turn.example.org:70000 | 'turn:turn.example.org:70000' has a port outside 1-65535",
                "turn:turn.example.org?transport=sctp | 'turn:turn.example.org?transport=sctp' has a transport other than"
                        + " udp or tcp"
            })
    void refusesOtherTurnUrlsNamingKeyAndUrl(String url, String message) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> IceUrls.TURN.check("urls", List.of(url)));
        assertEquals("urls: " + message, e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "turn:turn.example.org | 'turn:turn.example.org' is not a stun: or stuns: URL (RFC 7064)",
                "stun:stun.example.org?transport=udp | 'stun:stun.example.org?transport=udp' must not name a transport"
            })
    void refusesOtherStunUrls(String url, String message) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> IceUrls.STUN.check("stun-urls", List.of(url)));
        assertEquals("stun-urls: " + message, e.getMessage());
    }
}
