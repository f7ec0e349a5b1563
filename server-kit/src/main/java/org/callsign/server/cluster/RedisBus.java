package org.callsign.server.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.callsign.server.store.RedisConnector;
import org.callsign.server.store.RedisStoreOptions;
import org.callsign.server.store.StoreException;

/**
 * Messages between the processes that share one Redis, over its publish/subscribe channels, plus the plain commands
 * (keys with a time to live, scripts) that a cluster needs beside them.
 *
 * <p>Order: every message is published on one connection, in the order {@link #publish} was called, and Redis hands
 * the messages of one publishing connection to a subscriber in that order; so what one thread publishes to a channel
 * in sequence arrives in sequence. Loss: Redis keeps nothing for a subscriber that is not connected, so a message
 * published while the subscription is down is lost. The bus says so: {@link Listener#lost()} is called when the
 * subscription breaks, before it is made again, and the owner must treat everything it had in flight as gone. A
 * publish that fails (no connection, an error) calls its failure handler.
 *
 * <p>The bus runs on its own small Vert.x instance ({@link RedisConnector}); {@link Listener} methods run on its one
 * event loop, one at a time, and must not block. {@link #call} blocks the calling thread up to the timeout of the
 * options; its commands go through {@link RedisCommands}, on an event loop of their own, so that they never wait behind
 * the messages. Failures name the endpoint, never the password.
 */
public final class RedisBus implements AutoCloseable {

    /** Connections kept for {@link #call}. */
    public static final int POOL_SIZE = 4;

    /**
     * Connections for the messages: the publishing and the subscribing one, and room for their replacements while a
     * lost one is let go.
     */
    static final int MESSAGING_POOL_SIZE = 4;

    /** The first wait before connecting again after a loss; it doubles up to {@link #MAX_RECONNECT_MILLIS}. */
    public static final long FIRST_RECONNECT_MILLIS = 50;

    /** The longest wait between attempts to connect again. */
    public static final long MAX_RECONNECT_MILLIS = 2_000;

    /**
     * The most characters of messages that may be waiting to be published: given to {@link #publish} and not yet
     * answered by Redis. A publish that would go past it fails at once, so that a node whose bus falls behind (its
     * event loop or Redis slower than what is published) does not hold an unbounded backlog.
     */
    public static final long MAX_PENDING_CHARS = 32L << 20;

    private final RedisStoreOptions options;
    private final String prefix;
    private final List<String> channels;
    private final Listener listener;
    private final Vertx vertx;
    private final Context context;
    private final Redis redis;
    private final RedisCommands commands;
    private final long maxPendingChars;
    private final AtomicLong pendingChars = new AtomicLong();
    // Touched only on the event loop.
    private RedisConnection subscriber;
    private RedisConnection publisher;
    private long subscriberRetryMillis = FIRST_RECONNECT_MILLIS;
    private long publisherRetryMillis = FIRST_RECONNECT_MILLIS;
    private volatile boolean subscribed;
    private volatile boolean closed;

    private RedisBus(RedisStoreOptions options, List<String> channels, Listener listener, long maxPendingChars) {
        this.maxPendingChars = maxPendingChars;
        this.options = options;
        this.prefix = RedisConnector.messagePrefix(options);
        this.channels = List.copyOf(channels);
        this.listener = listener;
        this.vertx = RedisConnector.vertx();
        this.context = vertx.getOrCreateContext();
        this.redis = RedisConnector.client(vertx, options, MESSAGING_POOL_SIZE, 16);
        this.commands = new RedisCommands(options, POOL_SIZE);
    }

    /**
     * Connects, subscribes to {@code channels} and waits until the subscription is in place.
     *
     * @throws StoreException if the server cannot be reached within the timeout
     */
    public static RedisBus open(RedisStoreOptions options, List<String> channels, Listener listener) {
        return open(options, channels, listener, MAX_PENDING_CHARS);
    }

