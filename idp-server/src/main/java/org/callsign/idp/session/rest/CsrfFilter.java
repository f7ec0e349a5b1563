package org.callsign.idp.session.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.ErrorBody;
import org.callsign.idp.assertion.rest.AssertionResource;
import org.callsign.idp.config.IdpConfig;
import org.callsign.idp.consent.service.Origins;
import org.callsign.idp.session.service.SessionCookies;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Cross-site request forgery defence for the cookie: a state-changing {@code /api/} request that would be
 * authenticated by the session cookie (it carries the cookie and no {@code Authorization} header), and the cookie
 * login itself ({@code POST /api/session}, against login CSRF), must send {@value #HEADER}{@code : 1}, and, if it has
 * an {@code Origin}, that origin must be the IdP's own: the issuer's, or the one the request was sent to (scheme and
 * {@code Host}, for an IdP reached at another port).
 *
 * <p>A cross-origin page cannot add a custom header without a CORS preflight, which the IdP never grants, and plain
 * HTML forms cannot add one at all; {@code SameSite=Lax} already keeps the cookie off cross-site {@code POST}s, so this
 * is the second, browser-independent layer. Bearer-token requests need neither: browsers never attach a bearer token
 * on their own.
 *
 * <p>The assertion endpoint ({@code POST /api/assertions}) also accepts, instead of the header, a body declared as
 * {@code application/json}: the proxy script calls it from the IdP's realm, which may not be able to add custom
 * headers, and a JSON content type is, like the header, something a cross-origin page can only send after a CORS
 * preflight that the IdP never grants (an HTML form cannot send it at all). The {@code Origin} rule still applies.
 */
public class CsrfFilter {

    /** The header the IdP's own pages send with every state-changing request. */
    public static final String HEADER = "X-Callsign-Csrf";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SessionCookies cookies;
    private final String ownOrigin;

    CsrfFilter(SessionCookies cookies, IdpConfig config) {
        this.cookies = cookies;
        this.ownOrigin = Origins.of(config.issuerUrl());
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") || SAFE_METHODS.contains(request.getMethod())) {
            return null;
        }
        boolean cookieLogin =
                path.equals(SessionResource.PATH) && request.getMethod().equals("POST");
        boolean cookieAuthenticated = request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && request.getCookies().containsKey(cookies.name());
        if (!cookieLogin && !cookieAuthenticated) {
            return null;
        }
        boolean assertionRequest =
                path.equals(AssertionResource.PATH) && request.getMethod().equals("POST");
        if (!"1".equals(request.getHeaderString(HEADER)) && !(assertionRequest && declaresJson(request))) {
            return refuse("missing " + HEADER + " header: required with the session cookie");
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !origin.equals(ownOrigin) && !origin.equals(targetOrigin(request))) {
            return refuse("cross-origin request refused: Origin " + origin);
        }
        return null;
    }

    /**
     * The origin the request was sent to (scheme and authority): the IdP's pages may be reached at an authority
     * other than the issuer's, such as {@code https://idp.example:8443} behind a port mapping, and their requests carry
     * that origin. A browser sets {@code Origin} itself, so a page of another site cannot make the two agree.
     */
    private static String targetOrigin(ContainerRequestContext request) {
        // The request URI's authority is the Host header in HTTP/1.1 and :authority in HTTP/2 (which has no Host).
        java.net.URI target = request.getUriInfo().getRequestUri();
        String authority =
                target.getRawAuthority() != null ? target.getRawAuthority() : request.getHeaderString(HttpHeaders.HOST);
        if (authority == null) {
            return null;
        }
        return Origins.tryParse(target.getScheme() + "://" + authority).orElse(null);
    }

    private static boolean declaresJson(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        return type != null
                && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                && !type.isWildcardType()
                && !type.isWildcardSubtype();
    }

    private static Response refuse(String message) {
        return Response.status(ApiError.CSRF_CHECK_FAILED.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(ApiError.CSRF_CHECK_FAILED.code(), message))
                .build();
    }
}
