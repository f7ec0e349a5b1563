package org.callsign.idp.session.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import java.util.Optional;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.ApiException;
import org.callsign.idp.session.store.SessionKind;

/**
 * The user of the current request, from either credential: an {@code Authorization: Bearer} token (RFC 6750 §2.1)
 * or, without an {@code Authorization} header, the session cookie. A request that sends a bearer token is judged by
 * it alone, never by a cookie it also carries.
 *
 * <p>{@link #get()} answers "who, if anyone"; {@link #require()} answers 401: {@code invalid-token} (with a
 * {@code WWW-Authenticate: Bearer} challenge) for a bad, expired or revoked bearer token, {@code not-logged-in}
 * otherwise.
 */
@RequestScoped
public class CurrentUser {

    private static final String BEARER = "bearer ";

    private final HttpHeaders headers;
    private final SessionService sessions;
    private final SessionCookies cookies;
    private Optional<LoggedInUser> resolved;

    public CurrentUser(HttpHeaders headers, SessionService sessions, SessionCookies cookies) {
        this.headers = headers;
        this.sessions = sessions;
        this.cookies = cookies;
    }

    /** The logged-in user, if the request carries a valid bearer token or session cookie. */
    public Optional<LoggedInUser> get() {
        if (resolved == null) {
            resolved = resolve();
        }
        return resolved;
    }

    /** The logged-in user, or a 401 {@link ApiException}. */
    public LoggedInUser require() {
        Optional<LoggedInUser> user = get();
        if (user.isPresent()) {
            return user.get();
        }
        if (presentsBearer()) {
            throw new ApiException(ApiError.INVALID_TOKEN, "bearer token is invalid, expired or revoked");
        }
        throw new ApiException(ApiError.NOT_LOGGED_IN, "log in first");
    }

    /** Whether the request authenticates with an {@code Authorization} header (so the cookie is ignored). */
    public boolean presentsBearer() {
        return headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
    }

    private Optional<LoggedInUser> resolve() {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
                return Optional.empty();
            }
            return sessions.resolve(authorization.substring(BEARER.length()).trim(), SessionKind.BEARER);
        }
        return cookies.read(headers).flatMap(secret -> sessions.resolve(secret, SessionKind.COOKIE));
    }
}
