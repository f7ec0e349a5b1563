package org.callsign.idp.api;

/**
 * The error codes of the IdP's JSON API, each with its HTTP status. The code is the {@code error} member of every
 * error body ({@link ErrorBody}); clients branch on it, never on the message.
 */
public enum ApiError implements org.callsign.server.api.ErrorCode {
    INVALID_REQUEST("invalid-request", 400),
    MALFORMED_JSON("malformed-json", 400),
    NOT_LOGGED_IN("not-logged-in", 401),
    INVALID_CREDENTIALS("invalid-credentials", 401),
    INVALID_TOKEN("invalid-token", 401),
    CSRF_CHECK_FAILED("csrf-check-failed", 403),
    REGISTRATION_CLOSED("registration-closed", 403),
    CONSENT_REQUIRED("consent-required", 403),
    NOT_FOUND("not-found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", 406),
    USERNAME_TAKEN("username-taken", 409),
    BODY_TOO_LARGE("body-too-large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    RATE_LIMITED("rate-limited", 429),
    INTERNAL_ERROR("internal-error", 500),
    STORE_UNAVAILABLE("store-unavailable", 503);

    private final String code;
    private final int status;

    ApiError(String code, int status) {
        this.code = code;
        this.status = status;
    }

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

    /** The error for an HTTP status that the framework produced (unknown path, wrong method, ...). */
    public static ApiError forStatus(int status) {
        for (ApiError error : values()) {
            if (error.status == status
                    && error != INVALID_CREDENTIALS
                    && error != INVALID_TOKEN
                    && error != STORE_UNAVAILABLE) {
                return error;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
    }
}
