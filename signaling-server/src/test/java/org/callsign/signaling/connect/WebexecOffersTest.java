package org.callsign.signaling.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.connect.service.WebexecOffers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebexecOffersTest {

    @Test
    void answerIsBase64OfTheJsonSessionDescriptionAsWebexecWritesIt() {
        String encoded = WebexecOffers.encodeAnswer("v=0\r\n");
        assertEquals(
                "{\"type\":\"answer\",\"sdp\":\"v=0\\r\\n\"}",
                new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    }

    @Test
    void offerRoundTrips() {
        String encoded = HttpSignalingFixture.encodeOffer("v=0\r\ns=-\r\n");
        assertEquals("v=0\r\ns=-\r\n", WebexecOffers.decodeOffer(encoded));
    }

    @Test
    void unknownMembersOfTheDescriptionAreIgnored() {
        String json = "{\"type\":\"offer\",\"sdp\":\"v=0\",\"extra\":1}";
        assertEquals("v=0", WebexecOffers.decodeOffer(base64(json)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing offer           | ''                                   | offer is missing",
                "not base64              | '%%%'                                | offer is not base64",
                "base64 of text          | 'b64:hello'                          | offer is not the JSON",
                "no type                 | 'b64:{\"sdp\":\"v=0\"}'              | offer has type none, not 'offer'",
                "type answer             | 'b64:{\"type\":\"answer\",\"sdp\":\"v=0\"}' | offer has type 'answer'",
                "no sdp                  | 'b64:{\"type\":\"offer\"}'           | offer has no sdp",
            })
    void refusesWhatIsNotAnEncodedOffer(String name, String input, String message) {
        String encoded = input.startsWith("b64:") ? base64(input.substring(4)) : input;
        ApiException e = assertThrows(ApiException.class, () -> WebexecOffers.decodeOffer(encoded));
        assertEquals("malformed-offer", e.error().code());
        assertEquals(true, e.getMessage().startsWith(message), e.getMessage());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
