package org.callsign.idp.upstream;

import static org.callsign.idp.upstream.UpstreamFixture.authorize;
import static org.callsign.idp.upstream.UpstreamFixture.callback;
import static org.callsign.idp.upstream.UpstreamFixture.idp;
import static org.callsign.idp.upstream.UpstreamFixture.parameter;
import static org.callsign.idp.upstream.UpstreamFixture.refusal;
import static org.callsign.idp.upstream.UpstreamFixture.withParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import org.callsign.idp.TestUsers;
import org.callsign.idp.session.service.SessionCookies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Upstream logins that must fail, each with its typed error, against the real provider: a forged, replayed or foreign
 * {@code state} (RFC 6749 §10.12), a code used twice (§4.1.2, §10.5), a {@code nonce} that is not the login's
 * (OpenID Connect Core 1.0 §3.1.3.7), an {@code iss} of another issuer (RFC 9207), the provider's error answer, and
 * claims the e-mail rule refuses. Tokens the provider cannot be made to issue (another issuer, expired) are in
 * {@link IdTokenCheckTest}. No refusal logs anyone in.
 */
@QuarkusTest
@TestProfile(UpstreamProfile.class)
class UpstreamAttackTest {

    private static final String SESSION = SessionCookies.DEVELOPMENT_NAME;

    @BeforeEach
    void providerInstalled() {
        OidcProviderTesting.assumeInstalled();
    }

    @Test
    void refusesAForgedState() {
        UpstreamBrowser browser = new UpstreamBrowser();
        URI back = authorize(browser, "corp", TestUsers.uniqueName("forged"));
        assertRefused(browser, withParameter(back, "state", "forged-state"), 400, "upstream-state-invalid");
    }

    @Test
    void refusesACallbackInAnotherBrowser() {
        // Login CSRF: the attacker's own code and state, planted in the victim's browser, which never started a login.
        UpstreamBrowser attacker = new UpstreamBrowser();
        URI back = authorize(attacker, "corp", TestUsers.uniqueName("attacker"));
        assertRefused(new UpstreamBrowser(), back, 400, "upstream-state-invalid");
    }

    @Test
    void refusesACallbackToAnotherProvider() {
        UpstreamBrowser browser = new UpstreamBrowser();
        URI back = authorize(browser, "corp", TestUsers.uniqueName("mixup"));
        URI other = URI.create(back.toString().replace("/upstream/corp/", "/upstream/partner/"));
        assertRefused(browser, other, 400, "upstream-state-invalid");
    }

    @Test
    void refusesAReplayedCallbackAndAReplayedCode() {
        UpstreamBrowser browser = new UpstreamBrowser();
        String name = TestUsers.uniqueName("replay");
        URI back = authorize(browser, "corp", name);
        browser.redirectOf(back);
        // The same callback again: its state was used.
        assertRefused(browser, back, 400, "upstream-state-invalid");
        // The used code with the state of a new login: the provider refuses it at the token endpoint.
        UpstreamBrowser second = new UpstreamBrowser();
        URI fresh = authorize(second, "corp", name);
        URI replayed = withParameter(fresh, "code", parameter(back, "code"));
        assertRefused(second, replayed, 401, "upstream-code-rejected");
    }

    @Test
    void refusesAnIdTokenWithAnotherNonce() {
        UpstreamBrowser browser = new UpstreamBrowser();
        URI request = UpstreamFixture.start(browser, "corp", null);
        URI tampered = withParameter(request, "nonce", "not-the-nonce-of-this-login");
        URI back = browser.authorize(tampered, TestUsers.uniqueName("nonce"), callback("corp"));
        assertRefused(browser, back, 401, "upstream-nonce-mismatch");
    }

    @Test
    void refusesAResponseNamingAnotherIssuer() {
        UpstreamBrowser browser = new UpstreamBrowser();
        URI back = authorize(browser, "corp", TestUsers.uniqueName("iss"));
        assertRefused(
                browser, withParameter(back, "iss", "https%3A%2F%2Fevil.example"), 401, "upstream-issuer-mismatch");
    }

    @Test
    void theProvidersErrorAnswerIsAuthorizationDenied() {
        UpstreamBrowser browser = new UpstreamBrowser();
        URI request = UpstreamFixture.start(browser, "corp", null);
        URI denied = URI.create(callback("corp") + "?error=access_denied&state=" + parameter(request, "state"));
        assertRefused(browser, denied, 403, "upstream-authorization-denied");
    }

    @Test
    void refusesAnUnverifiedEmail() {
        UpstreamBrowser browser = new UpstreamBrowser();
        assertRefused(browser, authorize(browser, "corp", "unverified"), 403, "upstream-email-unverified");
    }

    @Test
    void refusesAnEmailAtADomainNotAllowed() {
        UpstreamBrowser browser = new UpstreamBrowser();
        assertRefused(browser, authorize(browser, "corp", "outsider"), 403, "upstream-domain-not-allowed");
    }

    @Test
    void refusesAnUnknownProvider() {
        assertEquals(
                "upstream-unknown-provider",
                refusal(new UpstreamBrowser().get(idp().resolve("/login/upstream/nobody")), 404));
    }

    private static void assertRefused(UpstreamBrowser browser, URI callback, int status, String code) {
        String before = browser.cookie(idp(), SESSION);
        assertEquals(code, refusal(browser.get(callback), status));
        assertEquals(before, browser.cookie(idp(), SESSION), "no new session after a refusal");
    }
}
