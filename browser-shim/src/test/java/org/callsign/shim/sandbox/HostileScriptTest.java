package org.callsign.shim.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.shim.testing.TestIdp;
import org.callsign.wellknown.fetch.AddressPolicy;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.testing.ScriptedResponse;
import org.callsign.wellknown.testing.TestCa;
import org.callsign.wellknown.testing.TestHttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile and broken IdP proxy scripts: each fails with its own code, and none harms the others. */
class HostileScriptTest {
    private static final String ORIGIN = "https://app.example";
    private static final SandboxConfig CONFIG = SandboxConfig.defaults()
            .withDeadline(Duration.ofSeconds(10))
            .withStatementLimit(300_000)
            .withAllocationLimit(64L * 1024 * 1024);

    private static TestIdp idp;
    private static IdpSandbox sandbox;

    @BeforeAll
    static void start() {
        idp = TestIdp.start();
        for (String name : new String[] {
            "test-idp", "throws-on-load", "syntax-error", "never-registers", "registers-late", "registers-twice",
            "rejects", "never-settles", "busy-loop-on-load", "busy-loop", "memory-bomb", "reaches-for-host",
            "fetches-elsewhere"
        }) {
            idp.serveProxy(name);
        }
        sandbox = new IdpSandbox(new DefaultFetcher(idp.policy().build()), CONFIG);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        idp.close();
    }

    private static IdentityException validateFails(String protocol) {
        return assertThrows(
                IdentityException.class,
                () -> sandbox.validateAssertion(IdpProxyAddress.of("idp-a.test", protocol), "assertion", ORIGIN));
    }

