package org.callsign.idp.session.service;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.callsign.idp.config.IdpConfig;

/**
 * The session cookie: {@code HttpOnly}, {@code Secure}, {@code SameSite=Lax}, {@code Path=/}, no {@code Domain}, and
 * the {@code __Host-} name prefix that makes browsers enforce those (RFC 6265bis §4.1.3.2).
 *
 * <p>{@code Lax}, not {@code Strict}: a relying page opens the login or consent page as a popup, a cross-site
 * top-level navigation, and under {@code Strict} that first request would arrive without the cookie, so a logged-in
 * user would be asked to log in again. {@code Lax} sends the cookie only on such top-level {@code GET}s, never on
 * cross-site {@code POST}/{@code PUT}/{@code DELETE} or subresource requests; state-changing requests are
 * additionally guarded by the CSRF check ({@code CsrfFilter}).
 *
 * <p>{@code Secure} can be switched off ({@code callsign.idp.sessions.cookie-secure=false}) only when the issuer is a
 * loopback URL, for plain-HTTP development; the name then drops the {@code __Host-} prefix, which requires
 * {@code Secure}. Any other combination stops the IdP at startup.
 */
@Singleton
@Startup
public class SessionCookies {

    /** The cookie name when {@code Secure}. */
    public static final String SECURE_NAME = "__Host-callsign-session";

    /** The cookie name in loopback development without {@code Secure}. */
    public static final String DEVELOPMENT_NAME = "callsign-session";

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final boolean secure;

    public SessionCookies(IdpConfig config) {
        this.secure = config.sessions().cookieSecure();
        checkSecureSetting(config.issuerUrl(), secure);
    }

    /** Refuses a cookie without {@code Secure} unless the issuer is a loopback URL. */
    public static void checkSecureSetting(String issuerUrl, boolean secure) {
        if (secure) {
            return;
        }
        String host = URI.create(issuerUrl).getHost();
        if (host == null || !LOOPBACK.contains(host.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalStateException(
                    "callsign.idp.sessions.cookie-secure=false is allowed only for a loopback issuer, not "
                            + issuerUrl);
        }
    }

    /** The cookie name in use. */
    public String name() {
        return secure ? SECURE_NAME : DEVELOPMENT_NAME;
    }

    /** The {@code Set-Cookie} value that stores {@code secret} for {@code maxAge}. */
    public String issue(String secret, Duration maxAge) {
        return name() + "=" + secret + attributes(Math.max(0, maxAge.toSeconds()));
    }

    /** The {@code Set-Cookie} value that deletes the cookie. */
    public String clear() {
        return name() + "=" + attributes(0);
    }

    /** The cookie's value in a request, if present. */
    public Optional<String> read(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(name());
        return Optional.ofNullable(cookie).map(Cookie::getValue).filter(value -> !value.isEmpty());
    }

    /** Whether cookies carry {@code Secure} (and the {@code __Host-} prefix). */
    public boolean secure() {
        return secure;
    }

    /** The attributes of every IdP cookie: {@code Path=/}, the {@code Max-Age}, {@code HttpOnly}, {@code Lax}, {@code Secure}. */
    public String attributes(long maxAgeSeconds) {
        return "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }
}
