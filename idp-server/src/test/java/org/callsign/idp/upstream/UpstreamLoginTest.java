package org.callsign.idp.upstream;

import static io.restassured.RestAssured.given;
import static org.callsign.idp.upstream.UpstreamFixture.authorize;
import static org.callsign.idp.upstream.UpstreamFixture.idp;
import static org.callsign.idp.upstream.UpstreamFixture.refusal;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.callsign.idp.TestUsers;
import org.callsign.idp.session.rest.CsrfFilter;
import org.callsign.idp.session.service.SessionCookies;
import org.callsign.shim.identity.DomainRule;
import org.callsign.shim.identity.IdentityAsserter;
import org.callsign.shim.identity.IdentityVerifier;
import org.callsign.shim.sandbox.GenerateOptions;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sandbox.SandboxConfig;
import org.callsign.shim.sdp.SessionDescription;
import org.callsign.wellknown.fetch.AddressPolicy;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.fetch.FetchPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Upstream login through a real OpenID Connect provider (npm {@code oidc-provider} on loopback): the code flow with
 * PKCE, {@code state} and {@code nonce} (OpenID Connect Core 1.0 §3.1), each mapping rule, account linking, and an
 * assertion for the mapped identity that browser-shim verifies.
 */
@QuarkusTest
@TestProfile(UpstreamProfile.class)
class UpstreamLoginTest {

    private static final String RELYING = "https://rp.example";
    private static final String SESSION = SessionCookies.DEVELOPMENT_NAME;

    @BeforeEach
    void providerInstalled() {
        OidcProviderTesting.assumeInstalled();
    }

    @Test
    void loginPageOffersASignInLinkPerProvider() {
        given().when()
                .get("/login?origin=" + RELYING)
                .then()
                .statusCode(200)
                .body(containsString("Sign in with Corp</a>"))
                .body(containsString("href=\"/login/upstream/corp?origin=https%3A%2F%2Frp.example\""))
                .body(containsString("Sign in with partner</a>"));
    }

    @Test
    void startSendsPkceStateAndNonceAndSetsTheBindingCookie() {
        var answer = given().redirects()
                .follow(false)
                .when()
                .get("/login/upstream/corp?origin=" + RELYING)
                .then()
                .statusCode(303)
                .header("Cache-Control", "no-store")
                .extract();
        URI request = URI.create(answer.header("Location"));
        assertEquals("code", UpstreamFixture.parameter(request, "response_type"));
        assertEquals("S256", UpstreamFixture.parameter(request, "code_challenge_method"));
        assertEquals(43, UpstreamFixture.parameter(request, "code_challenge").length());
        assertTrue(UpstreamFixture.parameter(request, "state").length() >= 32, request::toString);
        assertTrue(UpstreamFixture.parameter(request, "nonce").length() >= 32, request::toString);
        assertEquals(
                UpstreamFixture.callback("corp"),
                java.net.URLDecoder.decode(UpstreamFixture.parameter(request, "redirect_uri"), StandardCharsets.UTF_8));
        String cookie = answer.header("Set-Cookie");
        assertTrue(cookie.startsWith(org.callsign.idp.upstream.rest.UpstreamCookies.DEVELOPMENT_NAME + "="), cookie);
        assertTrue(cookie.contains("; Path=/; Max-Age=600; HttpOnly; SameSite=Lax"), cookie);
    }

    @Test
    void firstLoginByVerifiedEmailCreatesTheAccountAndAnAssertionForItVerifies() throws Exception {
        String name = TestUsers.uniqueName("carol");
        UpstreamBrowser browser = new UpstreamBrowser();
        URI request = UpstreamFixture.start(browser, "corp", "origin=" + RELYING);
        assertEquals("S256", UpstreamFixture.parameter(request, "code_challenge_method"));
        URI callback = browser.authorize(request, name, UpstreamFixture.callback("corp"));

        URI loginPage = browser.redirectOf(callback);
        assertEquals("/login?origin=https%3A%2F%2Frp.example", loginPage.getRawPath() + "?" + loginPage.getRawQuery());
        String session = browser.cookie(idp(), SESSION);
        assertTrue(session != null, "session cookie set");
        // The login page, now logged in, posts WEBRTC-LOGINDONE to the relying origin at once.
        HttpResponse<String> page = browser.get(loginPage);
        assertTrue(page.body().contains("data-target-origin=\"https://rp.example\""), page::body);
        assertTrue(page.body().contains("data-logged-in=\"true\""), page::body);
        assertTrue(page.body().contains("Logged in as " + name + "@localhost."), page::body);

        given().cookie(SESSION, session)
                .when()
                .get("/api/account")
                .then()
                .statusCode(200)
                .body("username", org.hamcrest.Matchers.equalTo(name));
        given().cookie(SESSION, session)
                .header(CsrfFilter.HEADER, "1")
                .contentType(ContentType.JSON)
                .body(Map.of("origin", RELYING))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(200);
        SessionDescription signed;
        try (IdpSandbox caller = sandbox()) {
            caller.cookies().put(idp().toString(), SESSION, session);
            signed = new IdentityAsserter(caller)
                    .assertIdentity(offer(), proxy(), RELYING, new GenerateOptions("default", null, null));
        }
        try (IdpSandbox callee = sandbox()) {
            var verified = new IdentityVerifier(callee, DomainRule.STRICT)
                    .verify(SessionDescription.parse(signed.toString()), RELYING);
            assertEquals(name + "@localhost", verified.orElseThrow().name());
        }
    }

