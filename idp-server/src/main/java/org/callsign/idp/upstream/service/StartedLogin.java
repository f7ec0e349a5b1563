package org.callsign.idp.upstream.service;

import java.net.URI;

/**
 * A started upstream login: where to send the browser, and the secret of the cookie that binds the login to that
 * browser (RFC 6749 §10.12).
 *
 * @param authorizationUri the authentication request (OpenID Connect Core 1.0 §3.1.2.1)
 * @param bindingSecret the binding cookie's value
 */
public record StartedLogin(URI authorizationUri, String bindingSecret) {

    /** Never the secret. */
    @Override
    public String toString() {
        return "StartedLogin[" + authorizationUri.getHost() + "]";
    }
}
