package org.callsign.signaling.api;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.callsign.server.api.ErrorCode;

/**
 * The error codes of the signaling server's JSON API, each with its HTTP status. The code is the {@code error} member
 * of every error body ({@link ErrorBody}); clients branch on it, never on the message.
 */
public enum ApiError implements ErrorCode {
    INVALID_REQUEST("invalid-request", 400),
    MALFORMED_JSON("malformed-json", 400),
    LINK_INVALID("link-invalid", 400),
    IDENTITY_REJECTED("identity-rejected", 400),
    CHALLENGE_INVALID("challenge-invalid", 400),
    NOT_AUTHENTICATED("not-authenticated", 401),
    INVALID_CREDENTIALS("invalid-credentials", 401),
    INVALID_TOKEN("invalid-token", 401),
    NOT_ALLOWED("not-allowed", 403),
    REGISTRATION_CLOSED("registration-closed", 403),
    NOT_FOUND("not-found", 404),
    NO_SUCH_USER("no-such-user", 404),
    CALL_UNKNOWN("call-unknown", 404),
    NO_SIGNALING_SERVER("no-signaling-server", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", 406),
    CLIENT_ID_TAKEN("client-id-taken", 409),
    FINGERPRINT_TAKEN("fingerprint-taken", 409),
    TOO_MANY_DEVICES("too-many-devices", 409),
    TOO_MANY_SUBSCRIPTIONS("too-many-subscriptions", 409),
    DEVICE_VERIFIED("device-verified", 409),
    LINK_STALE("link-stale", 409),
    IDENTITY_TAKEN("identity-taken", 409),
    LINK_EXPIRED("link-expired", 410),
    LINK_USED("link-used", 410),
    BODY_TOO_LARGE("body-too-large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    RATE_LIMITED("rate-limited", 429),
    INTERNAL_ERROR("internal-error", 500),
    SERVER_UNREACHABLE("server-unreachable", 502),
    BAD_DOCUMENT("bad-document", 502),
    FEDERATION_OFF("federation-off", 503),
    PUSH_OFF("push-off", 503),
    /** The store (on a cluster, Redis and the limits kept there) failed or did not answer: refused, not let through. */
    STORE_UNAVAILABLE("store-unavailable", 503);

    private final String code;
    private final int status;

    ApiError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The first error of each status, for statuses the framework produces. */
    private static final Map<Integer, ApiError> BY_STATUS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ApiError::status, Function.identity(), (first, later) -> first));

    /** The wire value of the {@code error} member. */
    @Override
    public String code() {
        return code;
    }

    /** The HTTP status that carries it. */
    @Override
    public int status() {
        return status;
    }

    /** The error of an HTTP status that the framework produced (unknown path, wrong method, ...). */
    public static ApiError forStatus(int status) {
        return BY_STATUS.getOrDefault(status, status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST);
    }
}
