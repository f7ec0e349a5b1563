package org.callsign.benchmarks.idp;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Where the load generator sends its requests: {@code https} (with a client {@link SSLContext} that trusts the
 * server's test CA) or plain {@code http}, on loopback.
 *
 * @param scheme {@code https} or {@code http}
 * @param host the name the certificate is checked against and the {@code Host} header names
 * @param address the address connected to
 * @param port the port
 * @param tls the client TLS context, or {@code null} for plain HTTP
 */
record Endpoint(String scheme, String host, InetAddress address, int port, SSLContext tls) {

    /** An HTTP/1.1 request as bytes, ready to be sent as often as needed; {@code body} may be {@code null}. */
    byte[] request(String method, String path, Map<String, String> headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append(':')
                .append(port)
                .append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ")
                    .append(content.length)
                    .append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(content);
        return bytes.toByteArray();
    }

    /** {@code scheme://host:port}. */
    String origin() {
        return scheme + "://" + host + ":" + port;
    }
}
