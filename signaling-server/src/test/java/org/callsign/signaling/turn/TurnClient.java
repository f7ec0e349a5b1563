package org.callsign.signaling.turn;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Just enough of a TURN client (RFC 8656 over RFC 8489 STUN, UDP) to ask a real TURN server for an allocation with
 * long-term credentials: Allocate, the 401 with realm and nonce, Allocate again with MESSAGE-INTEGRITY.
 */
final class TurnClient implements AutoCloseable {
    static final int BINDING_REQUEST = 0x0001;
    static final int BINDING_SUCCESS = 0x0101;
    static final int ALLOCATE_REQUEST = 0x0003;
    static final int ALLOCATE_SUCCESS = 0x0103;
    static final int ALLOCATE_ERROR = 0x0113;

    static final int USERNAME = 0x0006;
    static final int MESSAGE_INTEGRITY = 0x0008;
    static final int ERROR_CODE = 0x0009;
    static final int REALM = 0x0014;
    static final int NONCE = 0x0015;
    static final int XOR_RELAYED_ADDRESS = 0x0016;
    static final int REQUESTED_TRANSPORT = 0x0019;

    private static final Pattern TURN_URL = Pattern.compile("turn:([0-9.]+):([0-9]+)(?:\\?.*)?");
    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A STUN message: its type and attributes by type (the last of a repeated type wins). */
    record Message(int type, Map<Integer, byte[]> attributes) {
        int errorCode() {
            byte[] value = attributes.get(ERROR_CODE);
            return value == null ? 0 : (value[2] & 0x07) * 100 + (value[3] & 0xff);
        }

        String text(int attribute) {
            byte[] value = attributes.get(attribute);
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }
    }

    private final DatagramSocket socket;
    private final InetSocketAddress server;

    TurnClient(InetSocketAddress server) throws IOException {
        this.server = server;
        this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(500);
    }

    /** The address of a {@code turn:host:port…} URL with a literal IP address, as the test's coturn has. */
    static InetSocketAddress addressOf(String url) {
        Matcher matcher = TURN_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a turn:<ip>:<port> URL: " + url);
        }
        return new InetSocketAddress(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }

    /** A Binding request: answers once the server is up. */
    Message binding() throws IOException {
        return exchange(encode(BINDING_REQUEST, new LinkedHashMap<>(), null));
    }

    /** The allocation dance with {@code username} and {@code password}; returns the final answer. */
    Message allocate(String username, String password) throws IOException {
        Map<Integer, byte[]> attributes = new LinkedHashMap<>();
        attributes.put(REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0});
        Message challenge = exchange(encode(ALLOCATE_REQUEST, attributes, null));
        if (challenge.errorCode() != 401) {
            return challenge;
        }
        String realm = challenge.text(REALM);
        attributes.put(USERNAME, username.getBytes(StandardCharsets.UTF_8));
        attributes.put(REALM, challenge.attributes().get(REALM));
        attributes.put(NONCE, challenge.attributes().get(NONCE));
        byte[] key = md5(username + ":" + realm + ":" + password);
        return exchange(encode(ALLOCATE_REQUEST, attributes, key));
    }

    private Message exchange(byte[] request) throws IOException {
        byte[] transaction = Arrays.copyOfRange(request, 8, 20);
        for (int attempt = 0; attempt < 6; attempt++) {
            socket.send(new DatagramPacket(request, request.length, server));
            byte[] buffer = new byte[2048];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue; // UDP: retransmit (RFC 8489 §6.2.1)
            }
            ByteBuffer in = ByteBuffer.wrap(packet.getData(), 0, packet.getLength());
            int type = in.getShort() & 0xffff;
            int length = in.getShort() & 0xffff;
            if (in.getInt() != MAGIC_COOKIE) {
                throw new IOException("not a STUN message");
            }
            byte[] id = new byte[12];
            in.get(id);
            if (!Arrays.equals(id, transaction)) {
                continue;
            }
            Map<Integer, byte[]> attributes = new LinkedHashMap<>();
            int end = 20 + length;
            while (in.position() + 4 <= end) {
                int attribute = in.getShort() & 0xffff;
                byte[] value = new byte[in.getShort() & 0xffff];
                in.get(value);
                in.position(in.position() + (4 - value.length % 4) % 4);
                attributes.put(attribute, value);
            }
            return new Message(type, attributes);
        }
        throw new SocketTimeoutException("no answer from the TURN server at " + server);
    }

    /** Encodes a request; with a key, MESSAGE-INTEGRITY (HMAC-SHA1, RFC 8489 §14.5) comes last. */
    private static byte[] encode(int type, Map<Integer, byte[]> attributes, byte[] key) {
        ByteBuffer out = ByteBuffer.allocate(1024);
        out.putShort((short) type).putShort((short) 0).putInt(MAGIC_COOKIE);
        byte[] transaction = new byte[12];
        RANDOM.nextBytes(transaction);
        out.put(transaction);
        attributes.forEach((attribute, value) -> {
            out.putShort(attribute.shortValue()).putShort((short) value.length).put(value);
            out.put(new byte[(4 - value.length % 4) % 4]);
        });
        if (key != null) {
            // The length covers MESSAGE-INTEGRITY itself while the HMAC is computed.
            out.putShort(2, (short) (out.position() - 20 + 24));
            byte[] hmac = hmacSha1(key, Arrays.copyOf(out.array(), out.position()));
            out.putShort((short) MESSAGE_INTEGRITY).putShort((short) 20).put(hmac);
        }
        out.putShort(2, (short) (out.position() - 20));
        return Arrays.copyOf(out.array(), out.position());
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmacSha1(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
