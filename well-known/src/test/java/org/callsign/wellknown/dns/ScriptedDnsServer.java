package org.callsign.wellknown.dns;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DNS server on 127.0.0.1 for tests that answers each query, over UDP and over TCP on the same port, with
 * what a script returns: script, run, verify. A script returning {@code null} stays silent. The query is
 * handed to the script parsed, with the client's address, so that a script can also send forged datagrams.
 */
final class ScriptedDnsServer implements AutoCloseable {
    /** What to send back for one query; {@code null} for nothing. */
    @FunctionalInterface
    interface Script {
        byte[] reply(Request request) throws IOException;
    }

    /** A received query. */
    record Request(DnsQuery query, SocketAddress client, boolean tcp) {}

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Script udpScript;
    private final Script tcpScript;
    private final AtomicInteger udpQueries = new AtomicInteger();
    private final AtomicInteger tcpQueries = new AtomicInteger();

    ScriptedDnsServer(Script udpScript, Script tcpScript) throws IOException {
        this.udpScript = udpScript;
        this.tcpScript = tcpScript;
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        DatagramSocket datagrams = null;
        ServerSocket streams = null;
        // The same port for both, as DNS servers have; retry if another process holds the TCP side.
        for (int i = 0; i < 20 && streams == null; i++) {
            datagrams = new DatagramSocket(new InetSocketAddress(loopback, 0));
            try {
                streams = new ServerSocket(datagrams.getLocalPort(), 16, loopback);
            } catch (IOException e) {
                datagrams.close();
            }
        }
        if (streams == null) {
            throw new IOException("no free port for both UDP and TCP on 127.0.0.1");
        }
        this.udp = datagrams;
        this.tcp = streams;
        start("udp", this::serveUdp);
        start("tcp", this::serveTcp);
    }

    /** A server that answers UDP only; TCP connections are accepted and closed. */
    ScriptedDnsServer(Script udpScript) throws IOException {
        this(udpScript, request -> null);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    int udpQueries() {
        return udpQueries.get();
    }

    int tcpQueries() {
        return tcpQueries.get();
    }

    /** Sends {@code message} to {@code client} from another port of 127.0.0.1, as a spoofer would. */
    static void sendFromElsewhere(byte[] message, SocketAddress client) throws IOException {
        try (DatagramSocket forger = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            forger.send(new DatagramPacket(message, message.length, client));
        }
    }

    /** Sends {@code message} to {@code client} from this server's port, ahead of the scripted reply. */
    void sendFromServer(byte[] message, SocketAddress client) throws IOException {
        udp.send(new DatagramPacket(message, message.length, client));
    }

    private void start(String name, ThrowingRunnable loop) {
        Thread thread = new Thread(
                () -> {
                    try {
                        loop.run();
                    } catch (IOException e) {
                        // closed
                    }
                },
                "scripted-dns-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private interface ThrowingRunnable {
        void run() throws IOException;
    }

    private void serveUdp() throws IOException {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            udp.receive(packet);
            udpQueries.incrementAndGet();
            byte[] reply =
                    udpScript.reply(new Request(parse(buffer, packet.getLength()), packet.getSocketAddress(), false));
            if (reply != null) {
                udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            }
        }
    }

    private void serveTcp() throws IOException {
        while (!tcp.isClosed()) {
            try (Socket socket = tcp.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                tcpQueries.incrementAndGet();
                byte[] reply =
                        tcpScript.reply(new Request(parse(query, query.length), socket.getRemoteSocketAddress(), true));
                if (reply != null) {
                    OutputStream out = socket.getOutputStream();
                    out.write(reply);
                    out.flush();
                }
            } catch (IOException e) {
                if (tcp.isClosed()) {
                    throw e;
                }
            }
        }
    }

    /** Frames a message for TCP: its length in two octets, then the message (RFC 1035 §4.2.2). */
    static byte[] framed(byte[] message) {
        byte[] framed = new byte[message.length + 2];
        framed[0] = (byte) (message.length >>> 8);
        framed[1] = (byte) message.length;
        System.arraycopy(message, 0, framed, 2, message.length);
        return framed;
    }

    /** Reads the id and question name of a query this client sent. */
    private static DnsQuery parse(byte[] message, int length) throws IOException {
        try {
            DnsReader reader = new DnsReader(message, length);
            int id = reader.u16();
            reader.skip(10);
            return new DnsQuery(id, reader.name());
        } catch (DnsProtocolException e) {
            throw new IOException("not a query: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        udp.close();
        tcp.close();
    }
}
