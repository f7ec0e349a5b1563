package org.callsign.wellknown.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One response that {@link TestHttpsServer} plays back: a status line, headers and a body, plus the misbehaviour a test
 * needs (chunked or close-delimited framing, slow writes, a server that never answers, raw malformed bytes).
 *
 * <p>Instances are immutable; every method returns a changed copy, so a response can be shared between routes and
 * requests. Unless told otherwise the server adds {@code Content-Length} (when it applies) and {@code Connection:
 * close}; headers set explicitly with {@link #header} take precedence over these automatic ones.
 */
public final class ScriptedResponse {

    private enum Framing {
        CONTENT_LENGTH,
        CHUNKED,
        CLOSE_DELIMITED
    }

    private record Field(String name, String value) {}

    private final int code;
    private final List<Field> headers;
    private final byte[] body;
    private final Framing framing;
    private final int chunkSize;
    private final int bytesPerWrite;
    private final Duration pause;
    private final boolean hang;
    private final byte[] raw;
    private final Duration headersDelay;

    private ScriptedResponse(
            int code,
            List<Field> headers,
            byte[] body,
            Framing framing,
            int chunkSize,
            int bytesPerWrite,
            Duration pause,
            boolean hang,
            byte[] raw,
            Duration headersDelay) {
        this.code = code;
        this.headers = List.copyOf(headers);
        this.body = body;
        this.framing = framing;
        this.chunkSize = chunkSize;
        this.bytesPerWrite = bytesPerWrite;
        this.pause = pause;
        this.hang = hang;
        this.raw = raw;
        this.headersDelay = headersDelay;
    }

    /** A response with this status code, no headers and an empty body. */
    public static ScriptedResponse status(int code) {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("status code must have three digits: " + code);
        }
        return new ScriptedResponse(
                code, List.of(), new byte[0], Framing.CONTENT_LENGTH, 0, 0, Duration.ZERO, false, null, Duration.ZERO);
    }

    /** {@code 200 OK} with this {@code Content-Type} and UTF-8 body. */
    public static ScriptedResponse ok(String contentType, String body) {
        return status(200).header("Content-Type", contentType).body(body);
    }

    /** A redirect with this status code (301, 302, 303, 307, 308, ...) and {@code Location}. */
    public static ScriptedResponse redirect(int code, String location) {
        return status(code).header("Location", location);
    }

    /** This response with one more header; repeated names are sent repeatedly, in the order added. */
    public ScriptedResponse header(String name, String value) {
        List<Field> more = new ArrayList<>(headers);
        more.add(new Field(name, value));
        return new ScriptedResponse(
                code, more, body, framing, chunkSize, bytesPerWrite, pause, hang, raw, headersDelay);
    }

    /** This response with a UTF-8 body. */
    public ScriptedResponse body(String utf8) {
        return body(utf8.getBytes(StandardCharsets.UTF_8));
    }

    /** This response with a body of these bytes. */
    public ScriptedResponse body(byte[] bytes) {
        return new ScriptedResponse(
                code, headers, bytes.clone(), framing, chunkSize, bytesPerWrite, pause, hang, raw, headersDelay);
    }

    /** This response sent with {@code Transfer-Encoding: chunked}, in chunks of at most {@code chunkSize} bytes. */
    public ScriptedResponse chunked(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive: " + chunkSize);
        }
        return new ScriptedResponse(
                code, headers, body, Framing.CHUNKED, chunkSize, bytesPerWrite, pause, hang, raw, headersDelay);
    }

    /**
     * This response with {@code Connection: keep-alive}: the server keeps the connection open for the client's next
     * request (as long as the response is framed by its length or chunking), instead of closing it.
     */
    public ScriptedResponse keepAlive() {
        return header("Connection", "keep-alive");
    }

    /** This response without {@code Content-Length}: the body ends when the server closes the connection. */
    public ScriptedResponse noLength() {
        return new ScriptedResponse(
                code, headers, body, Framing.CLOSE_DELIMITED, 0, bytesPerWrite, pause, hang, raw, headersDelay);
    }

    /**
     * This response written {@code bytesPerWrite} bytes at a time (status line and headers included), flushing and
     * sleeping {@code pause} between writes, like a slow-loris server.
     */
    public ScriptedResponse throttle(int bytesPerWrite, Duration pause) {
        if (bytesPerWrite < 1 || pause.isNegative()) {
            throw new IllegalArgumentException("throttle needs bytesPerWrite > 0 and a non-negative pause");
        }
        return new ScriptedResponse(
                code, headers, body, framing, chunkSize, bytesPerWrite, pause, hang, raw, headersDelay);
    }

    /** This response never sent: the server reads the request, then stays silent until the client or server closes. */
    public ScriptedResponse hangBeforeHeaders() {
        return new ScriptedResponse(
                code, headers, body, framing, chunkSize, bytesPerWrite, pause, true, raw, headersDelay);
    }

    /** Exactly these bytes as the whole response, for malformed responses; status, headers and body are ignored. */
    public ScriptedResponse raw(byte[] bytes) {
        return new ScriptedResponse(
                code, headers, body, framing, chunkSize, bytesPerWrite, pause, hang, bytes.clone(), headersDelay);
    }

    /** This response sent only after waiting {@code delay} once the request has been read. */
    public ScriptedResponse delayHeaders(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return new ScriptedResponse(code, headers, body, framing, chunkSize, bytesPerWrite, pause, hang, raw, delay);
    }

    /** The status code. */
    public int code() {
        return code;
    }

    boolean hangs() {
        return hang;
    }

    Duration headersDelay() {
        return headersDelay;
    }

    /** Bytes per write when throttled, or {@code 0} to write everything at once. */
    int bytesPerWrite() {
        return bytesPerWrite;
    }

    Duration pause() {
        return pause;
    }

    /** The complete response as sent on the wire. */
    byte[] toBytes() {
        if (raw != null) {
            return raw.clone();
        }
        StringBuilder head = new StringBuilder();
        head.append("HTTP/1.1 ")
                .append(code)
                .append(' ')
                .append(reasonPhrase(code))
                .append("\r\n");
        for (Field field : headers) {
            head.append(field.name()).append(": ").append(field.value()).append("\r\n");
        }
        if (framing == Framing.CHUNKED && !hasHeader("Transfer-Encoding")) {
            head.append("Transfer-Encoding: chunked\r\n");
        }
        if (framing == Framing.CONTENT_LENGTH && mayHaveBody() && !hasHeader("Content-Length")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (!hasHeader("Connection")) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (framing == Framing.CHUNKED) {
            for (int start = 0; start < body.length; start += chunkSize) {
                int length = Math.min(chunkSize, body.length - start);
                out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, start, length);
                out.writeBytes(crlf());
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private boolean mayHaveBody() {
        return code >= 200 && code != 204 && code != 304;
    }

    /** Whether the server reads another request on the connection after sending this response. */
    boolean keepsConnection() {
        return raw == null
                && !hang
                && framing != Framing.CLOSE_DELIMITED
                && headers.stream()
                        .anyMatch(field -> field.name().equalsIgnoreCase("Connection")
                                && field.value().equalsIgnoreCase("keep-alive"));
    }

    private boolean hasHeader(String name) {
        return headers.stream().anyMatch(field -> field.name().equalsIgnoreCase(name));
    }

    private static byte[] crlf() {
        return new byte[] {'\r', '\n'};
    }

    static String reasonPhrase(int code) {
        return switch (code) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 206 -> "Partial Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 408 -> "Request Timeout";
            case 410 -> "Gone";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }

    @Override
    public String toString() {
        return raw != null
                ? "ScriptedResponse[raw " + raw.length + " bytes]"
                : "ScriptedResponse[" + code + ", " + body.length + " body bytes, "
                        + framing.name().toLowerCase(Locale.ROOT) + "]";
    }
}
