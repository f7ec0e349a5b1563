package org.callsign.wellknown.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.callsign.wellknown.testing.LocalDomains;
import org.callsign.wellknown.testing.RecordedRequest;
import org.callsign.wellknown.testing.ScriptedResponse;
import org.callsign.wellknown.testing.TestCa;
import org.callsign.wellknown.testing.TestHttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real local HTTPS server, with two domains resolved to 127.0.0.1. */
class DefaultFetcherTest {
    private static final URI IDP_A = URI.create("https://idp-a.test/.well-known/callsign");
    private static TestCa ca;

    private LocalDomains domains;
    private TestHttpsServer server;

    @BeforeAll
    static void createCa() {
        ca = TestCa.create("Callsign test CA");
    }

    @BeforeEach
    void startServer() {
        domains = LocalDomains.start(ca, "idp-a.test", "idp-b.test");
        server = domains.server();
    }

    @AfterEach
    void stopServer() {
        domains.close();
    }

    private FetchPolicy.Builder policy() {
        return domains.policy();
    }

    private FetchException fails(FetchPolicy policy, FetchRequest request) {
        return assertThrows(FetchException.class, () -> new DefaultFetcher(policy).fetch(request));
    }

    @Test
    void fetchesOverTlsWithTheRealHostName() throws Exception {
        server.route("/.well-known/callsign", ScriptedResponse.ok("application/json; charset=utf-8", "{\"ok\":true}"));

        FetchResult result = new DefaultFetcher(policy().build())
                .fetch(FetchRequest.get(IDP_A).accept("application/json"));

        assertEquals(200, result.status());
        assertEquals("{\"ok\":true}", result.text());
        assertEquals(IDP_A, result.finalUri());
        assertEquals("application/json", result.mediaType().essence());
        assertEquals(CacheStatus.MISS, result.cacheStatus());
        RecordedRequest request = server.takeRequest();
        assertEquals("GET", request.method());
        assertEquals("/.well-known/callsign", request.target());
        assertEquals("idp-a.test", request.header("host"));
        assertEquals("application/json", request.header("accept"));
        assertNull(request.header("connection"), "HTTP/1.1 connections persist by default");
        assertEquals(FetchPolicy.DEFAULT_USER_AGENT, request.header("user-agent"));
    }

    @Test
    void resolveEntryWorksLikeCurl() throws Exception {
        server.route("/x", ScriptedResponse.ok("text/plain", "via resolve"));
        FetchPolicy policy = FetchPolicy.builder()
                .trustStore(ca.trustStore())
                .addressPolicy(AddressPolicy.PUBLIC_AND_LOOPBACK)
                .resolve("idp-b.test:" + server.port() + ":127.0.0.1")
                .build();

        FetchResult result = new DefaultFetcher(policy)
                .fetch(FetchRequest.get(URI.create("https://idp-b.test:" + server.port() + "/x")));

        assertEquals("via resolve", result.text());
        assertEquals("idp-b.test:" + server.port(), server.takeRequest().header("host"));
    }

    @Test
    void refusesLoopbackUnlessAllowed() {
        server.route("/.well-known/callsign", ScriptedResponse.ok("application/json", "{}"));
        FetchPolicy policy = policy().addressPolicy(AddressPolicy.PUBLIC_ONLY).build();

        FetchException e = fails(policy, FetchRequest.get(IDP_A));

        assertEquals(FetchFailure.BLOCKED_ADDRESS, e.failure());
        assertTrue(e.getMessage().contains("127.0.0.1 is loopback"), e.getMessage());
        assertEquals(0, server.requestCount());
    }

    @Test
    void refusesPrivateAndMetadataAddressesFromDns() {
        for (String address : List.of("10.0.0.7", "192.168.1.1", "169.254.169.254", "0.0.0.0")) {
            HostResolver dns = (host, port) -> List.of(new InetSocketAddress(InetAddress.getByName(address), port));
            FetchException e = fails(
                    policy().resolver(dns).build(),
                    FetchRequest.get(URI.create("https://evil.example/.well-known/callsign")));
            assertEquals(FetchFailure.BLOCKED_ADDRESS, e.failure(), address);
            assertTrue(e.getMessage().contains(address), e.getMessage());
        }
    }