    private static IdentityException generateFails(String protocol) {
        return assertThrows(
                IdentityException.class,
                () -> sandbox.generateAssertion(
                        IdpProxyAddress.of("idp-a.test", protocol),
                        "{}",
                        ORIGIN,
                        new GenerateOptions(protocol, null, null)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            throws-on-load    | idp-bad-script-failure | IdP proxy threw: Error: boom while loading
            syntax-error      | idp-bad-script-failure | IdP proxy has a syntax error at line 1
            never-registers   | idp-bad-script-failure | did not call rtcIdentityProvider.register() during its first run
            registers-late    | idp-bad-script-failure | did not call rtcIdentityProvider.register() during its first run
            registers-twice   | idp-bad-script-failure | an IdP is already registered
            busy-loop-on-load | idp-bad-script-failure | executed more than 300000 statements
            never-settles     | idp-timeout            | did not settle before the deadline
            busy-loop         | idp-execution-failure  | executed more than 300000 statements
            memory-bomb       | idp-execution-failure  | allocated more than 67108864 bytes
            fetches-elsewhere | idp-execution-failure  | is not the IdP's origin https://idp-a.test
            rejects           | idp-execution-failure  | thrown synchronously
            """)
    void brokenAndHostileScriptsFailWithTheirCode(String script, String code, String message) {
        IdentityException e = validateFails(script);

        assertEquals(code, e.error().code(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void promiseThatCanNeverSettleFailsAtOnce() {
        long start = System.nanoTime();
        IdentityException e = generateFails("never-settles");

        assertEquals(IdentityError.IDP_TIMEOUT, e.error());
        assertEquals("the IdP's promise never settled", e.getMessage());
        assertTrue(System.nanoTime() - start < CONFIG.deadline().toNanos(), "did not wait for the deadline");
    }

    @Test
    void scriptTextIsSanitisedAndBounded() {
        IdentityException e = generateFails("rejects");

        assertEquals(IdentityError.IDP_EXECUTION_FAILURE, e.error());
        assertFalse(e.getMessage().contains("\u0000"));
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().length() < 300, "message of " + e.getMessage().length() + " characters");
    }

    @Test
    void busyGenerateIsStoppedToo() {
        assertEquals(
                IdentityError.IDP_EXECUTION_FAILURE, generateFails("busy-loop").error());
    }

    @Test
    void hostFacilitiesAreUnreachable() throws Exception {
        ValidationResult result =
                sandbox.validateAssertion(IdpProxyAddress.of("idp-a.test", "reaches-for-host"), "x", ORIGIN);
        JsonNode report = new ObjectMapper().readTree(result.identity());

        assertEquals(14, report.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = report.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> probe = it.next();
            assertEquals("undefined", probe.getValue().asText(), probe.getKey());
        }
    }

    @Test
    void crossOriginFetchNeverLeavesTheRealm() {
        int before = idp.server().requestCount();

        IdentityException e = generateFails("fetches-elsewhere");

        assertTrue(e.getMessage().contains("https://idp-b.test is not the IdP's origin"), e.getMessage());
        assertEquals(before + 1, idp.server().requestCount(), "only the script itself was requested");
    }

    @Test
    void hostileRealmDoesNotStopAnotherIdp() throws Exception {
        CompletableFuture<IdentityException> hostile = CompletableFuture.supplyAsync(() -> validateFails("busy-loop"));
        GeneratedAssertion good = sandbox.generateAssertion(
                IdpProxyAddress.of("idp-a.test", "test-idp"),
                "{}",
                ORIGIN,
                new GenerateOptions("test-idp", null, null));
        ValidationResult validated =
                sandbox.validateAssertion(IdpProxyAddress.of("idp-a.test", "test-idp"), good.assertion(), ORIGIN);

        assertEquals("alice@idp-a.test", validated.identity());
        assertEquals(IdentityError.IDP_EXECUTION_FAILURE, hostile.get().error());
        sandbox.validateAssertion(IdpProxyAddress.of("idp-a.test", "test-idp"), good.assertion(), ORIGIN);
    }

    @Test
    void realmCancelledForAHostileCallIsReplacedNextTime() {
        assertEquals(
                IdentityError.IDP_EXECUTION_FAILURE, validateFails("busy-loop").error());
        assertEquals(
                IdentityError.IDP_EXECUTION_FAILURE, validateFails("busy-loop").error());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            domain with userinfo        | alice@idp-a.test | default
            domain with a path          | idp-a.test/x     | default
            domain with a query         | idp-a.test?x     | default
            domain with a fragment      | idp-a.test#x     | default
            protocol with a slash       | idp-a.test       | a/b
            protocol with a backslash   | idp-a.test       | a\\b
            protocol with encoded slash | idp-a.test       | a%2Fb
            protocol with encoded bs    | idp-a.test       | a%5cb
            protocol that is a dot dot  | idp-a.test       | ..
            """)
    void invalidIdpsAreRefusedBeforeAnyRequest(String name, String domain, String protocol) {
        IdentityException e = assertThrows(IdentityException.class, () -> IdpProxyAddress.of(domain, protocol));
        assertEquals(IdentityError.IDP_INVALID, e.error());
    }

    @Test
    void loadFailuresAreTyped() throws Exception {
        idp.server().route("/.well-known/idp-proxy/html", ScriptedResponse.ok("text/html", "<html>"));
        idp.server().route("/.well-known/idp-proxy/gone", ScriptedResponse.status(410));
        idp.server()
                .route("/.well-known/idp-proxy/downgrade", ScriptedResponse.redirect(302, "http://idp-a.test/x.js"));
        idp.server()
                .route(
                        "/.well-known/idp-proxy/giant",
                        ScriptedResponse.ok("text/javascript", "//" + "x".repeat(CONFIG.maxScriptBytes())));

        assertEquals(IdentityError.IDP_LOAD_FAILURE, validateFails("html").error());
        IdentityException gone = validateFails("gone");
        assertEquals(IdentityError.IDP_LOAD_FAILURE, gone.error());
        assertEquals(410, gone.httpRequestStatusCode());
        IdentityException downgrade = validateFails("downgrade");
        assertEquals(IdentityError.IDP_LOAD_FAILURE, downgrade.error());
        assertTrue(downgrade.getMessage().contains("redirect-downgrade"), downgrade.getMessage());
        IdentityException giant = validateFails("giant");
        assertTrue(giant.getMessage().contains("too-large"), giant.getMessage());
        assertEquals(IdentityError.IDP_LOAD_FAILURE, validateFails("missing").error());
    }

    @Test
    void untrustedCertificateIsATlsFailure() throws Exception {
        try (TestHttpsServer impostor = TestHttpsServer.https(
                        TestCa.create("impostor").issue("idp-a.test").serverSslContext());
                IdpSandbox other = new IdpSandbox(
                        new DefaultFetcher(idp.policy()
                                .connectTo(
                                        "idp-a.test", 443, new java.net.InetSocketAddress("127.0.0.1", impostor.port()))
                                .build()),
                        CONFIG)) {
            IdentityException e = assertThrows(
                    IdentityException.class,
                    () -> other.validateAssertion(IdpProxyAddress.of("idp-a.test", "test-idp"), "x", ORIGIN));
            assertEquals(IdentityError.IDP_TLS_FAILURE, e.error());
        }
    }

    @Test
    void idpOnAPrivateAddressIsNotLoaded() throws Exception {
        try (IdpSandbox strict = new IdpSandbox(
                new DefaultFetcher(
                        idp.policy().addressPolicy(AddressPolicy.PUBLIC_ONLY).build()),
                CONFIG)) {
            IdentityException e = assertThrows(
                    IdentityException.class,
                    () -> strict.validateAssertion(IdpProxyAddress.of("idp-a.test", "test-idp"), "x", ORIGIN));
            assertEquals(IdentityError.IDP_LOAD_FAILURE, e.error());
            assertTrue(e.getMessage().contains("blocked-address"), e.getMessage());
        }
    }

    @Test
    void oversizedInputsAreRefusedBeforeLoading() {
        String huge = "x".repeat(CONFIG.maxInputChars() + 1);
        IdentityException e = assertThrows(
                IdentityException.class,
                () -> sandbox.validateAssertion(IdpProxyAddress.of("idp-a.test", "test-idp"), huge, ORIGIN));
        assertEquals(IdentityError.IDENTITY_MALFORMED, e.error());
    }

    @Test
    void busyLoopUnderAHighStatementLimitHitsTheDeadline() throws Exception {
        SandboxConfig lenient = CONFIG.withStatementLimit(Long.MAX_VALUE / 2)
                .withAllocationLimit(Long.MAX_VALUE / 2)
                .withDeadline(Duration.ofMillis(1500));
        try (IdpSandbox patient = new IdpSandbox(new DefaultFetcher(idp.policy().build()), lenient)) {
            IdentityException e = assertThrows(
                    IdentityException.class,
                    () -> patient.validateAssertion(IdpProxyAddress.of("idp-a.test", "busy-loop"), "x", ORIGIN));
            assertEquals(IdentityError.IDP_TIMEOUT, e.error());
            assertEquals("IdP proxy exceeded the deadline of 1500 ms", e.getMessage());
        }
    }
}
