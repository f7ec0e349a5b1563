package org.callsign.idp.api;

/**
 * A refusal that the user resolves in the IdP's own pages: 401 {@code not-logged-in} or {@code invalid-token} with the
 * login page, 403 {@code consent-required} with the consent page. The body carries that page as {@code loginUrl}, which
 * the proxy script passes on as {@code idpLoginUrl} (W3C webrtc-identity §9.4, {@code idp-need-login}).
 */
public class LoginRequiredException extends ApiException {

    private final String loginUrl;

    public LoginRequiredException(ApiError error, String message, String loginUrl) {
        super(error, message);
        this.loginUrl = loginUrl;
    }

    /** The absolute URL of the page that resolves the refusal. */
    public String loginUrl() {
        return loginUrl;
    }
}