    @Test
    void plainHttpOnlyWhenEnabledAndOnlyToLoopback() throws Exception {
        try (TestHttpsServer plain = TestHttpsServer.plainHttp()) {
            plain.route("/dev", ScriptedResponse.ok("text/plain", "plain"));
            URI uri = plain.uri("/dev");

            assertEquals(
                    FetchFailure.INSECURE_SCHEME,
                    fails(policy().build(), FetchRequest.get(uri)).failure());
            FetchResult result =
                    new DefaultFetcher(policy().plainHttpOnLoopback(true).build()).fetch(FetchRequest.get(uri));
            assertEquals("plain", result.text());

            HostResolver publicDns =
                    (host, port) -> List.of(new InetSocketAddress(InetAddress.getByName("93.184.215.14"), port));
            FetchPolicy toPublic =
                    policy().plainHttpOnLoopback(true).resolver(publicDns).build();
            FetchException e = fails(toPublic, FetchRequest.get(URI.create("http://www.example/dev")));
            assertEquals(FetchFailure.INSECURE_SCHEME, e.failure());
            assertTrue(e.getMessage().contains("loopback only"), e.getMessage());
        }
    }

    @Test
    void followsHttpsRedirectsAndReportsTheFinalUri() throws Exception {
        server.route("/.well-known/idp-proxy/default", ScriptedResponse.redirect(302, "https://idp-b.test/proxy/v2"));
        server.route("/proxy/v2", ScriptedResponse.redirect(308, "script.js#ignored"));
        server.route("/proxy/script.js", ScriptedResponse.ok("text/javascript", "rtcIdentityProvider.register({})"));
        URI requested = URI.create("https://idp-a.test/.well-known/idp-proxy/default");

        FetchResult result = new DefaultFetcher(policy().build())
                .fetch(FetchRequest.get(requested).accept("text/javascript"));

        assertEquals(URI.create("https://idp-b.test/proxy/script.js"), result.finalUri());
        assertEquals(requested, result.requestedUri());
        assertEquals(List.of(URI.create("https://idp-b.test/proxy/v2"), result.finalUri()), result.redirects());
        assertEquals(3, server.requestCount());
        assertEquals("idp-b.test", server.requests().get(2).header("host"));
    }

    @Test
    void refusesRedirectChainThatDropsToHttp() {
        try (TestHttpsServer plain = TestHttpsServer.plainHttp()) {
            plain.route("/step", ScriptedResponse.redirect(302, "https://idp-b.test/end"));
            server.route(
                    "/start", ScriptedResponse.redirect(301, plain.uri("/step").toString()));
            server.route("/end", ScriptedResponse.ok("text/plain", "should not be reached"));

            FetchException e = fails(
                    policy().plainHttpOnLoopback(true).build(),
                    FetchRequest.get(URI.create("https://idp-a.test/start")));

            assertEquals(FetchFailure.REDIRECT_DOWNGRADE, e.failure());
            assertEquals(URI.create("https://idp-a.test/start"), e.uri());
            assertEquals(0, plain.requestCount());
            assertEquals(1, server.requestCount());
        }
    }

    @Test
    void stopsAfterTheRedirectLimit() {
        server.route("/loop", ScriptedResponse.redirect(302, "/loop"));

        FetchException e =
                fails(policy().maxRedirects(3).build(), FetchRequest.get(URI.create("https://idp-a.test/loop")));

        assertEquals(FetchFailure.TOO_MANY_REDIRECTS, e.failure());
        assertEquals(4, server.requestCount());
    }

    @Test
    void refusesRedirectWithoutLocation() {
        server.route("/r", ScriptedResponse.status(302));

        FetchException e = fails(policy().build(), FetchRequest.get(URI.create("https://idp-a.test/r")));

        assertEquals(FetchFailure.BAD_REDIRECT, e.failure());
        assertTrue(e.getMessage().contains("without a Location header"), e.getMessage());
    }

    @Test
    void refusesBodiesOverTheLimitWhateverTheFraming() {
        String big = "x".repeat(2048);
        server.route("/length", ScriptedResponse.ok("text/plain", big));
        server.route("/chunked", ScriptedResponse.ok("text/plain", big).chunked(100));
        server.route("/unframed", ScriptedResponse.ok("text/plain", big).noLength());
        FetchPolicy policy = policy().maxBodyBytes(1024).build();

        for (String path : List.of("/length", "/chunked", "/unframed")) {
            FetchException e = fails(policy, FetchRequest.get(URI.create("https://idp-a.test" + path)));
            assertEquals(FetchFailure.TOO_LARGE, e.failure(), path);
            assertTrue(e.getMessage().contains("1024 bytes"), e.getMessage());
        }
    }

