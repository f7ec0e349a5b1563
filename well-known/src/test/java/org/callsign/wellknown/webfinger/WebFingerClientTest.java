package org.callsign.wellknown.webfinger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.callsign.wellknown.fetch.AddressPolicy;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.fetch.FetchFailure;
import org.callsign.wellknown.testing.LocalDomains;
import org.callsign.wellknown.testing.RecordedRequest;
import org.callsign.wellknown.testing.ScriptedResponse;
import org.callsign.wellknown.testing.TestCa;
import org.callsign.wellknown.testing.TestHttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WebFinger lookups against a real local HTTPS server for idp-a.test. */
class WebFingerClientTest {
    private static final String PATH = "/.well-known/webfinger";
    private static final String IDP_PROXY = "https://callsign.example/rel/idp-proxy";
    private static final String SIGNALING = "https://callsign.example/rel/signaling";

    private LocalDomains domains;
    private TestHttpsServer server;
    private WebFingerClient client;
    private String aliceJrd;

    @BeforeEach
    void start() throws IOException {
        domains = LocalDomains.start(TestCa.create("webfinger CA"), "idp-a.test");
        server = domains.server();
        client = new WebFingerClient(new DefaultFetcher(domains.policy().build()));
        try (InputStream in = getClass().getResourceAsStream("/webfinger/alice.jrd.json")) {
            aliceJrd = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterEach
    void stop() {
        domains.close();
    }

    private void serve(String contentType, String body) {
        server.route(PATH, ScriptedResponse.ok(contentType, body));
    }

    @Test
    void looksUpAnAccountAndFiltersRels() throws Exception {
        serve("application/jrd+json", aliceJrd);

        Jrd jrd = client.lookup(AcctUri.parse("acct:alice@idp-a.test"), IDP_PROXY, SIGNALING);

        assertEquals("acct:alice@idp-a.test", jrd.subject());
        assertEquals(List.of("https://idp-a.test/users/alice"), jrd.aliases());
        assertEquals("Alice", jrd.properties().get("https://callsign.example/ns/display-name"));
        assertTrue(jrd.properties().containsKey("https://callsign.example/ns/empty"));
        assertEquals(2, jrd.links().size());
        JrdLink proxy = jrd.link(IDP_PROXY).orElseThrow();
        assertEquals("https://idp-a.test/.well-known/idp-proxy/default", proxy.href());
        assertEquals("text/javascript", proxy.type());
        assertEquals("IdP proxy", proxy.titles().get("en"));
        assertEquals(
                "https://signal.idp-a.test/.well-known/callsign",
                jrd.link(SIGNALING).orElseThrow().href());

        RecordedRequest request = server.takeRequest();
        assertEquals(
                "resource=acct%3Aalice%40idp-a.test&rel=https%3A%2F%2Fcallsign.example%2Frel%2Fidp-proxy"
                        + "&rel=https%3A%2F%2Fcallsign.example%2Frel%2Fsignaling",
                request.query());
        assertEquals("application/jrd+json", request.header("accept").split(",")[0]);
    }

    @Test
    void withoutRelsAllLinksAreKept() throws Exception {
        serve("application/json", aliceJrd);

        Jrd jrd = client.lookup(AcctUri.parse("acct:alice@idp-a.test"));

        assertEquals(4, jrd.links().size());
        assertEquals(
                "https://idp-a.test/lookup?uri={uri}",
                jrd.link("lrdd").orElseThrow().template());
        assertFalse(server.takeRequest().query().contains("rel="));
    }

    @Test
    void unknownAccountIsNoSuchResource() {
        WebFingerException e =
                assertThrows(WebFingerException.class, () -> client.lookup(AcctUri.parse("acct:nobody@idp-a.test")));

        assertEquals(WebFingerFailure.NO_SUCH_RESOURCE, e.failure());
        assertEquals(FetchFailure.HTTP_STATUS, e.fetchFailure());
        assertEquals("acct:nobody@idp-a.test", e.resource());
    }

    @Test
    void unreachableServerIsTyped() {
        server.route(PATH, ScriptedResponse.status(503));
        WebFingerException e =
                assertThrows(WebFingerException.class, () -> client.lookup(AcctUri.parse("acct:alice@idp-a.test")));
        assertEquals(WebFingerFailure.UNREACHABLE, e.failure());

        WebFingerException blocked =
                assertThrows(WebFingerException.class, () -> new WebFingerClient(new DefaultFetcher(domains.policy()
                                .addressPolicy(AddressPolicy.PUBLIC_ONLY)
                                .build()))
                        .lookup(AcctUri.parse("acct:alice@idp-a.test")));
        assertEquals(FetchFailure.BLOCKED_ADDRESS, blocked.fetchFailure());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            not json                | application/jrd+json | <html>hello</html>
            json array              | application/jrd+json | []
            trailing garbage        | application/jrd+json | {"subject":"acct:alice@idp-a.test"} {}
            duplicate member        | application/jrd+json | {"subject":"acct:alice@idp-a.test","subject":"acct:eve@idp-a.test"}
            link without rel        | application/jrd+json | {"subject":"acct:alice@idp-a.test","links":[{"href":"https://x.example"}]}
            aliases not a list      | application/jrd+json | {"subject":"acct:alice@idp-a.test","aliases":"x"}
            subject of someone else | application/jrd+json | {"subject":"acct:eve@idp-a.test"}
            no subject or alias     | application/jrd+json | {"links":[]}
            html content type       | text/html            | {"subject":"acct:alice@idp-a.test"}
            too deep                | application/jrd+json | {"subject":"acct:alice@idp-a.test","x":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}
            """)
    void refusesBadDocuments(String name, String contentType, String body) {
        serve(contentType, body);

        WebFingerException e =
                assertThrows(WebFingerException.class, () -> client.lookup(AcctUri.parse("acct:alice@idp-a.test")));

        assertEquals(WebFingerFailure.BAD_DOCUMENT, e.failure(), e.getMessage());
    }

    @Test
    void refusesOversizedDocuments() {
        serve(
                "application/jrd+json",
                "{\"subject\":\"acct:alice@idp-a.test\",\"pad\":\"" + "x".repeat((int) WebFingerClient.MAX_JRD_BYTES)
                        + "\"}");

        WebFingerException e =
                assertThrows(WebFingerException.class, () -> client.lookup(AcctUri.parse("acct:alice@idp-a.test")));

        assertEquals(WebFingerFailure.BAD_DOCUMENT, e.failure());
        assertEquals(FetchFailure.TOO_LARGE, e.fetchFailure());
    }

    @Test
    void acceptsAliasMatchingTheResource() throws Exception {
        serve(
                "application/jrd+json",
                "{\"subject\":\"https://idp-a.test/users/alice\",\"aliases\":[\"acct:alice@idp-a.test\"]}");

        Jrd jrd = client.lookup(AcctUri.parse("acct:alice@idp-a.test"));

        assertEquals("https://idp-a.test/users/alice", jrd.subject());
    }

    @Test
    void encodesResourcesPerRfc3986() {
        assertEquals(
                "acct%3Ajuliet%2540capulet.example%40shop.example",
                WebFingerClient.encode("acct:juliet%40capulet.example@shop.example"));
        assertEquals("a%20b%C3%A9", WebFingerClient.encode("a bé"));
    }
}
