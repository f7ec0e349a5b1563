package org.callsign.benchmarks.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PeerJsWireTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
    private static final PeerJsWire WIRE = PeerJsWire.INSTANCE;

    @Test
    void offerCarriesTheSdpAsPeerJsClientsWriteIt() throws Exception {
        JsonNode offer = JSON.readTree(WIRE.offer("d7", "n1r0-00000001", JSON.writeValueAsString(SDP)));

        assertEquals("OFFER", offer.path("type").asText());
        assertEquals("d7", offer.path("dst").asText());
        assertEquals("offer", offer.path("payload").path("sdp").path("type").asText());
        assertEquals(SDP, offer.path("payload").path("sdp").path("sdp").asText());
        assertEquals("media", offer.path("payload").path("type").asText());
        assertEquals("n1r0-00000001", offer.path("payload").path("connectionId").asText());
    }

    static Stream<Arguments> callMessages() {
        String sdp = quoted(SDP);
        return Stream.of(
                Arguments.of("offer", WIRE.offer("d1", "s1", sdp), RelayWire.Kind.OFFER, ""),
                Arguments.of("answer", WIRE.answer("d1", "s1", sdp), RelayWire.Kind.ANSWER, ""),
                Arguments.of(
                        "caller's first candidate", WIRE.candidate("d1", "s1", "a1"), RelayWire.Kind.CANDIDATE, "a1"),
                Arguments.of(
                        "callee's last candidate", WIRE.candidate("d1", "s1", "b2"), RelayWire.Kind.CANDIDATE, "b2"),
                Arguments.of("hang-up as LEAVE", WIRE.bye("d1", "s1"), RelayWire.Kind.BYE, ""));
    }

    @ParameterizedTest(name = "{0} reads back after the server's relay")
    @MethodSource("callMessages")
    void everyCallMessageReadsBackAfterTheServersRelay(String name, String sent, RelayWire.Kind kind, String foundation)
            throws Exception {
        RelayWire.Received received = WIRE.read(relayedByServer(sent, "d0"));

        assertEquals(kind, received.kind());
        assertEquals("s1", received.session());
        assertEquals(foundation, received.foundation());
    }

    @Test
    void everyMessageNamesItsDestinationAndKeepsToTheFieldsTheServerRelays() throws Exception {
        for (String sent : new String[] {
            WIRE.offer("d9", "s", quoted(SDP)),
            WIRE.answer("d9", "s", quoted(SDP)),
            WIRE.candidate("d9", "s", "a2"),
            WIRE.bye("d9", "s")
        }) {
            JsonNode message = JSON.readTree(sent);
            assertEquals("d9", message.path("dst").asText(), sent);
            assertEquals(JSON.readTree(sent), relayedByServer(sent, null), "the server drops no field of " + sent);
        }
    }

    static Stream<Arguments> serverMessages() {
        return Stream.of(
                Arguments.of(
                        "limit reached",
                        "{\"type\":\"ERROR\",\"payload\":{\"msg\":\"Server has reached its concurrent user limit\"}}",
                        "Server has reached its concurrent user limit"),
                Arguments.of("id taken", "{\"type\":\"ID-TAKEN\",\"payload\":{\"msg\":\"ID is taken\"}}", "ID-TAKEN"),
                Arguments.of(
                        "message to an absent peer expired",
                        "{\"type\":\"EXPIRE\",\"src\":\"d2\",\"dst\":\"d1\"}",
                        "EXPIRE"),
                Arguments.of(
                        "server's own leave for a dead peer",
                        "{\"type\":\"LEAVE\",\"src\":\"d2\",\"dst\":\"d1\"}",
                        "LEAVE from the server"));
    }

    @ParameterizedTest(name = "{0} is an error")
    @MethodSource("serverMessages")
    void serverFailuresAreErrors(String name, String message, String detail) throws Exception {
        RelayWire.Received received = WIRE.read(JSON.readTree(message));

        assertEquals(RelayWire.Kind.ERROR, received.kind());
        assertEquals(detail, received.detail());
    }

    @Test
    void openEndsTheConnectionsOpeningAndNothingElseDoes() throws Exception {
        assertTrue(WIRE.opens(JSON.readTree("{\"type\":\"OPEN\"}")));
        assertFalse(WIRE.opens(JSON.readTree("{\"type\":\"welcome\"}")));
        assertEquals(
                RelayWire.Kind.OTHER,
                WIRE.read(JSON.readTree("{\"type\":\"OPEN\"}")).kind());
    }

    /**
     * What npm peer 1.0.2 does to a message between sockets: {@code JSON.parse}, {@code src} set to the sender, then
     * only {@code type}, {@code src}, {@code dst} and {@code payload} passed on ({@code handleTransmission}).
     */
    private static JsonNode relayedByServer(String sent, String src) throws Exception {
        JsonNode parsed = JSON.readTree(sent);
        ObjectNode relayed = JSON.createObjectNode();
        relayed.set("type", parsed.get("type"));
        if (src != null) {
            relayed.put("src", src);
        }
        relayed.set("dst", parsed.get("dst"));
        relayed.set("payload", parsed.get("payload"));
        return relayed;
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