    @Test
    void requestLimitTightensThePolicyLimit() {
        server.route("/doc", ScriptedResponse.ok("text/plain", "y".repeat(200)));

        FetchException e = fails(
                policy().build(),
                FetchRequest.get(URI.create("https://idp-a.test/doc")).maxBytes(100));

        assertEquals(FetchFailure.TOO_LARGE, e.failure());
    }

    @Test
    void slowLorisHitsTheTotalTimeout() {
        server.route(
                "/slow", ScriptedResponse.ok("text/plain", "z".repeat(4096)).throttle(1, Duration.ofMillis(20)));
        FetchPolicy policy = policy().readTimeout(Duration.ofSeconds(2))
                .totalTimeout(Duration.ofMillis(600))
                .build();

        long start = System.nanoTime();
        FetchException e = fails(policy, FetchRequest.get(URI.create("https://idp-a.test/slow")));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(FetchFailure.TOTAL_TIMEOUT, e.failure());
        assertTrue(elapsedMillis < 2000, "gave up after " + elapsedMillis + " ms");
    }

    @Test
    void silentServerHitsTheReadTimeout() {
        server.route("/silent", ScriptedResponse.status(200).hangBeforeHeaders());
        FetchPolicy policy = policy().readTimeout(Duration.ofMillis(200)).build();

        FetchException e = fails(policy, FetchRequest.get(URI.create("https://idp-a.test/silent")));

        assertEquals(FetchFailure.READ_TIMEOUT, e.failure());
        assertTrue(e.getMessage().contains("no data for 200 ms"), e.getMessage());
    }

    @Test
    void checksTheContentType() throws Exception {
        server.route("/html", ScriptedResponse.ok("text/html", "<html>"));
        server.route("/none", ScriptedResponse.status(200).body("{}"));
        server.route("/jrd", ScriptedResponse.ok("Application/JRD+JSON; charset=UTF-8", "{}"));
        DefaultFetcher fetcher = new DefaultFetcher(policy().build());

        for (String path : List.of("/html", "/none")) {
            FetchException e = assertThrows(
                    FetchException.class,
                    () -> fetcher.fetch(FetchRequest.get(URI.create("https://idp-a.test" + path))
                            .accept("application/jrd+json")));
            assertEquals(FetchFailure.BAD_CONTENT_TYPE, e.failure(), path);
        }
        FetchResult ok = fetcher.fetch(
                FetchRequest.get(URI.create("https://idp-a.test/jrd")).accept("application/jrd+json"));
        assertEquals("application/jrd+json", ok.mediaType().essence());
        assertEquals(StandardCharsets.UTF_8, ok.mediaType().charsetOrUtf8());
    }

    @Test
    void reportsErrorStatuses() {
        server.route("/boom", ScriptedResponse.status(500).body("internal"));
        DefaultFetcher fetcher = new DefaultFetcher(policy().build());

        FetchException missing = assertThrows(
                FetchException.class, () -> fetcher.fetch(FetchRequest.get(URI.create("https://idp-a.test/missing"))));
        FetchException boom = assertThrows(
                FetchException.class, () -> fetcher.fetch(FetchRequest.get(URI.create("https://idp-a.test/boom"))));

        assertEquals(FetchFailure.HTTP_STATUS, missing.failure());
        assertEquals(404, missing.status());
        assertEquals(500, boom.status());
        assertEquals("http-status: server answered 500 (https://idp-a.test/boom)", boom.getMessage());
    }

