package org.callsign.idp.upstream.rest;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import org.callsign.idp.config.IdpConfig;
import org.callsign.idp.session.service.SessionCookies;

/**
 * The cookie that binds an upstream login to the browser that started it (RFC 6749 §10.12): the callback is accepted
 * only with the secret whose hash the pending login keeps, so a code and {@code state} of someone else's login cannot
 * be planted in a victim's browser. {@code HttpOnly}, {@code SameSite=Lax} (the callback is a cross-site top-level
 * {@code GET}, which {@code Lax} lets through) and, like the session cookie, {@code Secure} with the {@code __Host-}
 * prefix unless {@code callsign.idp.sessions.cookie-secure=false} (loopback development only).
 */
@Singleton
public class UpstreamCookies {

    /** The cookie name when {@code Secure}. */
    public static final String SECURE_NAME = "__Host-callsign-upstream";

    /** The cookie name in loopback development without {@code Secure}. */
    public static final String DEVELOPMENT_NAME = "callsign-upstream";

    private final SessionCookies sessionCookies;
    private final Duration lifetime;

    public UpstreamCookies(SessionCookies sessionCookies, IdpConfig config) {
        this.sessionCookies = sessionCookies;
        this.lifetime = config.upstream().loginTimeout();
    }

    /** The cookie name in use. */
    public String name() {
        return sessionCookies.secure() ? SECURE_NAME : DEVELOPMENT_NAME;
    }

    /** The {@code Set-Cookie} value that stores the binding secret. */
    public String issue(String secret) {
        return name() + "=" + secret + sessionCookies.attributes(lifetime.toSeconds());
    }

    /** The {@code Set-Cookie} value that deletes the cookie. */
    public String clear() {
        return name() + "=" + sessionCookies.attributes(0);
    }

    /** The cookie's value in a request, or {@code null}. */
    public String read(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(name());
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }
}
