package org.callsign.idp.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error response of the JSON API: {@code {"error":"…","message":"…"}}. The message is short and
 * names the offending field or value, never a password, token or stack trace. Errors that the user can resolve in the
 * IdP's own pages ({@code not-logged-in}, {@code invalid-token} and {@code consent-required} from the assertion
 * endpoint) also carry {@code loginUrl}, the page to open (the proxy's {@code idpLoginUrl}).
 *
 * @param error the code, one of {@link ApiError}
 * @param message what went wrong, for people
 * @param loginUrl the login or consent page that resolves the error, or {@code null} (then omitted)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, String loginUrl) {

    public ErrorBody(String error, String message) {
        this(error, message, null);
    }
}
