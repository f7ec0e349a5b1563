package org.callsign.shim.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SdpTypeTest {

    @ParameterizedTest(name = "{0} is \"{1}\" on the wire")
    @CsvSource({"OFFER, offer", "PRANSWER, pranswer", "ANSWER, answer", "ROLLBACK, rollback"})
    void mapsWireValues(SdpType type, String wire) throws Exception {
        assertEquals(wire, type.wire());
        assertEquals(type, SdpType.fromWire(wire));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"Offer", "OFFER", "provisional-answer", " answer", ""})
    void refusesUnknownWireValues(String wire) {
        SdpException e = assertThrows(SdpException.class, () -> SdpType.fromWire(wire));
        assertEquals("unknown SDP type \"" + wire + "\"", e.getMessage());
    }
}
