package org.callsign.wellknown.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.x response (RFC 9112). Every length is bounded before bytes are buffered: the head by
 * {@code maxHeaderBytes}, the body by {@code maxBodyBytes} whether it is framed by {@code Content-Length},
 * chunked, or by closing. {@link #reusable} tells whether the connection may carry another request (§9.3).
 */
final class HttpResponseReader {
    static final int MAX_HEADER_COUNT = 100;
    static final int MAX_CHUNK_LINE = 1024;

    private final InputStream in;
    private final int maxHeaderBytes;
    private boolean http11;
    private boolean bodyFramed;

    HttpResponseReader(InputStream in, int maxHeaderBytes) {
        this.in = in;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /** Reads the status line and headers, skipping interim 1xx responses. */
    ResponseHead readHead() throws IOException {
        while (true) {
            int[] budget = {maxHeaderBytes};
            String statusLine = readLine(budget, FetchFailure.HEADERS_TOO_LARGE);
            if (statusLine == null) {
                throw new HttpProtocolException(FetchFailure.MALFORMED_RESPONSE, "connection closed before a response");
            }
            int status = parseStatus(statusLine);
            Map<String, List<String>> headers = readFields(budget);
            http11 = statusLine.startsWith("HTTP/1.1 ");
            if (status >= 200) {
                return new ResponseHead(status, headers);
            }
        }
    }

    /** Reads the body that {@code head} announces, refusing more than {@code maxBodyBytes}. */
    byte[] readBody(ResponseHead head, long maxBodyBytes) throws IOException {
        if (!head.hasBody()) {
            bodyFramed = true;
            return new byte[0];
        }
        List<String> encodings = head.headers().getOrDefault("transfer-encoding", List.of());
        if (!encodings.isEmpty()) {
            String codings =
                    String.join(",", encodings).toLowerCase(Locale.ROOT).replace(" ", "");
            if (!codings.equals("chunked")) {
                throw new HttpProtocolException(
                        FetchFailure.MALFORMED_RESPONSE, "unsupported transfer-encoding: " + printable(codings));
            }
            byte[] body = readChunked(maxBodyBytes);
            bodyFramed = true;
            return body;
        }
        List<String> lengths = head.headers().getOrDefault("content-length", List.of());
        if (!lengths.isEmpty()) {
            byte[] body = readFixed(contentLength(lengths), maxBodyBytes);
            bodyFramed = true;
            return body;
        }
        return readToEnd(maxBodyBytes);
    }

    /**
     * Whether the connection may carry another request after {@code head} and the body read by
     * {@link #readBody}: an HTTP/1.1 response whose body ended by its framing rather than by closing, without
     * {@code Connection: close}, and with nothing sent after it.
     */
    boolean reusable(ResponseHead head) throws IOException {
        if (!http11 || !bodyFramed || in.available() > 0) {
            return false;
        }
        for (String value : head.headers().getOrDefault("connection", List.of())) {
            for (String option : value.split(",")) {
                if (option.trim().equalsIgnoreCase("close")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int parseStatus(String line) throws HttpProtocolException {
        if (!line.startsWith("HTTP/1.")
                || line.length() < 12
                || line.charAt(8) != ' '
                || !(line.length() == 12 || line.charAt(12) == ' ')) {
            throw new HttpProtocolException(
                    FetchFailure.MALFORMED_RESPONSE, "not an HTTP/1.x status line: " + printable(line));
        }
        String code = line.substring(9, 12);
        if (!code.chars().allMatch(c -> c >= '0' && c <= '9') || code.charAt(0) == '0') {
            throw new HttpProtocolException(FetchFailure.MALFORMED_RESPONSE, "bad status code: " + printable(code));
        }
        return Integer.parseInt(code);
    }

    private Map<String, List<String>> readFields(int[] budget) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int count = 0;
        while (true) {
            String line = readLine(budget, FetchFailure.HEADERS_TOO_LARGE);
            if (line == null) {
                throw new HttpProtocolException(
                        FetchFailure.MALFORMED_RESPONSE, "connection closed inside the headers");
            }
            if (line.isEmpty()) {
                return headers;
            }
            if (++count > MAX_HEADER_COUNT) {
                throw new HttpProtocolException(
                        FetchFailure.HEADERS_TOO_LARGE, "more than " + MAX_HEADER_COUNT + " header fields");
            }
            int colon = line.indexOf(':');
            if (colon <= 0
                    || line.charAt(0) == ' '
                    || line.charAt(0) == '\t'
                    || line.substring(0, colon).contains(" ")) {
                throw new HttpProtocolException(FetchFailure.MALFORMED_RESPONSE, "bad header line: " + printable(line));
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
    }

    private static long contentLength(List<String> values) throws HttpProtocolException {
        long length = -1;
        for (String value : values) {
            for (String part : value.split(",")) {
                String digits = part.trim();
                if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new HttpProtocolException(
                            FetchFailure.MALFORMED_RESPONSE, "bad content-length: " + printable(value));
                }
                long parsed = Long.parseLong(digits);
                if (length != -1 && parsed != length) {
                    throw new HttpProtocolException(
                            FetchFailure.MALFORMED_RESPONSE, "conflicting content-length values");
                }
                length = parsed;
            }
        }
        return length;
    }

    private byte[] readFixed(long length, long max) throws IOException {
        if (length > max) {
            throw tooLarge(max, "content-length " + length);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new HttpProtocolException(
                    FetchFailure.MALFORMED_RESPONSE, "body ended after " + body.length + " of " + length + " bytes");
        }
        return body;
    }

    private byte[] readToEnd(long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(Long.MAX_VALUE, max, out, true);
        return out.toByteArray();
    }

    private byte[] readChunked(long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int[] lineBudget = {MAX_CHUNK_LINE};
            String line = readLine(lineBudget, FetchFailure.MALFORMED_RESPONSE);
            if (line == null) {
                throw new HttpProtocolException(
                        FetchFailure.MALFORMED_RESPONSE, "connection closed inside a chunked body");
            }
            int semicolon = line.indexOf(';');
            String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
            if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new HttpProtocolException(FetchFailure.MALFORMED_RESPONSE, "bad chunk size: " + printable(line));
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                readFields(new int[] {maxHeaderBytes});
                return out.toByteArray();
            }
            if (out.size() + size > max) {
                throw tooLarge(max, "chunked body");
            }
            copy(size, max, out, false);
            int next = in.read();
            if (next == '\r') {
                next = in.read();
            }
            if (next != '\n') {
                throw new HttpProtocolException(FetchFailure.MALFORMED_RESPONSE, "chunk not followed by CRLF");
            }
        }
    }

    private void copy(long count, long max, ByteArrayOutputStream out, boolean untilEnd) throws IOException {
        byte[] buffer = new byte[8192];
        long remaining = count;
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                if (untilEnd) {
                    return;
                }
                throw new HttpProtocolException(FetchFailure.MALFORMED_RESPONSE, "connection closed inside a chunk");
            }
            if (out.size() + n > max) {
                throw tooLarge(max, "body");
            }
            out.write(buffer, 0, n);
            remaining -= n;
        }
    }

    /** Reads a line ending in LF (CR before it dropped); {@code null} at end of stream before any byte. */
    private String readLine(int[] budget, FetchFailure whenTooLong) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new HttpProtocolException(FetchFailure.MALFORMED_RESPONSE, "connection closed mid-line");
            }
            if (--budget[0] < 0) {
                throw new HttpProtocolException(
                        whenTooLong,
                        whenTooLong == FetchFailure.HEADERS_TOO_LARGE
                                ? "response head exceeds " + maxHeaderBytes + " bytes"
                                : "line too long");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
    }

    private static HttpProtocolException tooLarge(long max, String what) {
        return new HttpProtocolException(FetchFailure.TOO_LARGE, what + " exceeds the limit of " + max + " bytes");
    }

    private static String printable(String value) {
        String cut = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
