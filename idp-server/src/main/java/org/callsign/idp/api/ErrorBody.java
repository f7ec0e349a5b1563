package org.callsign.idp.api;

/**
 * The body of every error response of the JSON API: {@code {"error":"…","message":"…"}}. The message is short and
 * names the offending field or value, never a password, token or stack trace.
 *
 * @param error the code, one of {@link ApiError}
 * @param message what went wrong, for people
 */
public record ErrorBody(String error, String message) {}
