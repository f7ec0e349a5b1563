package org.callsign.shim.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.shim.testing.TestIdp;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.fetch.FetchCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox with a well-behaved IdP proxy, against a real local HTTPS server. */
class IdpSandboxTest {
    private static final String CONTENTS = "{\"fingerprint\":[{\"algorithm\":\"sha-256\",\"digest\":\"AB:CD\"}]}";
    private static final String ORIGIN = "https://app.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestIdp idp;
    private IdpSandbox sandbox;

    @BeforeEach
    void start() {
        idp = TestIdp.start().serveProxy("test-idp").serveProxy("realm-globals").serveProxy("needs-login");
        sandbox = new IdpSandbox(
                new DefaultFetcher(idp.policy().cache(new FetchCache()).build()), SandboxConfig.defaults());
    }

    @AfterEach
    void stop() {
        sandbox.close();
        idp.close();
    }

    private static IdpProxyAddress address(String protocol) throws IdentityException {
        return IdpProxyAddress.of("idp-a.test", protocol);
    }

    @Test
    void generatesAndValidatesAnAssertionRoundTrip() throws Exception {
        GeneratedAssertion generated = sandbox.generateAssertion(
                address("test-idp"), CONTENTS, ORIGIN, new GenerateOptions("test-idp", null, null));

        assertEquals("idp-a.test", generated.domain());
        assertEquals("test-idp", generated.protocol());
        ValidationResult validated = sandbox.validateAssertion(address("test-idp"), generated.assertion(), ORIGIN);

        assertEquals("alice@idp-a.test", validated.identity());
        assertEquals(CONTENTS, validated.contents());
        assertEquals(1, sandbox.liveRealms());
    }

    @Test
    void buildsItsEngineOnFirstUseNotWhenConstructed() throws Exception {
        assertFalse(sandbox.prepared());

        sandbox.generateAssertion(address("test-idp"), CONTENTS, ORIGIN, new GenerateOptions("test-idp", null, null));

        assertTrue(sandbox.prepared());
    }

    @Test
    void prepareBuildsTheEngineOnceAheadOfTheFirstCall() throws Exception {
        sandbox.prepare();
        sandbox.prepare();

        assertTrue(sandbox.prepared());
        GeneratedAssertion generated = sandbox.generateAssertion(
                address("test-idp"), CONTENTS, ORIGIN, new GenerateOptions("test-idp", null, null));
        assertEquals(
                "alice@idp-a.test",
                sandbox.validateAssertion(address("test-idp"), generated.assertion(), ORIGIN)
                        .identity());
    }

    @Test
    void refusesToPrepareOnceClosed() {
        sandbox.close();

        IllegalStateException e = assertThrows(IllegalStateException.class, sandbox::prepare);
        assertEquals("the IdP sandbox is closed", e.getMessage());
        assertFalse(sandbox.prepared());
    }

    @Test
    void realmFetchAnswersAPublicDocumentFromTheCacheWhileFresh() throws Exception {
        idp.jwksCacheControl("max-age=60");
        GeneratedAssertion generated = sandbox.generateAssertion(
                address("test-idp"), CONTENTS, ORIGIN, new GenerateOptions("test-idp", null, null));

        sandbox.validateAssertion(address("test-idp"), generated.assertion(), ORIGIN);
        sandbox.validateAssertion(address("test-idp"), generated.assertion(), ORIGIN);

        assertEquals(1, requestsFor("/jwks.json"));
    }

    @Test
    void realmFetchWithCredentialsAlwaysGoesToTheServer() throws Exception {
        idp.jwksCacheControl("max-age=60");
        sandbox.close();
        sandbox = new IdpSandbox(
                new DefaultFetcher(idp.policy().cache(new FetchCache()).build()),
                SandboxConfig.defaults().withBearerTokens(Map.of("https://idp-a.test", "secret-token")));
        GeneratedAssertion generated = sandbox.generateAssertion(
                address("test-idp"), CONTENTS, ORIGIN, new GenerateOptions("test-idp", null, null));

        sandbox.validateAssertion(address("test-idp"), generated.assertion(), ORIGIN);
        sandbox.validateAssertion(address("test-idp"), generated.assertion(), ORIGIN);

        assertEquals(2, requestsFor("/jwks.json"));
        assertTrue(idp.server().requests().stream()
                .filter(request -> request.path().equals("/jwks.json"))
                .allMatch(request -> "Bearer secret-token".equals(request.header("authorization"))));
    }