    @Test
    void refusesMalformedResponses() {
        server.route(
                "/garbage",
                ScriptedResponse.status(200).raw("SSH-2.0-OpenSSH_9\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));

        FetchException e = fails(policy().build(), FetchRequest.get(URI.create("https://idp-a.test/garbage")));

        assertEquals(FetchFailure.MALFORMED_RESPONSE, e.failure());
    }

    @Test
    void tlsFailuresAreTyped() throws Exception {
        TestCa otherCa = TestCa.create("Someone else");
        try (TestHttpsServer untrusted =
                        TestHttpsServer.https(otherCa.issue("idp-a.test").serverSslContext());
                TestHttpsServer expired =
                        TestHttpsServer.https(ca.issueExpired("idp-a.test").serverSslContext());
                TestHttpsServer wrongName =
                        TestHttpsServer.https(ca.issue("idp-b.test").serverSslContext())) {
            for (TestHttpsServer bad : List.of(untrusted, expired, wrongName)) {
                bad.route("/x", ScriptedResponse.ok("text/plain", "secret"));
                FetchPolicy policy = FetchPolicy.builder()
                        .trustStore(ca.trustStore())
                        .addressPolicy(AddressPolicy.PUBLIC_AND_LOOPBACK)
                        .connectTo(
                                "idp-a.test", 443, new InetSocketAddress(InetAddress.getLoopbackAddress(), bad.port()))
                        .build();
                FetchException e = fails(policy, FetchRequest.get(URI.create("https://idp-a.test/x")));
                assertEquals(FetchFailure.TLS_FAILURE, e.failure(), e.getMessage());
                assertEquals(0, bad.requestCount());
            }
        }
    }

    @Test
    void connectionAndResolutionFailuresAreTyped() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        FetchPolicy refused = policy().connectTo(
                        "idp-c.test", 443, new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort))
                .build();
        assertEquals(
                FetchFailure.CONNECT_FAILED,
                fails(refused, FetchRequest.get(URI.create("https://idp-c.test/")))
                        .failure());

        HostResolver nxdomain = (host, port) -> {
            throw new UnknownHostException(host);
        };
        FetchException unknown =
                fails(policy().resolver(nxdomain).build(), FetchRequest.get(URI.create("https://nowhere.example/")));
        assertEquals(FetchFailure.UNKNOWN_HOST, unknown.failure());
    }

    @Test
    void refusesUrisThatAreNotPlainHttps() {
        FetchPolicy policy = policy().build();
        assertEquals(
                FetchFailure.INVALID_URI,
                fails(policy, FetchRequest.get(URI.create("https://user:pw@idp-a.test/")))
                        .failure());
        assertEquals(
                FetchFailure.INSECURE_SCHEME,
                fails(policy, FetchRequest.get(URI.create("ftp://idp-a.test/"))).failure());
        assertEquals(
                FetchFailure.INVALID_URI,
                fails(policy, FetchRequest.get(URI.create("/relative"))).failure());
        assertEquals(0, server.requestCount());
    }

    @Test
    void sendsOtherMethodsWithHeadersAndBodyAndReturnsAnyStatusWhenAsked() throws Exception {
        server.route("/api/assert", request -> ScriptedResponse.status(401)
                .header("Content-Type", "application/json")
                .body("{\"error\":\"login\"}"));
        byte[] json = "{\"contents\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        FetchRequest post = FetchRequest.of("POST", URI.create("https://idp-a.test/api/assert"), json)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer t0ken")
                .anyStatus();

        FetchResult result = new DefaultFetcher(policy().build()).fetch(post);

        assertEquals(401, result.status());
        assertEquals("{\"error\":\"login\"}", result.text());
        RecordedRequest recorded = server.takeRequest();
        assertEquals("POST", recorded.method());
        assertEquals("{\"contents\":\"x\"}", recorded.bodyText());
        assertEquals("Bearer t0ken", recorded.header("authorization"));
        assertEquals(String.valueOf(json.length), recorded.header("content-length"));
    }

    @Test
    void otherMethodsDoNotFollowRedirects() {
        server.route("/moved", ScriptedResponse.redirect(307, "/elsewhere"));

        FetchException e =
                fails(policy().build(), FetchRequest.of("POST", URI.create("https://idp-a.test/moved"), new byte[0]));

        assertEquals(FetchFailure.HTTP_STATUS, e.failure());
        assertEquals(307, e.status());
        assertEquals(1, server.requestCount());
    }

    @Test
    void refusesHeadersThatWouldReframeTheRequest() {
        for (String name : List.of("Host", "Content-Length", "Transfer-Encoding", "Connection", "Bad Name")) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> FetchRequest.get(IDP_A).header(name, "x"),
                    name);
        }
        assertThrows(
                IllegalArgumentException.class, () -> FetchRequest.get(IDP_A).header("X-Evil", "a\r\nHost: b"));
    }
}
