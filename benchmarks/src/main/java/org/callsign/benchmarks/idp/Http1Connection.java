package org.callsign.benchmarks.idp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One persistent HTTP/1.1 connection (keep-alive, {@code TCP_NODELAY}), over TLS or not: a request out, its response
 * in, then the next request on the same connection. Just enough HTTP for idp-server's JSON answers
 * ({@code Content-Length} or chunked bodies, {@code Connection: close}). A blocking socket per client costs the load
 * generator less CPU per request than {@code java.net.http}'s selector and executor threads, and on two cores every
 * cycle the client spends is taken from the server.
 */
final class Http1Connection implements Closeable {
    private static final int TIMEOUT_MILLIS = 30_000;
    private static final int MAX_LINE = 8192;

    /**
     * A response.
     *
     * @param status the status code
     * @param body the body, de-chunked
     */
    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Endpoint endpoint;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int connects;

    Http1Connection(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Sends {@code request} (from {@link Endpoint#request}) and reads the response; connects first if needed. */
    Response exchange(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(request);
        out.flush();
        return read();
    }

    /** How many times this connection was opened: 1 if the server kept it alive throughout. */
    int connects() {
        return connects;
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    private void connect() throws IOException {
        Socket raw = new Socket();
        raw.setTcpNoDelay(true);
        raw.setSoTimeout(TIMEOUT_MILLIS);
        raw.connect(new InetSocketAddress(endpoint.address(), endpoint.port()), TIMEOUT_MILLIS);
        Socket connected = raw;
        if (endpoint.tls() != null) {
            SSLSocket tls = (SSLSocket)
                    endpoint.tls().getSocketFactory().createSocket(raw, endpoint.host(), endpoint.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            connected = tls;
        }
        socket = connected;
        in = new BufferedInputStream(connected.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(connected.getOutputStream(), 16 * 1024);
        connects++;
    }

    private Response read() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, Math.max(colon, 0)).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> close = value.contains("close");
                default -> {
                    // Not needed.
                }
            }
        }
        byte[] body;
        if (chunked) {
            body = chunkedBody();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new EOFException("body ended after " + body.length + " of " + length + " bytes");
            }
        } else {
            body = in.readAllBytes();
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(status, body);
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int chunk = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (chunk == 0) {
                while (!line().isEmpty()) {
                    // Trailers are not needed.
                }
                return body.toByteArray();
            }
            byte[] bytes = in.readNBytes(chunk);
            if (bytes.length != chunk) {
                throw new EOFException("chunk ended after " + bytes.length + " of " + chunk + " bytes");
            }
            body.writeBytes(bytes);
            line();
        }
    }

    /** One line without its CRLF, as ASCII. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() == MAX_LINE) {
                throw new IOException("response line longer than " + MAX_LINE + " characters");
            }
            line.append((char) b);
        }
    }
}