    private long requestsFor(String path) {
        return idp.server().requests().stream()
                .filter(request -> request.path().equals(path))
                .count();
    }

    @Test
    void tamperedAssertionIsInvalid() throws Exception {
        String assertion = sandbox.generateAssertion(
                        address("test-idp"), CONTENTS, ORIGIN, new GenerateOptions("test-idp", null, null))
                .assertion();
        String forged = idp.sign("{\"sub\":\"mallory@idp-a.test\",\"aud\":\"" + ORIGIN + "\",\"exp\":9999999999,"
                        + "\"contents\":\"x\"}")
                .replaceAll("\\.[^.]*$", assertion.substring(assertion.lastIndexOf('.')));

        IdentityException e = assertThrows(
                IdentityException.class, () -> sandbox.validateAssertion(address("test-idp"), forged, ORIGIN));

        assertEquals(IdentityError.IDP_TOKEN_INVALID, e.error());
    }

    @Test
    void assertionForAnotherOriginIsInvalid() throws Exception {
        String assertion = sandbox.generateAssertion(
                        address("test-idp"), CONTENTS, ORIGIN, new GenerateOptions("test-idp", null, null))
                .assertion();

        IdentityException e = assertThrows(
                IdentityException.class,
                () -> sandbox.validateAssertion(address("test-idp"), assertion, "https://evil.example"));

        assertEquals(IdentityError.IDP_TOKEN_INVALID, e.error());
        assertTrue(e.getMessage().contains("wrong audience"), e.getMessage());
    }

    @Test
    void expiredAssertionIsReportedAsExpired() throws Exception {
        idp.lifetime(Duration.ofSeconds(-10));
        String assertion = sandbox.generateAssertion(
                        address("test-idp"), CONTENTS, ORIGIN, new GenerateOptions("test-idp", null, null))
                .assertion();

        IdentityException e = assertThrows(
                IdentityException.class, () -> sandbox.validateAssertion(address("test-idp"), assertion, ORIGIN));

        assertEquals(IdentityError.IDP_TOKEN_EXPIRED, e.error());
    }

    @Test
    void loggedOutUserGetsTheLoginUrl() {
        idp.loggedIn(false);

        IdentityException e = assertThrows(
                IdentityException.class,
                () -> sandbox.generateAssertion(
                        address("test-idp"), CONTENTS, ORIGIN, new GenerateOptions("test-idp", null, null)));

        assertEquals(IdentityError.IDP_NEED_LOGIN, e.error());
        assertEquals("https://idp-a.test/login", e.idpLoginUrl());
    }

    @Test
    void everyFormOfLoginRequestMapsToNeedLogin() throws Exception {
        String[][] cases = {
            {null, "https://idp-a.test/login?rtc", null},
            {"plain", "https://idp-a.test/login?plain", "session expired"},
            {"firefox", "https://idp-a.test/login?firefox", null}
        };
        for (String[] c : cases) {
            IdentityException e = assertThrows(
                    IdentityException.class,
                    () -> sandbox.generateAssertion(
                            address("needs-login"), CONTENTS, ORIGIN, new GenerateOptions("needs-login", c[0], null)));
            assertEquals(IdentityError.IDP_NEED_LOGIN, e.error(), String.valueOf(c[0]));
            assertEquals(c[1], e.idpLoginUrl());
            assertEquals(c[2], e.idpErrorInfo());
        }
        IdentityException expired = assertThrows(
                IdentityException.class, () -> sandbox.validateAssertion(address("needs-login"), "x", ORIGIN));
        assertEquals(IdentityError.IDP_TOKEN_EXPIRED, expired.error());
    }

