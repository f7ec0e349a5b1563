package org.callsign.idp.upstream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callsign.idp.TestUsers;
import org.callsign.idp.session.rest.CsrfFilter;
import org.callsign.idp.session.service.SessionCookies;
import org.eclipse.microprofile.config.ConfigProvider;

/** The steps of an upstream login against the IdP of {@link UpstreamProfile}, for the tests. */
final class UpstreamFixture {

    private static final Pattern ERROR = Pattern.compile("data-error=\"([^\"]+)\"");

    private UpstreamFixture() {}

    /** The IdP's issuer, {@code http://localhost:<port>}. */
    static URI idp() {
        return URI.create(ConfigProvider.getConfig().getValue("callsign.idp.issuer", String.class));
    }

    /** The IdP's redirect URI for a provider. */
    static String callback(String provider) {
        return idp() + "/login/upstream/" + provider + "/callback";
    }

    /** Starts a login at the IdP; the authentication request it redirects to (the binding cookie is now set). */
    static URI start(UpstreamBrowser browser, String provider, String query) {
        URI request =
                browser.redirectOf(idp().resolve("/login/upstream/" + provider + (query == null ? "" : "?" + query)));
        assertTrue(
                browser.cookie(idp(), org.callsign.idp.upstream.rest.UpstreamCookies.DEVELOPMENT_NAME) != null,
                "binding cookie set");
        return request;
    }

    /** The whole login up to the redirect back to the IdP (not followed). */
    static URI authorize(UpstreamBrowser browser, String provider, String login) {
        return browser.authorize(start(browser, provider, null), login, callback(provider));
    }

    /** The error code of an error page, after checking its status. */
    static String refusal(HttpResponse<String> page, int status) {
        assertEquals(status, page.statusCode(), page::body);
        Matcher code = ERROR.matcher(page.body());
        assertTrue(code.find(), page::body);
        return code.group(1);
    }

    /** {@code uri} with one query parameter's value replaced. */
    static URI withParameter(URI uri, String name, String value) {
        String replaced = uri.toString().replaceAll("([?&]" + name + "=)[^&]*", "$1" + value);
        assertTrue(!replaced.equals(uri.toString()), () -> name + " not in " + uri);
        return URI.create(replaced);
    }

    /** The value of a query parameter. */
    static String parameter(URI uri, String name) {
        Matcher value = Pattern.compile("[?&]" + name + "=([^&]*)")
                .matcher(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        assertTrue(value.find(), () -> name + " not in " + uri);
        return value.group(1);
    }

    /** A password login's session cookie (without {@code Secure}: this profile runs over plain HTTP). */
    static String login(String username) {
        return given().contentType(ContentType.JSON)
                .header(CsrfFilter.HEADER, "1")
                .body(Map.of("username", username, "password", TestUsers.PASSWORD))
                .when()
                .post("/api/session")
                .then()
                .statusCode(200)
                .extract()
                .cookie(SessionCookies.DEVELOPMENT_NAME);
    }

    /**
     * Starts linking as the account page's script would, in the browser that will come back (so that it gets the
     * binding cookie); the browser must hold the session cookie. Returns the authentication request to open.
     */
    static URI startLink(UpstreamBrowser browser, String provider) {
        HttpResponse<String> started =
                browser.postJson(idp().resolve("/api/upstream-links"), "{\"provider\":\"" + provider + "\"}");
        assertEquals(200, started.statusCode(), started::body);
        Matcher url = Pattern.compile("\"authorizationUrl\":\"([^\"]+)\"").matcher(started.body());
        assertTrue(url.find(), started::body);
        return URI.create(url.group(1));
    }
}
