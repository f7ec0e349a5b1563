package org.callsign.wellknown.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestHttpsServerTest {

    private static TestCa ca;

    @BeforeAll
    static void createCa() {
        ca = TestCa.create("Callsign Test CA");
    }

    @Test
    void servesOverTlsWithCertificateForIpAddress() throws IOException {
        ServerIdentity identity = ca.issue("127.0.0.1");
        try (TestHttpsServer server = TestHttpsServer.https(identity.serverSslContext())) {
            server.route("/.well-known/host-meta", ScriptedResponse.ok("application/json", "{\"ok\":true}"));

            Response response = get(server.uri("/.well-known/host-meta?resource=acct%3Aa%40b"), ca.clientSslContext());

            assertTrue(server.isTls());
            assertEquals(200, response.code());
            assertEquals("application/json", response.contentType());
            assertEquals("{\"ok\":true}", response.body());
            RecordedRequest request = server.takeRequest();
            assertEquals("GET", request.method());
            assertEquals("/.well-known/host-meta?resource=acct%3Aa%40b", request.target());
            assertEquals("/.well-known/host-meta", request.path());
            assertEquals("resource=acct%3Aa%40b", request.query());
            assertEquals("application/json", request.header("Accept"));
            assertEquals("close", request.headers().get("connection"));
            assertEquals("127.0.0.1:" + server.port(), request.header("host"));
            assertEquals(0, request.sequence());
        }
    }

    @Test
    void chunkedBodyArrivesIntact() throws IOException {
        String body = "0123456789abcdefghijklmnopqrstuvwxyz-é-".repeat(50);
        try (TestHttpsServer server = TestHttpsServer.plainHttp()) {
            server.route(
                    "/chunks",
                    ScriptedResponse.ok("text/plain; charset=utf-8", body).chunked(7));

            Response response = get(server.uri("/chunks"), null);

            assertEquals(200, response.code());
            assertEquals("chunked", response.transferEncoding());
            assertEquals(body, response.body());
        }
    }

    @Test
    void throttledCloseDelimitedResponseArrivesIntactOverTls() throws IOException {
        try (TestHttpsServer server =
                TestHttpsServer.https(ca.issue("localhost", "127.0.0.1").serverSslContext())) {
            server.route(
                    "/slow",
                    ScriptedResponse.ok("text/plain", "slowly").noLength().throttle(16, Duration.ofMillis(1)));

            assertEquals(
                    "slowly", get(server.uri("/slow"), ca.clientSslContext()).body());
        }
    }

    @Test
    void unknownPathIsNotFound() throws IOException {
        try (TestHttpsServer server = TestHttpsServer.plainHttp()) {
            server.route("/known", ScriptedResponse.ok("text/plain", "known"));

            Response response = get(server.uri("/unknown"), null);

            assertEquals(404, response.code());
            assertEquals("", response.body());
            assertEquals("/unknown", server.takeRequest().path());
        }
    }

    @Test
    void takeRequestReturnsRequestsInOrder() throws IOException {
        try (TestHttpsServer server = TestHttpsServer.plainHttp()) {
            server.route("/a", request -> ScriptedResponse.ok("text/plain", "seen " + request.query()));

            assertEquals("seen n=1", get(server.uri("/a?n=1"), null).body());
            get(server.uri("/b"), null);
            assertEquals("seen null", get(server.uri("/a"), null).body());

            assertEquals(3, server.requestCount());
            RecordedRequest first = server.takeRequest();
            RecordedRequest second = server.takeRequest();
            RecordedRequest third = server.takeRequest();
            assertEquals(List.of("/a?n=1", "/b", "/a"), List.of(first.target(), second.target(), third.target()));
            assertEquals(List.of(0, 1, 2), List.of(first.sequence(), second.sequence(), third.sequence()));
            assertNull(third.query());
            assertEquals(List.of(first, second, third), server.requests());
        }
    }

    @Test
    void rejectedHandshakesDoNotStopTheServer() throws IOException {
        TestCa otherCa = TestCa.create("Other CA");
        ServerIdentity expired = ca.issueExpired("127.0.0.1");
        try (TestHttpsServer untrusted =
                        TestHttpsServer.https(otherCa.issue("127.0.0.1").serverSslContext());
                TestHttpsServer outdated = TestHttpsServer.https(expired.serverSslContext())) {
            untrusted.route("/", ScriptedResponse.ok("text/plain", "hello"));

            assertThrows(SSLHandshakeException.class, () -> get(untrusted.uri("/"), ca.clientSslContext()));
            SSLHandshakeException rejected =
                    assertThrows(SSLHandshakeException.class, () -> get(outdated.uri("/"), ca.clientSslContext()));
            assertTrue(causes(rejected).anyMatch(CertificateExpiredException.class::isInstance), "expired");
            assertEquals(
                    "hello", get(untrusted.uri("/"), otherCa.clientSslContext()).body());
            assertEquals(1, untrusted.requestCount());
            assertEquals(0, outdated.requestCount());
        }
    }

    @Test
    void hangingResponseTimesOutClientAndCloseReturnsPromptly() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            String threadPrefix;
            try (TestHttpsServer server = TestHttpsServer.plainHttp()) {
                threadPrefix = "test-https-server-" + server.port() + "-";
                server.route("/hang", ScriptedResponse.status(200).hangBeforeHeaders());
                HttpURLConnection connection =
                        (HttpURLConnection) server.uri("/hang").toURL().openConnection();
                connection.setReadTimeout(200);

                assertThrows(SocketTimeoutException.class, connection::getResponseCode);
                assertEquals("/hang", server.takeRequest().path());
            }
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(thread -> thread.getName().startsWith(threadPrefix)));
        });
    }

    private record Response(int code, String contentType, String transferEncoding, String body) {}

    /** A GET with {@code Connection: close} and {@code Accept: application/json}; TLS uses {@code tls} if given. */
    private static Response get(URI uri, SSLContext tls) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        if (tls != null) {
            ((HttpsURLConnection) connection).setSSLSocketFactory(tls.getSocketFactory());
        }
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(5_000);
        connection.setRequestProperty("Connection", "close");
        connection.setRequestProperty("Accept", "application/json");
        try {
            int code = connection.getResponseCode();
            InputStream stream = code >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = stream == null ? "" : readAll(stream);
            return new Response(
                    code, connection.getContentType(), connection.getHeaderField("Transfer-Encoding"), body);
        } finally {
            connection.disconnect();
        }
    }

    private static Stream<Throwable> causes(Throwable thrown) {
        return Stream.iterate(thrown, Objects::nonNull, Throwable::getCause);
    }

    private static String readAll(InputStream stream) throws IOException {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
