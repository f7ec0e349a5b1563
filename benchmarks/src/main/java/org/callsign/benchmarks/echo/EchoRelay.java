package org.callsign.benchmarks.echo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The relay benchmark's floor: the least a WebSocket relay can do on the stack signaling-server runs on (Vert.x and
 * Netty, without Quarkus). A device connects to {@code /relay?id=<id>} and is greeted with {@code {"type":"welcome"}};
 * a text message whose top-level {@code to} names a connected device is written to that device's socket unchanged;
 * anything else is dropped. No authentication, no checks, no answer to the sender. The only work per message is
 * finding {@code to} with Jackson's streaming parser, which stops there. Every other path answers plain HTTP
 * {@code 200 ok}, the readiness check.
 *
 * <p>Like Quarkus's HTTP server, it runs one server verticle per event loop (Vert.x's default pool: twice the
 * cores), all sharing the port and one map of sockets.
 *
 * <p>Usage: {@code EchoRelay <port>}, on 127.0.0.1; it runs until it is stopped. {@code benchmarks/run-relay-compare}
 * starts it as a child JVM with signaling-server's flags.
 */
public final class EchoRelay implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    private final Vertx vertx;
    private final int port;

    private EchoRelay(Vertx vertx, int port) {
        this.vertx = vertx;
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        EchoRelay relay = start(Integer.parseInt(args[0]));
        System.out.printf("echo relay on 127.0.0.1:%d, %d event loops%n", relay.port, eventLoops());
        new CountDownLatch(1).await();
    }

    /** Starts the relay on 127.0.0.1:{@code port} and waits until it listens. */
    public static EchoRelay start(int port) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops()));
        Map<String, ServerWebSocket> sockets = new ConcurrentHashMap<>();
        vertx.deployVerticle(() -> new Listener(sockets, port), new DeploymentOptions().setInstances(eventLoops()))
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        return new EchoRelay(vertx, port);
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** The top-level {@code to} of a JSON object, or {@code null}. */
    static String destination(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("to")) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static int eventLoops() {
        return VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
    }

    /** One server verticle: all instances share the port (Vert.x balances connections between them). */
    private static final class Listener extends AbstractVerticle {
        private final Map<String, ServerWebSocket> sockets;
        private final int port;

        Listener(Map<String, ServerWebSocket> sockets, int port) {
            this.sockets = sockets;
            this.port = port;
        }

        @Override
        public void start(Promise<Void> started) {
            vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                    .webSocketHandler(this::connected)
                    .requestHandler(request -> request.response().end("ok"))
                    .listen()
                    .<Void>mapEmpty()
                    .onComplete(started);
        }

        private void connected(ServerWebSocket socket) {
            String id = idOf(socket.query());
            if (!"/relay".equals(socket.path()) || id == null) {
                socket.reject(400);
                return;
            }
            sockets.put(id, socket);
            socket.closeHandler(ignored -> sockets.remove(id, socket));
            socket.textMessageHandler(text -> {
                String to = destination(text);
                ServerWebSocket target = to == null ? null : sockets.get(to);
                if (target != null) {
                    target.writeTextMessage(text);
                }
            });
            socket.writeTextMessage("{\"type\":\"welcome\"}");
        }

        private static String idOf(String query) {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                if (pair.startsWith("id=") && pair.length() > 3) {
                    return URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }
}
