package org.callsign.shim.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.wellknown.fetch.FetchException;
import org.graalvm.polyglot.PolyglotException;

/**
 * Turns everything that can go wrong in the sandbox into one {@link IdentityError} (W3C webrtc-identity
 * §9.4 error handling). Script-provided text is never echoed verbatim: it is stripped of control characters
 * and cut to {@link #MAX_SCRIPT_TEXT} characters.
 */
final class SandboxErrors {
    static final int MAX_SCRIPT_TEXT = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which part of the operation failed: loading the script, or calling into it. */
    enum Phase {
        LOAD(IdentityError.IDP_BAD_SCRIPT_FAILURE),
        CALL(IdentityError.IDP_EXECUTION_FAILURE);

        final IdentityError error;

        Phase(IdentityError error) {
            this.error = error;
        }
    }

    private SandboxErrors() {}

    static IdentityException fromFetch(IdpProxyAddress idp, FetchException e) {
        String message = "IdP proxy for " + idp + " could not be loaded: " + e.getMessage();
        return switch (e.failure()) {
            case TLS_FAILURE -> new IdentityException(IdentityError.IDP_TLS_FAILURE, message, e);
            case CONNECT_TIMEOUT, READ_TIMEOUT, TOTAL_TIMEOUT ->
                new IdentityException(IdentityError.IDP_TIMEOUT, message, e);
            case HTTP_STATUS ->
                new IdentityException(IdentityError.IDP_LOAD_FAILURE, message, e, e.status(), null, null);
            default -> new IdentityException(IdentityError.IDP_LOAD_FAILURE, message, e);
        };
    }

    /** The context was closed under the operation: by the watchdog ({@code stop}), or for no known reason. */
    static IdentityException stopped(Phase phase, Watchdog.Stop stop, SandboxConfig config) {
        if (stop == null) {
            return new IdentityException(phase.error, "IdP realm was closed during the operation");
        }
        return fromStop(phase, stop, config);
    }

    private static IdentityException fromStop(Phase phase, Watchdog.Stop stop, SandboxConfig config) {
        if (stop == Watchdog.Stop.DEADLINE) {
            return new IdentityException(
                    IdentityError.IDP_TIMEOUT,
                    "IdP proxy exceeded the deadline of " + config.deadline().toMillis() + " ms");
        }
        return new IdentityException(
                phase.error, "IdP proxy stopped: allocated more than " + config.allocationLimitBytes() + " bytes");
    }

    static IdentityException fromPolyglot(Phase phase, Watchdog.Stop stop, SandboxConfig config, PolyglotException e) {
        if (stop != null) {
            return fromStop(phase, stop, config);
        }
        if (e.isResourceExhausted()) {
            String what = e.getMessage() != null && e.getMessage().startsWith("Statement count limit")
                    ? "executed more than " + config.statementLimit() + " statements"
                    : "exhausted a resource (" + sanitise(e.getMessage()) + ")";
            return new IdentityException(phase.error, "IdP proxy stopped: " + what);
        }
        if (e.isSyntaxError()) {
            return new IdentityException(
                    IdentityError.IDP_BAD_SCRIPT_FAILURE,
                    "IdP proxy has a syntax error" + location(e) + ": " + sanitise(e.getMessage()));
        }
        if (e.isCancelled()) {
            return new IdentityException(IdentityError.IDP_TIMEOUT, "IdP proxy was cancelled");
        }
        if (e.isGuestException()) {
            return new IdentityException(
                    phase.error, "IdP proxy threw" + location(e) + ": " + sanitise(e.getMessage()));
        }
        return new IdentityException(phase.error, "IdP proxy failed: " + sanitise(e.getMessage()));
    }

    /** A rejection or throw from {@code generateAssertion}/{@code validateAssertion}, described by the prelude. */
    static IdentityException fromRejection(String json) {
        JsonNode error;
        try {
            error = JSON.readTree(json);
        } catch (Exception e) {
            return new IdentityException(IdentityError.IDP_EXECUTION_FAILURE, "IdP proxy rejected");
        }
        String detail = text(error, "errorDetail");
        String name = text(error, "name");
        String message = sanitise(text(error, "message"));
        String loginUrl = text(error, "idpLoginUrl");
        String errorInfo = text(error, "idpErrorInfo");
        int status = error.path("httpRequestStatusCode").isInt()
                ? error.get("httpRequestStatusCode").asInt()
                : -1;
        if ("idp-need-login".equals(detail) || "IdpLoginError".equals(name)) {
            return new IdentityException(
                    IdentityError.IDP_NEED_LOGIN,
                    "IdP asks the user to log in",
                    null,
                    status,
                    sanitise(loginUrl),
                    sanitise(errorInfo));
        }
        IdentityError code = "idp-token-expired".equals(detail)
                ? IdentityError.IDP_TOKEN_EXPIRED
                : "idp-token-invalid".equals(detail)
                        ? IdentityError.IDP_TOKEN_INVALID
                        : IdentityError.IDP_EXECUTION_FAILURE;
        return new IdentityException(
                code,
                "IdP proxy rejected" + (message == null || message.isEmpty() ? "" : ": " + message),
                null,
                status,
                null,
                sanitise(errorInfo));
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String location(PolyglotException e) {
        return e.getSourceLocation() == null
                ? ""
                : " at line " + e.getSourceLocation().getStartLine();
    }

    /** Control characters removed, at most {@link #MAX_SCRIPT_TEXT} characters. */
    static String sanitise(String text) {
        if (text == null) {
            return null;
        }
        String clean = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
        return clean.length() > MAX_SCRIPT_TEXT ? clean.substring(0, MAX_SCRIPT_TEXT) + "..." : clean;
    }
}
