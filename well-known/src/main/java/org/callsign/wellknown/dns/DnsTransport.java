package org.callsign.wellknown.dns;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * One query to one server, over UDP or TCP (RFC 1035 §4.2), bounded by a deadline on {@link System#nanoTime()}.
 * Timeouts are {@link SocketTimeoutException}s, other socket errors {@link IOException}s, unusable answers
 * {@link DnsProtocolException}s.
 *
 * <p>Over UDP each query has its own socket on a port the operating system picks at random, and a datagram
 * counts as the answer only if it comes from the server's address and port and echoes the query's id and
 * question (RFC 5452 §4, §9.1); anything else is dropped and the wait goes on until the deadline.
 */
final class DnsTransport {
    /** Largest UDP message without EDNS (RFC 1035 §4.2.1). */
    static final int MAX_UDP_BYTES = 512;

    private final int maxTcpBytes;

    DnsTransport(int maxTcpBytes) {
        this.maxTcpBytes = maxTcpBytes;
    }

    DnsResponse udp(InetSocketAddress server, DnsQuery query, long deadline) throws IOException, DnsProtocolException {
        byte[] message = query.encode();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(message, message.length, server));
            // One octet more than allowed, so that an oversized datagram shows instead of being cut silently.
            byte[] buffer = new byte[MAX_UDP_BYTES + 1];
            while (true) {
                socket.setSoTimeout(millisLeft(deadline));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                if (!server.getAddress().equals(packet.getAddress()) || server.getPort() != packet.getPort()) {
                    continue;
                }
                int length = packet.getLength();
                try {
                    DnsResponse response = DnsResponse.parse(buffer, length, query);
                    if (length <= MAX_UDP_BYTES) {
                        return response;
                    }
                } catch (DnsProtocolException e) {
                    if (e.unrelated()) {
                        continue;
                    }
                    if (length <= MAX_UDP_BYTES) {
                        throw e;
                    }
                }
                // The answer to this query by id and question, but longer than a UDP answer may be.
                throw DnsProtocolException.tooLarge("UDP response larger than " + MAX_UDP_BYTES + " octets");
            }
        }
    }

    DnsResponse tcp(InetSocketAddress server, DnsQuery query, long deadline) throws IOException, DnsProtocolException {
        byte[] message = query.encode();
        try (Socket socket = new Socket()) {
            socket.connect(server, millisLeft(deadline));
            OutputStream out = socket.getOutputStream();
            byte[] framed = new byte[2 + message.length];
            framed[0] = (byte) (message.length >>> 8);
            framed[1] = (byte) message.length;
            System.arraycopy(message, 0, framed, 2, message.length);
            out.write(framed);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] prefix = readFully(socket, in, 2, deadline);
            int length = ((prefix[0] & 0xff) << 8) | (prefix[1] & 0xff);
            if (length > maxTcpBytes) {
                throw DnsProtocolException.tooLarge(
                        "TCP response of " + length + " octets exceeds the limit of " + maxTcpBytes);
            }
            byte[] response = readFully(socket, in, length, deadline);
            try {
                DnsResponse parsed = DnsResponse.parse(response, length, query);
                if (parsed.truncated()) {
                    throw DnsProtocolException.malformed("TC flag set over TCP");
                }
                return parsed;
            } catch (DnsProtocolException e) {
                // Over TCP there is no one else on the connection: an unrelated answer is a broken one.
                throw e.unrelated() ? DnsProtocolException.malformed(e.getMessage()) : e;
            }
        }
    }

    private static byte[] readFully(Socket socket, InputStream in, int count, long deadline)
            throws IOException, DnsProtocolException {
        byte[] bytes = new byte[count];
        int read = 0;
        while (read < count) {
            socket.setSoTimeout(millisLeft(deadline));
            int n;
            try {
                n = in.read(bytes, read, count - read);
            } catch (EOFException e) {
                n = -1;
            }
            if (n < 0) {
                throw DnsProtocolException.malformed(
                        "TCP connection closed after " + read + " of " + count + " octets");
            }
            read += n;
        }
        return bytes;
    }

    /** Milliseconds until {@code deadline}, at least 1 (0 would mean no timeout); throws once it has passed. */
    private static int millisLeft(long deadline) throws SocketTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left)));
    }
}