    @Test
    void realmOffersTheWorkerGlobalsTheSpecNames() throws Exception {
        ValidationResult result = sandbox.validateAssertion(address("realm-globals"), "the-assertion", ORIGIN);
        JsonNode report = JSON.readTree(result.identity());

        assertEquals("https://idp-a.test", report.get("origin").asText());
        assertEquals(
                "https://idp-a.test/.well-known/idp-proxy/realm-globals",
                report.get("href").asText());
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                report.get("sha256").asText());
        assertEquals("aGVsbG8=", report.get("btoa").asText());
        assertEquals("hello", report.get("atob").asText());
        assertEquals("hello", report.get("atobForgiving").asText());
        assertEquals("InvalidCharacterError", report.get("atobError").asText());
        assertEquals("InvalidCharacterError", report.get("btoaError").asText());
        assertEquals(report.get("sha256").asText(), report.get("sha256OfView").asText(), "a view's own bytes only");
        assertEquals(16, report.get("randomLength").asInt());
        assertEquals("https://idp-a.test:8443/path?x=1#f", report.get("url").asText());
        assertEquals("1", report.get("urlParam").asText());
        assertEquals("héllo", report.get("text").asText());
        assertEquals("timer fired", report.get("later").asText());
        assertEquals("idp-need-login", report.get("rtcError").asText());
        assertEquals("251,255", report.get("fromBase64Url").asText());
        assertEquals(
                "{\"sub\":\"alice@idp-a.test\"}", report.get("fromBase64Long").asText());
        assertEquals("SyntaxError", report.get("fromBase64Error").asText());
        assertEquals("w6lsbG8h", report.get("toBase64").asText());
        assertEquals("the-assertion", result.contents());
    }

    @Test
    void optionsReachGenerateAssertion() throws Exception {
        GeneratedAssertion generated = sandbox.generateAssertion(
                address("realm-globals"),
                CONTENTS,
                ORIGIN,
                new GenerateOptions("realm-globals", "alice", "per@idp-b.test"));
        JsonNode seen = JSON.readTree(generated.assertion());

        assertEquals(CONTENTS, seen.get("contents").asText());
        assertEquals(ORIGIN, seen.get("origin").asText());
        assertEquals("alice", seen.get("options").get("usernameHint").asText());
        assertEquals("per@idp-b.test", seen.get("options").get("peerIdentity").asText());
        assertEquals(IdpProxyAddress.DEFAULT_PROTOCOL, generated.protocol());
    }

    @Test
    void realmIsReusedWhileTheScriptIsUnchangedAndReplacedWhenItChanges() throws Exception {
        sandbox.validateAssertion(address("realm-globals"), "a", ORIGIN);
        sandbox.validateAssertion(address("realm-globals"), "b", ORIGIN);
        assertEquals(1, sandbox.liveRealms());

        idp.serveProxy("realm-globals", TestIdp.resource("/idp/realm-globals.js") + "\n// version 2\n");
        ValidationResult after = sandbox.validateAssertion(address("realm-globals"), "c", ORIGIN);

        assertEquals("c", after.contents());
        assertEquals(1, sandbox.liveRealms());
    }

    @Test
    void realmOriginIsTheFinalUrlsAfterRedirects() throws Exception {
        idp.server()
                .route(
                        "/.well-known/idp-proxy/moved",
                        org.callsign.wellknown.testing.ScriptedResponse.redirect(
                                302, "https://idp-b.test/.well-known/idp-proxy/realm-globals"));

        JsonNode report = JSON.readTree(
                sandbox.validateAssertion(address("moved"), "x", ORIGIN).identity());

        assertEquals("https://idp-b.test", report.get("origin").asText());
    }

    @Test
    void realmKeepsWorkingAfterManyKeyImports() throws Exception {
        String assertion = sandbox.generateAssertion(
                        address("test-idp"), CONTENTS, ORIGIN, new GenerateOptions("test-idp", null, null))
                .assertion();

        for (int i = 0; i < HostCrypto.MAX_KEYS + 10; i++) {
            assertEquals(
                    "alice@idp-a.test",
                    sandbox.validateAssertion(address("test-idp"), assertion, ORIGIN)
                            .identity(),
                    "validation " + i);
        }
    }
}
