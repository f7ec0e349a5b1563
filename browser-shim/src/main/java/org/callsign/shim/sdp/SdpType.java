package org.callsign.shim.sdp;

/**
 * The type of a session description in the offer/answer exchange: JSEP's "SessionDescriptionType" (RFC 8829),
 * with the wire values of the W3C WebRTC {@code RTCSdpType} enum.
 */
public enum SdpType {
    OFFER("offer"),
    PRANSWER("pranswer"),
    ANSWER("answer"),
    ROLLBACK("rollback");

    private final String wire;

    SdpType(String wire) {
        this.wire = wire;
    }

    /** The wire value, as in {@code RTCSessionDescriptionInit.type}. */
    public String wire() {
        return wire;
    }

    /**
     * The type whose wire value is exactly {@code wire}; wire values are case-sensitive.
     *
     * @throws SdpException if there is none
     */
    public static SdpType fromWire(String wire) throws SdpException {
        for (SdpType type : values()) {
            if (type.wire.equals(wire)) {
                return type;
            }
        }
        throw new SdpException("unknown SDP type " + SdpText.quote(wire));
    }
}
