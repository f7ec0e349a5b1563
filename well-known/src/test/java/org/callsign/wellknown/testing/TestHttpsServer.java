package org.callsign.wellknown.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A scriptable HTTP/1.1 server on 127.0.0.1 for tests of HTTP clients, in the spirit of OkHttp's MockWebServer:
 * script responses per path, run the client, then verify the requests it sent.
 *
 * <p>It serves plain HTTP or TLS from an ephemeral port with one daemon thread accepting and one per connection,
 * answers each connection with one response and then closes it unless the response asks to keep it alive
 * ({@link ScriptedResponse#keepAlive()}), and can misbehave on purpose (see
 * {@link ScriptedResponse}). Unrouted paths get {@code 404} with an empty body. A failed TLS handshake or a client that
 * disconnects ends only its own connection. {@link #close()} closes every socket, so hanging responses end, and waits
 * for all threads, so none leak into the next test.
 */
public final class TestHttpsServer implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final Duration TAKE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final ServerSocket serverSocket;
    private final SSLContext tlsContext;
    private final Map<String, Function<RecordedRequest, ScriptedResponse>> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> received = new ArrayList<>();
    private final BlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> connectionThreads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    private TestHttpsServer(SSLContext tlsContext) throws IOException {
        this.tlsContext = tlsContext;
        this.serverSocket = new ServerSocket();
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        this.acceptor = new Thread(this::acceptLoop, "test-https-server-" + serverSocket.getLocalPort() + "-accept");
        acceptor.setDaemon(true);
    }

    /** A started TLS server presenting the key and chain of {@code serverContext}. */
    public static TestHttpsServer https(SSLContext serverContext) {
        return start(serverContext);
    }

    /** A started plain-HTTP server. */
    public static TestHttpsServer plainHttp() {
        return start(null);
    }

    private static TestHttpsServer start(SSLContext tlsContext) {
        try {
            TestHttpsServer server = new TestHttpsServer(tlsContext);
            server.acceptor.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind test server to 127.0.0.1", e);
        }
    }

    /** The local port the server listens on. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Whether the server speaks TLS. */
    public boolean isTls() {
        return tlsContext != null;
    }

    /** {@code https://127.0.0.1:port} (or {@code http://}) followed by {@code pathAndQuery}. */
    public URI uri(String pathAndQuery) {
        return URI.create((isTls() ? "https" : "http") + "://127.0.0.1:" + port() + pathAndQuery);
    }

    /** Answers requests for {@code path} (query ignored) with whatever {@code handler} returns; replaces any route. */
    public TestHttpsServer route(String path, Function<RecordedRequest, ScriptedResponse> handler) {
        routes.put(path, handler);
        return this;
    }

    /** Answers every request for {@code path} (query ignored) with {@code fixed}. */
    public TestHttpsServer route(String path, ScriptedResponse fixed) {
        return route(path, request -> fixed);
    }

    /** All requests received so far, oldest first. */
    public List<RecordedRequest> requests() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** How many requests have been received so far. */
    public int requestCount() {
        synchronized (received) {
            return received.size();
        }
    }

    /**
     * The oldest request not yet taken, waiting up to 5 seconds for one to arrive.
     *
     * @throws AssertionError if none arrives in time
     */
    public RecordedRequest takeRequest() {
        try {
            RecordedRequest request = untaken.poll(TAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (request == null) {
                throw new AssertionError("no request arrived within " + TAKE_TIMEOUT.toSeconds() + " s");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a request", e);
        }
    }

    /**
     * Stops accepting, closes every open connection and waits for all server threads to end.
     *
     * @throws AssertionError if a thread is still running after 5 seconds (a handler that ignores interrupts)
     */
    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
        awaitEnd(acceptor, deadline);
        // The acceptor has stopped, so no connection starts after this point.
        openSockets.forEach(TestHttpsServer::closeQuietly);
        connectionThreads.forEach(Thread::interrupt);
        for (Thread thread : List.copyOf(connectionThreads)) {
            awaitEnd(thread, deadline);
        }
    }

    private static void awaitEnd(Thread thread, long deadlineNanos) {
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while stopping the test server", e);
        }
        if (thread.isAlive()) {
            throw new AssertionError("test server thread did not stop: " + thread.getName());
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            openSockets.add(socket);
            if (closed) {
                closeQuietly(socket);
                return;
            }
            connectionThreads.removeIf(ended -> !ended.isAlive());
            int number = connectionCount.incrementAndGet();
            Thread thread =
                    new Thread(() -> serve(socket, number), "test-https-server-" + port() + "-connection-" + number);
            thread.setDaemon(true);
            connectionThreads.add(thread);
            thread.start();
        }
    }

    private void serve(Socket plain, int connection) {
        try (plain) {
            // As production servers do (nginx's tcp_nodelay, Vert.x's default): without it, Nagle's algorithm holds
            // the server's second small TLS record until the client's delayed ACK, some 40 ms per exchange.
            plain.setTcpNoDelay(true);
            Socket socket = plain;
            if (tlsContext != null) {
                SSLSocket tls =
                        (SSLSocket) tlsContext.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
                tls.setUseClientMode(false);
                socket = tls;
            }
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (exchange(in, out, connection)) {
                // Kept alive: read the next request on this connection.
            }
            socket.close();
        } catch (IOException | RuntimeException e) {
            // A failed handshake, a client that went away, or close(): this connection is over, the server is not.
        } finally {
            openSockets.remove(plain);
            // Not removed from connectionThreads here: the thread is still alive until it returns, and close() must
            // be able to wait for it. The acceptor forgets threads once they have ended.
        }
    }

    /** Serves one request; true when the connection stays open for another. */
    private boolean exchange(InputStream in, OutputStream out, int connection) throws IOException {
        List<String> head = readHead(in);
        if (head == null) {
            return false;
        }
        if (head.isEmpty()) {
            send(out, ScriptedResponse.status(431));
            return false;
        }
        String[] requestLine = head.get(0).split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/")) {
            send(out, ScriptedResponse.status(400));
            return false;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        String method = requestLine[0];
        byte[] body = readBody(in, headers.get("content-length"));

        RecordedRequest request = remember(method, requestLine[1], headers, body, connection);
        ScriptedResponse response;
        try {
            response = routes.getOrDefault(request.path(), unrouted -> ScriptedResponse.status(404))
                    .apply(request);
        } catch (RuntimeException e) {
            response = ScriptedResponse.status(500).body(e.toString());
        }

        if (response.hangs()) {
            while (in.read() != -1) {
                // Stay silent until the client gives up or close() closes the socket.
            }
            return false;
        }
        sleep(response.headersDelay());
        send(out, response);
        return response.keepsConnection();
    }

    private RecordedRequest remember(
            String method, String target, Map<String, String> headers, byte[] body, int connection) {
        String path = target;
        String query = null;
        if (!target.startsWith("/") && target.contains("://")) {
            URI absolute = URI.create(target);
            path = absolute.getRawPath();
            query = absolute.getRawQuery();
        } else {
            int question = target.indexOf('?');
            if (question >= 0) {
                path = target.substring(0, question);
                query = target.substring(question + 1);
            }
        }
        synchronized (received) {
            RecordedRequest request =
                    new RecordedRequest(method, target, path, query, headers, body, received.size(), connection);
            received.add(request);
            untaken.add(request);
            return request;
        }
    }

    private static void send(OutputStream out, ScriptedResponse response) throws IOException {
        byte[] bytes = response.toBytes();
        int step = response.bytesPerWrite();
        if (step == 0) {
            out.write(bytes);
            out.flush();
            return;
        }
        for (int start = 0; start < bytes.length; start += step) {
            if (start > 0) {
                sleep(response.pause());
            }
            out.write(bytes, start, Math.min(step, bytes.length - start));
            out.flush();
        }
    }

    /**
     * The request line and header lines, up to the blank line; {@code null} if the client closed before sending a
     * complete head, empty if the head is larger than {@value #MAX_HEAD_BYTES} bytes.
     */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        while (true) {
            int b = in.read();
            if (b == -1) {
                return null;
            }
            if (++total > MAX_HEAD_BYTES) {
                return List.of();
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            line.reset();
            if (text.isEmpty()) {
                if (lines.isEmpty()) {
                    continue; // RFC 9112 allows blank lines before the request line.
                }
                return lines;
            }
            lines.add(text);
        }
    }

    /** Reads a request body framed by Content-Length (at most 1 MiB); no length means no body. */
    private static byte[] readBody(InputStream in, String contentLength) throws IOException {
        if (contentLength == null) {
            return new byte[0];
        }
        try {
            int length = Integer.parseInt(contentLength.trim());
            return length < 0 || length > (1 << 20) ? new byte[0] : in.readNBytes(length);
        } catch (NumberFormatException e) {
            return new byte[0];
        }
    }

    private static void sleep(Duration duration) throws IOException {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("test server closed while waiting", e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is best effort.
        }
    }
}
