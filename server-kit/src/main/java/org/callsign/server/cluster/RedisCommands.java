package org.callsign.server.cluster;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.callsign.server.store.RedisConnector;
import org.callsign.server.store.RedisStoreOptions;
import org.callsign.server.store.StoreException;

/**
 * Plain Redis commands, each waited for, on a pool of connections served by an event loop of their own
 * ({@link RedisConnector}). Separate loops keep kinds of traffic apart: a command sent here never queues behind what
 * another loop has to do, such as the thousands of messages a {@link RedisBus} publishes and receives when its node is
 * overloaded, so a cluster node's heartbeat still lands in time. Failures name the endpoint, never the password.
 */
public final class RedisCommands implements AutoCloseable {
    private final RedisStoreOptions options;
    private final String prefix;
    private final Vertx vertx;
    private final Redis redis;
    private volatile boolean closed;

    /** A pool of up to {@code poolSize} connections to the server of {@code options}, connected on first use. */
    public RedisCommands(RedisStoreOptions options, int poolSize) {
        this.options = options;
        this.prefix = RedisConnector.messagePrefix(options);
        this.vertx = RedisConnector.vertx();
        this.redis = RedisConnector.client(vertx, options, poolSize, 1024);
    }

    /**
     * Sends one command and waits for the answer, up to the timeout of the options.
     *
     * @throws StoreException if it fails, gets no answer in time, or this is closed; the message names {@code what}
     */
    public Response call(Request request, String what) {
        if (closed) {
            throw new StoreException(prefix + "closed");
        }
        return RedisConnector.await(redis.send(request), options.timeout(), prefix, what);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            RedisConnector.close(vertx, options.timeout());
        }
    }
}
