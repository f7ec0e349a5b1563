package org.callsign.shim;

/**
 * A failed identity operation, with its {@link IdentityError} and, where they apply, the details the W3C
 * {@code RTCError} carries: {@code httpRequestStatusCode}, {@code idpLoginUrl}, {@code idpErrorInfo}.
 * Messages are short and never contain a whole assertion or a credential.
 */
public class IdentityException extends Exception {
    private static final long serialVersionUID = 1L;

    private final IdentityError error;
    private final int httpRequestStatusCode;
    private final String idpLoginUrl;
    private final String idpErrorInfo;

    public IdentityException(IdentityError error, String message) {
        this(error, message, null, -1, null, null);
    }

    public IdentityException(IdentityError error, String message, Throwable cause) {
        this(error, message, cause, -1, null, null);
    }

    public IdentityException(
            IdentityError error,
            String message,
            Throwable cause,
            int httpRequestStatusCode,
            String idpLoginUrl,
            String idpErrorInfo) {
        super(message, cause);
        this.error = error;
        this.httpRequestStatusCode = httpRequestStatusCode;
        this.idpLoginUrl = idpLoginUrl;
        this.idpErrorInfo = idpErrorInfo;
    }

    public IdentityError error() {
        return error;
    }

    /** The HTTP status of the failed IdP request, or {@code -1}. */
    public int httpRequestStatusCode() {
        return httpRequestStatusCode;
    }

    /** Where the user can log in, for {@link IdentityError#IDP_NEED_LOGIN}; otherwise {@code null}. */
    public String idpLoginUrl() {
        return idpLoginUrl;
    }

    /** Extra information the IdP gave with its error, sanitised and bounded; or {@code null}. */
    public String idpErrorInfo() {
        return idpErrorInfo;
    }
}
