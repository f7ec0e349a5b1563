package org.callsign.signaling.connect.service;

import org.callsign.server.api.ErrorCode;

/**
 * Refusals of one-shot HTTP signaling ({@code /connect}, WHIP) that the WebSocket protocol has no code for. The
 * relay's own refusals keep their {@code SignalError} codes; credentials, bodies and media types keep the API's.
 */
public enum HttpSignalingError implements ErrorCode {
    /** The offer is not base64 of a JSON session description of type {@code offer}. */
    MALFORMED_OFFER("malformed-offer", 400),
    /** No device was named and several could answer. */
    TARGET_AMBIGUOUS("target-ambiguous", 409),
    /** The device ended the session instead of answering. */
    DECLINED("declined", 409),
    /** An {@code If-Match} that does not name the WHIP session's entity tag (RFC 9110 §13.1.1). */
    PRECONDITION_FAILED("precondition-failed", 412),
    /** A WHIP {@code PATCH} that restarts ICE (RFC 9725 §4.3.2), which this server does not relay. */
    ICE_RESTART_UNSUPPORTED("ice-restart-unsupported", 422);

    private final String code;
    private final int status;

    HttpSignalingError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
