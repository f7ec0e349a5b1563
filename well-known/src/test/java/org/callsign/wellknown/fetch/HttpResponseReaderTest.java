package org.callsign.wellknown.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpResponseReaderTest {

    private static HttpResponseReader reader(String response) {
        return new HttpResponseReader(new ByteArrayInputStream(response.getBytes(StandardCharsets.ISO_8859_1)), 1024);
    }

    private static byte[] body(String response, long max) throws Exception {
        HttpResponseReader reader = reader(response);
        return reader.readBody(reader.readHead(), max);
    }

    @Test
    void readsContentLengthBody() throws Exception {
        HttpResponseReader reader =
                reader("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhelloEXTRA");
        ResponseHead head = reader.readHead();
        assertEquals(200, head.status());
        assertEquals(List.of("text/plain"), head.headers().get("content-type"));
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), reader.readBody(head, 100));
    }

    @Test
    void readsChunkedBodyWithExtensionsAndTrailers() throws Exception {
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nX-Trailer: yes\r\n\r\n";
        assertEquals("Wikipedia", new String(body(response, 100), StandardCharsets.US_ASCII));
    }

    @Test
    void readsBodyDelimitedByClose() throws Exception {
        assertEquals(
                "until the end", new String(body("HTTP/1.0 200 OK\n\nuntil the end", 100), StandardCharsets.US_ASCII));
    }

    @Test
    void skipsInterimResponses() throws Exception {
        ResponseHead head = reader("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n")
                .readHead();
        assertEquals(204, head.status());
    }

    @Test
    void headRedirectAndNotModifiedHaveNoBody() throws Exception {
        assertEquals(0, body("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n", 100).length);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            content-length above the limit | HTTP/1.1 200 OK\\r\\nContent-Length: 11\\r\\n\\r\\nhello world
            chunked body above the limit   | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n6\\r\\nhello \\r\\n5\\r\\nworld\\r\\n0\\r\\n\\r\\n
            unframed body above the limit  | HTTP/1.1 200 OK\\r\\n\\r\\nhello world
            """)
    void refusesBodiesAboveTheLimit(String name, String response) {
        HttpProtocolException e =
                assertThrows(HttpProtocolException.class, () -> body(response.translateEscapes(), 10));
        assertEquals(FetchFailure.TOO_LARGE, e.failure());
        assertTrue(e.getMessage().contains("exceeds the limit of 10 bytes"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            not http                       | SSH-2.0-OpenSSH\\r\\n\\r\\n                                                    | not an HTTP/1.x status line
            http/2 preface                 | HTTP/2 200\\r\\n\\r\\n                                                          | not an HTTP/1.x status line
            status with letters            | HTTP/1.1 2x0 OK\\r\\n\\r\\n                                                     | bad status code
            header without colon           | HTTP/1.1 200 OK\\r\\nbroken header\\r\\n\\r\\n                                  | bad header line
            obsolete line folding          | HTTP/1.1 200 OK\\r\\nA: b\\r\\n c\\r\\n\\r\\n                                    | bad header line
            closed in headers              | HTTP/1.1 200 OK\\r\\nA: b\\r\\n                                                  | connection closed inside the headers
            empty response                 |                                                                                  | connection closed before a response
            conflicting lengths            | HTTP/1.1 200 OK\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n\\r\\nab       | conflicting content-length
            negative length                | HTTP/1.1 200 OK\\r\\nContent-Length: -1\\r\\n\\r\\n                              | bad content-length
            short body                     | HTTP/1.1 200 OK\\r\\nContent-Length: 9\\r\\n\\r\\nabc                            | body ended after 3 of 9 bytes
            gzip transfer coding           | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n                 | unsupported transfer-encoding
            bad chunk size                 | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\n               | bad chunk size
            chunk without crlf             | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n1\\r\\nab\\r\\n0\\r\\n\\r\\n | chunk not followed by CRLF
            truncated chunk                | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n5\\r\\nab            | connection closed inside a chunk
            """)
    void refusesMalformedResponses(String name, String response, String message) {
        String raw = response == null ? "" : response.translateEscapes();
        HttpProtocolException e = assertThrows(HttpProtocolException.class, () -> body(raw, 100));
        assertEquals(FetchFailure.MALFORMED_RESPONSE, e.failure());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void refusesOversizedHeads() {
        String response = "HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(2000) + "\r\n\r\n";
        HttpProtocolException e =
                assertThrows(HttpProtocolException.class, () -> reader(response).readHead());
        assertEquals(FetchFailure.HEADERS_TOO_LARGE, e.failure());
        assertEquals("response head exceeds 1024 bytes", e.getMessage());
    }

    @Test
    void refusesTooManyHeaderFields() {
        String response = "HTTP/1.1 200 OK\r\n" + "A: b\r\n".repeat(HttpResponseReader.MAX_HEADER_COUNT + 1) + "\r\n";
        HttpResponseReader reader = new HttpResponseReader(
                new ByteArrayInputStream(response.getBytes(StandardCharsets.ISO_8859_1)), 64 * 1024);
        HttpProtocolException e = assertThrows(HttpProtocolException.class, reader::readHead);
        assertEquals(FetchFailure.HEADERS_TOO_LARGE, e.failure());
    }
}