    @Test
    void fixedLinkLogsIntoTheConfiguredAccount() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", UpstreamProviderResource.FIXED_USERNAME, "password", TestUsers.PASSWORD))
                .post("/api/accounts");
        UpstreamBrowser browser = new UpstreamBrowser();
        browser.redirectOf(authorize(browser, "partner", UpstreamProviderResource.FIXED_SUBJECT));
        given().cookie(SESSION, browser.cookie(idp(), SESSION))
                .when()
                .get("/api/session")
                .then()
                .statusCode(200)
                .body(
                        "identity",
                        org.hamcrest.Matchers.equalTo(UpstreamProviderResource.FIXED_USERNAME + "@localhost"));
    }

    @Test
    void withoutALinkOrRuleNoAccountIsCreated() {
        UpstreamBrowser browser = new UpstreamBrowser();
        String code = refusal(browser.get(authorize(browser, "partner", TestUsers.uniqueName("stranger"))), 403);
        assertEquals("upstream-identity-not-mapped", code);
        assertEquals(null, browser.cookie(idp(), SESSION));
    }

    @Test
    void aLinkedIdentityLogsInUntilItIsUnlinked() {
        String local = TestUsers.registerNew("dave");
        String session = UpstreamFixture.login(local);
        String upstream = TestUsers.uniqueName("dave-upstream");

        UpstreamBrowser browser = new UpstreamBrowser();
        browser.setCookie(idp(), SESSION, session);
        HttpResponse<String> linked = browser.get(browser.authorize(
                UpstreamFixture.startLink(browser, "partner"), upstream, UpstreamFixture.callback("partner")));
        assertEquals(200, linked.statusCode(), linked::body);
        assertTrue(linked.body().contains("now logs you in as " + local + "@localhost"), linked::body);
        given().cookie(SESSION, session)
                .when()
                .get("/api/upstream-links")
                .then()
                .statusCode(200)
                .body("links", hasSize(1))
                .body("links[0].provider", org.hamcrest.Matchers.equalTo("partner"))
                .body("links[0].subject", org.hamcrest.Matchers.equalTo(upstream));

        UpstreamBrowser other = new UpstreamBrowser();
        other.redirectOf(authorize(other, "partner", upstream));
        given().cookie(SESSION, other.cookie(idp(), SESSION))
                .when()
                .get("/api/session")
                .then()
                .body("identity", org.hamcrest.Matchers.equalTo(local + "@localhost"));

        given().cookie(SESSION, session)
                .header(CsrfFilter.HEADER, "1")
                .queryParam("provider", "partner")
                .queryParam("subject", upstream)
                .when()
                .delete("/api/upstream-links")
                .then()
                .statusCode(204);
        UpstreamBrowser third = new UpstreamBrowser();
        assertEquals("upstream-identity-not-mapped", refusal(third.get(authorize(third, "partner", upstream)), 403));
    }

    private static IdpSandbox sandbox() {
        FetchPolicy policy = FetchPolicy.builder()
                .plainHttpOnLoopback(true)
                .addressPolicy(AddressPolicy.PUBLIC_AND_LOOPBACK)
                .resolve("localhost", idp().getPort(), InetAddress.getLoopbackAddress())
                .build();
        return new IdpSandbox(
                new DefaultFetcher(policy), SandboxConfig.defaults().withHttpLoopback(true));
    }

    private static IdpProxyAddress proxy() throws Exception {
        return IdpProxyAddress.of("localhost:" + idp().getPort(), "default");
    }

    private static SessionDescription offer() throws Exception {
        try (InputStream in = UpstreamLoginTest.class.getResourceAsStream("/sdp/chromium-156-datachannel-offer.sdp")) {
            return SessionDescription.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
