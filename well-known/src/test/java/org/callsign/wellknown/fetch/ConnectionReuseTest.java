package org.callsign.wellknown.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.callsign.wellknown.testing.LocalDomains;
import org.callsign.wellknown.testing.ScriptedResponse;
import org.callsign.wellknown.testing.TestCa;
import org.callsign.wellknown.testing.TestHttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Persistent connections (RFC 9112 §9.3): which responses leave a connection reusable, and what reuses it. */
class ConnectionReuseTest {
    private static final URI A_ONE = URI.create("https://idp-a.test/one");
    private static final URI A_TWO = URI.create("https://idp-a.test/two");
    private static final URI B_ONE = URI.create("https://idp-b.test/one");
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

    private static ScriptedResponse text(String body) {
        return ScriptedResponse.ok("text/plain", body);
    }

    private DefaultFetcher fetcher() {
        return new DefaultFetcher(domains.policy().build());
    }

    private int connectionOf(int sequence) {
        return server.requests().get(sequence).connection();
    }

    @Test
    void secondRequestToTheSameOriginReusesTheConnection() throws Exception {
        server.route("/one", text("1").keepAlive());
        server.route("/two", text("2").keepAlive());
        DefaultFetcher fetcher = fetcher();

        assertEquals("1", fetcher.fetch(FetchRequest.get(A_ONE)).text());
        assertEquals("2", fetcher.fetch(FetchRequest.get(A_TWO)).text());

        assertEquals(connectionOf(0), connectionOf(1));
        assertNull(server.requests().get(1).header("connection"));
    }

    @Test
    void chunkedResponseLeavesTheConnectionReusable() throws Exception {
        server.route("/one", text("a chunked body").chunked(4).keepAlive());
        server.route("/two", text("2").keepAlive());
        DefaultFetcher fetcher = fetcher();

        assertEquals("a chunked body", fetcher.fetch(FetchRequest.get(A_ONE)).text());
        assertEquals("2", fetcher.fetch(FetchRequest.get(A_TWO)).text());

        assertEquals(connectionOf(0), connectionOf(1));
    }

    @Test
    void connectionCloseFromTheServerIsHonoured() throws Exception {
        server.route("/one", text("1"));
        server.route("/two", text("2"));
        DefaultFetcher fetcher = fetcher();

        fetcher.fetch(FetchRequest.get(A_ONE));
        fetcher.fetch(FetchRequest.get(A_TWO));

        assertNotEquals(connectionOf(0), connectionOf(1));
    }

    @Test
    void bodyEndedByClosingIsNeverFollowedByAnotherRequest() throws Exception {
        server.route("/one", text("until close").noLength().keepAlive());
        server.route("/two", text("2").keepAlive());
        DefaultFetcher fetcher = fetcher();

        assertEquals("until close", fetcher.fetch(FetchRequest.get(A_ONE)).text());
        assertEquals("2", fetcher.fetch(FetchRequest.get(A_TWO)).text());

        assertNotEquals(connectionOf(0), connectionOf(1));
    }

    @Test
    void anotherHostGetsItsOwnConnection() throws Exception {
        server.route("/one", text("1").keepAlive());
        DefaultFetcher fetcher = fetcher();

        fetcher.fetch(FetchRequest.get(A_ONE));
        fetcher.fetch(FetchRequest.get(B_ONE));

        assertNotEquals(connectionOf(0), connectionOf(1));
        assertEquals("idp-b.test", server.requests().get(1).header("host"));
    }

    @Test
    void connectionClosedWhileIdleIsReplacedWithoutAnError() throws Exception {
        // Announces keep-alive but closes right after sending, as a server whose idle timeout passed would.
        byte[] closing = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1\r\n"
                        + "Connection: keep-alive\r\n\r\n1")
                .getBytes(StandardCharsets.ISO_8859_1);
        server.route("/one", ScriptedResponse.status(200).raw(closing));
        server.route("/two", text("2").keepAlive());
        DefaultFetcher fetcher = fetcher();

        assertEquals("1", fetcher.fetch(FetchRequest.get(A_ONE)).text());
        Thread.sleep(50);
        assertEquals("2", fetcher.fetch(FetchRequest.get(A_TWO)).text());

        assertEquals(2, server.requestCount());
        assertNotEquals(connectionOf(0), connectionOf(1));
    }

    @Test
    void postNeverGoesOverAReusedConnection() throws Exception {
        server.route("/one", text("1").keepAlive());
        server.route("/two", text("posted").keepAlive());
        DefaultFetcher fetcher = fetcher();

        fetcher.fetch(FetchRequest.get(A_ONE));
        fetcher.fetch(FetchRequest.of("POST", A_TWO, "x".getBytes(StandardCharsets.UTF_8)));
        fetcher.fetch(FetchRequest.get(A_ONE));

        assertNotEquals(connectionOf(0), connectionOf(1));
        assertEquals(connectionOf(1), connectionOf(2), "the POST's connection is kept for a later GET");
    }

    @Test
    void idleConnectionExpiresAfterTheKeepAliveTime() throws Exception {
        server.route("/one", text("1").keepAlive());
        DefaultFetcher fetcher = new DefaultFetcher(
                domains.policy().keepAlive(Duration.ofMillis(20)).build());

        fetcher.fetch(FetchRequest.get(A_ONE));
        Thread.sleep(60);
        fetcher.fetch(FetchRequest.get(A_ONE));

        assertNotEquals(connectionOf(0), connectionOf(1));
    }

    @Test
    void noIdleConnectionsMeansConnectionClose() throws Exception {
        server.route("/one", text("1").keepAlive());
        DefaultFetcher fetcher =
                new DefaultFetcher(domains.policy().maxIdleConnections(0).build());

        fetcher.fetch(FetchRequest.get(A_ONE));
        fetcher.fetch(FetchRequest.get(A_ONE));

        assertEquals("close", server.requests().get(0).header("connection"));
        assertNotEquals(connectionOf(0), connectionOf(1));
    }

    @Test
    void closeIdleConnectionsForcesANewConnection() throws Exception {
        server.route("/one", text("1").keepAlive());
        DefaultFetcher fetcher = fetcher();

        fetcher.fetch(FetchRequest.get(A_ONE));
        fetcher.closeIdleConnections();
        fetcher.fetch(FetchRequest.get(A_ONE));

        assertNotEquals(connectionOf(0), connectionOf(1));
    }
}
