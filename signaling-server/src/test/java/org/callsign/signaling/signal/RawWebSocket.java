package org.callsign.signaling.signal;

import io.restassured.RestAssured;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A WebSocket client that does only what a test tells it to (RFC 6455 by hand): it completes the handshake and then
 * reads frames, never answering a ping. For testing what the server does with a peer that has gone silent.
 */
public final class RawWebSocket implements AutoCloseable {
    private static final int PING = 0x9;
    private static final int CLOSE = 0x8;

    private final Socket socket;
    private final DataInputStream in;
    private int pings;

    /** A frame as read: its opcode and payload. */
    public record Frame(int opcode, byte[] payload) {

        /** The status code of a close frame. */
        public int closeCode() {
            return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }

        /** The payload as text. */
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Connects to {@code /ws?query} with a bearer token and reads the handshake's answer, which must be 101. */
    public static RawWebSocket connect(String query, String token, Duration readTimeout) throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout((int) readTimeout.toMillis());
        String request = "GET /ws?" + query + " HTTP/1.1\r\n"
                + "Host: localhost:" + RestAssured.port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        RawWebSocket raw = new RawWebSocket(socket);
        String status = raw.line();
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("handshake answered " + status);
        }
        while (!raw.line().isEmpty()) {
            // the response's headers
        }
        return raw;
    }

    /** The next frame (unmasked, as a server sends it). */
    public Frame next() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    /** Reads frames until a close frame, counting the pings left unanswered; returns the close frame. */
    public Frame untilClose() throws IOException {
        Frame frame = next();
        while (frame.opcode() != CLOSE) {
            if (frame.opcode() == PING) {
                pings++;
            }
            frame = next();
        }
        return frame;
    }

    /** Pings received (and not answered) so far. */
    public int pings() {
        return pings;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed in the handshake");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
