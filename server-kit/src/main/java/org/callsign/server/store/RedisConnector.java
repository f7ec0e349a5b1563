package org.callsign.server.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How this library reaches a Redis server from {@link RedisStoreOptions}: a small Vert.x instance of its own (one event
 * loop, so that a caller blocked on an application event loop never waits for work queued behind it) and a client
 * with the URL's credentials and database, TLS checked against the trusted CAs and the URL's host name, and RESP2.
 * Shared by {@link RedisKeyValueStore} and the cluster bus, which connect alike.
 */
public final class RedisConnector {

    /**
     * Commands one connection may have sent and not yet had answered: the cluster bus publishes everything on one
     * connection, and the client's default (2,048) made publishes fail under load.
     */
    public static final int MAX_IN_FLIGHT = 1 << 16;

    private RedisConnector() {}

    /** A Vert.x instance for one Redis client: one event loop, no file caching. The caller closes it. */
    public static Vertx vertx() {
        return Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setFileSystemOptions(
                        new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
    }

    /** A client for {@code options}, pooling up to {@code poolSize} connections, of which {@code waiting} may queue. */
    public static Redis client(Vertx vertx, RedisStoreOptions options, int poolSize, int waiting) {
        int timeoutMillis = (int) options.timeout().toMillis();
        NetClientOptions net = new NetClientOptions().setConnectTimeout(timeoutMillis);
        if (options.tls()) {
            net.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
            options.trustStore()
                    .ifPresent(pem -> net.setTrustOptions(new PemTrustOptions().addCertPath(pem.toString())));
        }
        return Redis.createClient(
                vertx,
                new RedisOptions()
                        .setConnectionString(options.url())
                        .setNetClientOptions(net)
                        .setPreferredProtocolVersion(ProtocolVersion.RESP2)
                        .setMaxPoolSize(poolSize)
                        .setMaxPoolWaiting(waiting)
                        .setMaxWaitingHandlers(MAX_IN_FLIGHT));
    }

    /**
     * The start of every failure's message: which server, without the password. Worked out once per client: it parses
     * the URL, which showed in profiles of a cluster node when it was done for every command.
     */
    public static String messagePrefix(RedisStoreOptions options) {
        return "redis " + options.endpoint() + ": ";
    }

    /**
     * Waits up to {@code timeout} for {@code future}; every failure is a {@link StoreException} whose message starts
     * with {@code prefix} and names {@code what} was done.
     */
    public static <T> T await(Future<T> future, Duration timeout, String prefix, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StoreException(prefix + what + " got no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new StoreException(prefix + what + " failed: " + reason(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(prefix + what + " interrupted");
        }
    }

    /** Closes {@code vertx}, waiting up to {@code timeout}: best effort, the connections go with the event loop. */
    public static void close(Vertx vertx, Duration timeout) {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Nothing more to do.
        }
    }

    private static String reason(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
