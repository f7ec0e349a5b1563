package org.callsign.signaling.signal.service;

import org.callsign.server.api.ErrorCode;

/**
 * Why the server refused a signaling message or connection: the {@code error} of an {@code error} frame, and the
 * HTTP status where one-shot HTTP signaling ({@code /connect}, WHIP) reports the same refusal. docs/protocol.md lists
 * them with what a client should do. The codes from {@link #REPLACED} on end a connection rather than refuse one
 * message.
 */
public enum SignalError implements ErrorCode {
    MALFORMED_JSON("malformed-json", 400),
    INVALID_MESSAGE("invalid-message", 400),
    UNKNOWN_TYPE("unknown-type", 400),
    UNSUPPORTED_VERSION("unsupported-version", 400),
    MALFORMED_SDP("malformed-sdp", 400),
    NOT_VERIFIED("not-verified", 403),
    NOT_ALLOWED("not-allowed", 403),
    FINGERPRINT_MISMATCH("fingerprint-mismatch", 403),
    UNKNOWN_TARGET("unknown-target", 404),
    UNKNOWN_SESSION("unknown-session", 404),
    UNKNOWN_CALL("unknown-call", 404),
    CALL_EXISTS("call-exists", 409),
    CALL_STATE("call-state", 409),
    TOO_MANY_CALLS("too-many-calls", 429),
    FEDERATION_OFF("federation-off", 503),
    TARGET_OFFLINE("target-offline", 409),
    SESSION_TAKEN("session-taken", 409),
    TOO_LARGE("too-large", 413),
    RATE_LIMITED("rate-limited", 429),
    TOO_MANY_CONNECTIONS("too-many-connections", 429),
    TOO_MANY_SESSIONS("too-many-sessions", 429),
    TARGET_BUSY("target-busy", 503),
    ANSWER_TIMEOUT("answer-timeout", 504),
    REPLACED("replaced", 409),
    UNKNOWN_DEVICE("unknown-device", 404),
    CREDENTIALS_REVOKED("credentials-revoked", 401),
    DEVICE_REMOVED("device-removed", 410),
    HEARTBEAT_TIMEOUT("heartbeat-timeout", 408),
    TOO_SLOW("too-slow", 503),
    NODE_LOST("node-lost", 503),
    INTERNAL_ERROR("internal-error", 500);

    private final String code;
    private final int status;

    SignalError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The error whose wire code is {@code code}, or {@code null}. */
    public static SignalError byCode(String code) {
        for (SignalError error : values()) {
            if (error.code.equals(code)) {
                return error;
            }
        }
        return null;
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