    /** As {@link #open(RedisStoreOptions, List, Listener)}, with another bound on what waits to be published. */
    static RedisBus open(RedisStoreOptions options, List<String> channels, Listener listener, long maxPendingChars) {
        Objects.requireNonNull(listener, "listener");
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a bus needs at least one channel");
        }
        if (maxPendingChars <= 0) {
            throw new IllegalArgumentException("maxPendingChars must be positive: " + maxPendingChars);
        }
        RedisBus bus = new RedisBus(options, channels, listener, maxPendingChars);
        try {
            bus.await(Future.<Void>future(done -> bus.context.runOnContext(ignored -> bus.start(done))), "subscribing");
            return bus;
        } catch (RuntimeException e) {
            bus.close();
            throw e;
        }
    }

    /** Whether the subscription is in place now. */
    public boolean subscribed() {
        return subscribed;
    }

    /**
     * Publishes {@code message} to {@code channel}, after every message published before this call returned.
     * Returns at once; if the message cannot be published, {@code failed} is called on the bus's event loop. It
     * cannot be when the bus is not connected, and when the messages waiting to be published would, with it, come to
     * more than {@link #MAX_PENDING_CHARS} characters.
     */
    public void publish(String channel, String message, Consumer<Throwable> failed) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(message, "message");
        long length = message.length();
        if (pendingChars.addAndGet(length) > maxPendingChars) {
            pendingChars.addAndGet(-length);
            context.runOnContext(ignored -> failed.accept(new StoreException(
                    prefix + "not published: " + maxPendingChars + " characters of messages wait to be published")));
            return;
        }
        context.runOnContext(ignored -> {
            RedisConnection connection = publisher;
            if (connection == null) {
                pendingChars.addAndGet(-length);
                failed.accept(new StoreException(prefix + "not connected"));
                return;
            }
            connection
                    .send(Request.cmd(Command.PUBLISH).arg(channel).arg(message))
                    .onComplete(published -> {
                        pendingChars.addAndGet(-length);
                        if (published.failed()) {
                            failed.accept(published.cause());
                        }
                    });
        });
    }

    /** Characters of the messages given to {@link #publish} that Redis has not yet answered. */
    long pendingChars() {
        return pendingChars.get();
    }

    /** Sends one command on a pooled connection and waits for the answer. */
    public Response call(Request request, String what) {
        if (closed) {
            throw new StoreException(prefix + "the bus is closed");
        }
        return commands.call(request, what);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscribed = false;
        commands.close();
        RedisConnector.close(vertx, options.timeout());
    }

    @Override
    public String toString() {
        return "redis bus " + options.endpoint();
    }

    private void start(Promise<Void> done) {
        connectPublisher();
        connectSubscriber(done);
    }

    private void connectSubscriber(Promise<Void> done) {
        if (closed) {
            return;
        }
        redis.connect()
                .compose(connection -> {
                    connection.handler(this::onPush);
                    connection.exceptionHandler(failure -> subscriptionLost(connection));
                    connection.endHandler(ignored -> subscriptionLost(connection));
                    subscriber = connection;
                    Request subscribe = Request.cmd(Command.SUBSCRIBE);
                    channels.forEach(subscribe::arg);
                    return connection.send(subscribe).map(ignored -> connection);
                })
                .onSuccess(connection -> {
                    subscriberRetryMillis = FIRST_RECONNECT_MILLIS;
                    subscribed = true;
                    if (done != null) {
                        done.tryComplete();
                    }
                })
                .onFailure(failure -> {
                    if (done != null) {
                        done.tryFail(failure);
                        return;
                    }
                    RedisConnection connection = subscriber;
                    if (connection != null) {
                        subscriber = null;
                        connection.close();
                    }
                    retrySubscriber();
                });
    }

    private void subscriptionLost(RedisConnection connection) {
        if (subscriber != connection) {
            return; // already handled
        }
        subscriber = null;
        subscribed = false;
        connection.close();
        if (closed) {
            return;
        }
        listener.lost();
        retrySubscriber();
    }

    private void retrySubscriber() {
        if (closed) {
            return;
        }
        long wait = subscriberRetryMillis;
        subscriberRetryMillis = Math.min(wait * 2, MAX_RECONNECT_MILLIS);
        vertx.setTimer(wait, ignored -> connectSubscriber(null));
    }

    private void connectPublisher() {
        if (closed) {
            return;
        }
        redis.connect()
                .onSuccess(connection -> {
                    publisherRetryMillis = FIRST_RECONNECT_MILLIS;
                    publisher = connection;
                    connection.exceptionHandler(failure -> publisherLost(connection));
                    connection.endHandler(ignored -> publisherLost(connection));
                })
                .onFailure(failure -> retryPublisher());
    }

    private void publisherLost(RedisConnection connection) {
        if (publisher != connection) {
            return;
        }
        publisher = null;
        connection.close();
        retryPublisher();
    }

    private void retryPublisher() {
        if (closed) {
            return;
        }
        long wait = publisherRetryMillis;
        publisherRetryMillis = Math.min(wait * 2, MAX_RECONNECT_MILLIS);
        vertx.setTimer(wait, ignored -> connectPublisher());
    }

    /** A message pushed on the subscribing connection: RESP2 {@code ["message", channel, payload]}. */
    private void onPush(Response push) {
        if (push == null || push.type() != ResponseType.MULTI || push.size() != 3) {
            return;
        }
        if (!"message".equals(push.get(0).toString(UTF_8))) {
            return; // subscribe confirmations
        }
        try {
            listener.message(push.get(1).toString(UTF_8), push.get(2).toString(UTF_8));
        } catch (RuntimeException e) {
            // A listener's failure must not end the subscription.
            System.getLogger(RedisBus.class.getName())
                    .log(System.Logger.Level.ERROR, "cluster message handler failed", e);
        }
    }

    private <T> T await(Future<T> future, String what) {
        return RedisConnector.await(future, options.timeout(), prefix, what);
    }

    /** What a bus tells its owner. Both methods run on the bus's event loop and must not block. */
    public interface Listener {

        /** A message arrived on one of the subscribed channels. */
        void message(String channel, String message);

        /** The subscription broke: messages published from now until it is back are never seen. */
        void lost();
    }
}
