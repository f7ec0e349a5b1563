package org.callsign.testbed.firefox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP proxy on loopback that only tunnels ({@code CONNECT}, RFC 9110 §9.3.6) to the testbed's names: a browser's
 * {@code --connect-to}. {@code <name>:443} goes to the loopback port {@code routes} gives the name (so the browser
 * sees {@code https://idp-a.test} as the servers are configured to be), {@code <name>:<port>} to that port of
 * {@code 127.0.0.1}; any other host is refused with 403. TLS runs end to end through the tunnel.
 */
final class ConnectProxy implements AutoCloseable {
    private static final Pattern CONNECT = Pattern.compile("^CONNECT ([A-Za-z0-9.-]+):(\\d{1,5}) HTTP/1\\.1\r\n");
    private static final int MAX_HEAD_BYTES = 8192;
    private static final int HTTPS_PORT = 443;

    private final ServerSocket server;
    private final Map<String, Integer> routes;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    private ConnectProxy(Map<String, Integer> routes) throws IOException {
        this.routes = Map.copyOf(routes);
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread("connect-proxy-accept", this::accept);
    }

    /** Starts the proxy for {@code routes}: host name to the loopback port that serves its port 443. */
    static ConnectProxy start(Map<String, Integer> routes) throws IOException {
        return new ConnectProxy(routes);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                thread("connect-proxy-" + client.getPort(), () -> tunnel(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void tunnel(Socket client) {
        try {
            String head = readHead(client.getInputStream());
            Matcher request = CONNECT.matcher(head);
            Integer target = null;
            if (request.find() && routes.containsKey(request.group(1))) {
                int port = Integer.parseInt(request.group(2));
                target = port == HTTPS_PORT ? routes.get(request.group(1)) : Integer.valueOf(port);
            }
            OutputStream toClient = client.getOutputStream();
            if (target == null) {
                toClient.write(
                        "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                client.close();
                return;
            }
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
            sockets.add(upstream);
            toClient.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            toClient.flush();
            thread("connect-proxy-up-" + client.getPort(), () -> pump(client, upstream));
            pump(upstream, client);
        } catch (IOException e) {
            close(client);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && head.size() < MAX_HEAD_BYTES) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4
                    && bytes[n - 4] == '\r'
                    && bytes[n - 3] == '\n'
                    && bytes[n - 2] == '\r'
                    && bytes[n - 1] == '\n') {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // either side closed: end the tunnel
        } finally {
            close(from);
            close(to);
        }
    }

    private void thread(String name, Runnable body) {
        Thread thread = new Thread(
                () -> {
                    try {
                        body.run();
                    } finally {
                        threads.remove(Thread.currentThread());
                    }
                },
                name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        sockets.remove(socket);
    }

    /** Closes the listening socket and every tunnel, and waits for their threads. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        sockets.forEach(this::close);
        try {
            for (Thread thread : threads) {
                thread.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
