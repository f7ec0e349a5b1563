package org.callsign.signaling.cluster.service;

import io.quarkus.runtime.Startup;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.callsign.server.cluster.RedisBus;
import org.callsign.server.limit.FailureBackoff;
import org.callsign.server.limit.Lockouts;
import org.callsign.server.limit.RedisLockouts;
import org.callsign.server.limit.RedisTokenBuckets;
import org.callsign.server.limit.RequestRateLimiter;
import org.callsign.server.limit.TokenBuckets;
import org.callsign.server.secret.OpaqueTokens;
import org.callsign.server.store.RedisStoreOptions;
import org.callsign.server.store.StoreException;
import org.callsign.server.store.StoreKind;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.federation.signature.InMemoryReplayCache;
import org.callsign.signaling.federation.signature.RedisReplayCache;
import org.callsign.signaling.federation.signature.ReplayCache;
import org.callsign.signaling.store.StoreProducer;
import org.jboss.logging.Logger;

/**
 * This process as one node of a cluster that shares a Redis store (docs/operations.md), or, with {@code
 * cluster.enabled=false} (the default), as the only one: then every client is at home here and nothing is sent.
 *
 * <p>Membership ({@link NodeMembership}): the node has a random id and a key {@code <prefix>node:<id>} that it sets
 * every heartbeat with a time to live of {@code cluster.node-timeout}; a node whose key has expired is dead. If this
 * node finds its own key gone (the others took it for dead and took its clients over), it is fenced: the
 * {@linkplain #onFenced fenced handlers} close what it held, and it sets its key again.
 *
 * <p>Homes: a client's signaling (its devices' lines, sessions, held messages, presence) lives on one node, its home,
 * named by the key {@code <prefix>home:<client>}. The first node that needs the client claims it; a home whose node is
 * dead is taken over by the next one that asks ({@link #CLAIM_SCRIPT}, atomic in Redis).
 *
 * <p>Messages: each node subscribes to {@code <prefix>to:<id>} for what is sent to it and to {@code <prefix>nodes}
 * for {@link Frame.Type#EVENT}s. Handlers run on the bus's event loop and must not block.
 */
@Singleton
@Startup
public class ClusterNode {
    private static final Logger LOG = Logger.getLogger(ClusterNode.class);
    private final AtomicBoolean left = new AtomicBoolean();

    /**
     * Returns the home of a client, claiming it for {@code ARGV[1]} if it has none or its node is dead. {@code
     * KEYS[1]}: the home key; {@code ARGV[2]}: the prefix of node keys.
     */
    static final String CLAIM_SCRIPT =
            """
            local home = redis.call('GET', KEYS[1])
            if home and home ~= ARGV[1] and redis.call('EXISTS', ARGV[2] .. home) == 1 then
              return home
            end
            redis.call('SET', KEYS[1], ARGV[1])
            return ARGV[1]
            """;

    private final String id = OpaqueTokens.newSecret().substring(0, 16);
    private final boolean enabled;
    private final String prefix;
    private final RedisBus bus;
    private final NodeMembership membership;
    private final ExecutorService workers;
    private final Map<Frame.Type, Consumer<Frame>> handlers = new EnumMap<>(Frame.Type.class);
    private final List<Runnable> linksLost = new CopyOnWriteArrayList<>();

    public ClusterNode(SignalingConfig config) {
        SignalingConfig.Cluster cluster = config.cluster();
        this.enabled = cluster.enabled();
        if (!enabled) {
            this.prefix = "";
            this.bus = null;
            this.membership = null;
            this.workers = null;
            return;
        }
        if (config.store().kind().orElse(StoreKind.EMBEDDED) != StoreKind.REDIS) {
            throw new IllegalStateException(
                    "callsign.signaling.cluster.enabled needs callsign.signaling.store.kind=redis");
        }
        if (cluster.nodeTimeout().compareTo(cluster.heartbeat().multipliedBy(3)) < 0) {
            throw new IllegalStateException(
                    "callsign.signaling.cluster.node-timeout must be at least three heartbeats");
        }
        RedisStoreOptions options = config.store().redisOptions("callsign.signaling.store", StoreProducer.KEY_PREFIX);
        this.prefix = options.keyPrefix();
        this.workers = Executors.newFixedThreadPool(WORKERS, NodeMembership.threads("callsign-cluster-"));
        this.membership = new NodeMembership(id, options, cluster.nodeTimeout());
        RedisBus opened = null;
        try {
            opened = RedisBus.open(options, List.of(channel(id), prefix + "nodes"), new Listener());
            membership.join(cluster.heartbeat());
        } catch (RuntimeException e) {
            membership.close();
            if (opened != null) {
                opened.close();
            }
            workers.shutdownNow();
            throw e;
        }
        this.bus = opened;
        LOG.infof("cluster node %s joined on %s", id, bus);
    }

    /** Threads that run what frames ask for, which may block (a store call); see {@link SerialExecutor}. */
    public static final int WORKERS = 16;

    /** Whether this node shares its clients with others. */
    public boolean enabled() {
        return enabled;
    }

    /** The node's id: random, new at each start. */
    public String id() {
        return id;
    }

    /**
     * The node where {@code clientId}'s signaling lives: this one if the cluster is off, the client has no live home
     * yet (it is claimed), or it is here.
     *
     * @throws StoreException if Redis does not answer
     */
    public String homeOf(String clientId) {
        if (!enabled) {
            return id;
        }
        Request claim = Request.cmd(Command.EVAL)
                .arg(CLAIM_SCRIPT)
                .arg(1)
                .arg(homeKey(clientId))
                .arg(id)
                .arg(membership.nodeKey(""));
        return bus.call(claim, "finding the home of a client").toString();
    }

    /**
     * Whether this node is a live member now: subscribed, and its last heartbeat written (after a fencing, once it
     * has closed what it held and joined again).
     */
    public boolean member() {
        return !enabled || (bus.subscribed() && membership.written());
    }

    /**
     * Runs one Redis command for a feature that keeps state of its own in the cluster's Redis (under {@link #key}).
     *
     * @throws IllegalStateException if the cluster is off
     * @throws StoreException if Redis does not answer
     */
    public Response call(Request request, String what) {
        if (!enabled) {
            throw new IllegalStateException("the cluster is off");
        }
        return bus.call(request, what);
    }

    /** The Redis key that names the home of {@code clientId}: {@code <prefix>home:<client>}. */
    public String homeKey(String clientId) {
        return prefix + "home:" + clientId;
    }

    /** The Redis key {@code name} under the deployment's prefix. */
    public String key(String name) {
        return prefix + name;
    }

    /** Where work that frames ask for runs: a pool, off the bus's event loop. */
    public Executor workers() {
        return workers;
    }

    /**
     * Records, on a cluster, that this node holds the {@code kind} of thing filed under {@code key} (a call, a WHIP
     * session) of client {@code owner} (or of none, if {@code null}), so that requests about it reach this node
     * whichever node they arrive at, for {@code ttl} at most; should this node die, they go to the owner's home
     * ({@link HeldRoute}).
     *
     * @throws StoreException if Redis does not answer
     */
    public void hold(String kind, String key, Duration ttl, String owner) {
        if (enabled) {
            bus.call(
                    Request.cmd(Command.SET)
                            .arg(heldKey(kind, key))
                            .arg(owner == null ? id : id + " " + owner)
                            .arg("PX")
                            .arg(ttl.toMillis()),
                    "recording a " + kind);
        }
    }

    /** Forgets, on a cluster, that this node holds the {@code kind} of thing filed under {@code key}; best effort. */
    public void release(String kind, String key) {
        if (!enabled) {
            return;
        }
        try {
            bus.call(Request.cmd(Command.DEL).arg(heldKey(kind, key)), "forgetting a " + kind);
        } catch (StoreException e) {
            LOG.debugf("could not forget a %s: %s", kind, e.getMessage()); // it expires
        }
    }

    /**
     * Who holds the {@code kind} of thing filed under {@code key}, and whether that node is alive; empty if the cluster
     * is off or no node holds it.
     *
     * @throws StoreException if Redis does not answer
     */
    public Optional<Holding> holding(String kind, String key) {
        if (!enabled) {
            return Optional.empty();
        }
        Response value = bus.call(Request.cmd(Command.GET).arg(heldKey(kind, key)), "finding a " + kind);
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.toString().split(" ", 2);
        String node = parts[0];
        boolean alive = node.equals(id)
                || bus.call(Request.cmd(Command.EXISTS).arg(membership.nodeKey(node)), "checking a node")
                                .toLong()
                        == 1;
        return Optional.of(new Holding(node, parts.length == 2 ? parts[1] : null, alive));
    }

    /**
     * A node's hold of a thing ({@link #hold}).
     *
     * @param node the node that recorded it
     * @param owner the client it is of, or {@code null}
     * @param alive whether the node is alive (this one always is)
     */
    public record Holding(String node, String owner, boolean alive) {}

    /**
     * Token buckets named {@code name}: in Redis and shared by every node when the cluster is on, else in memory.
     */
    public TokenBuckets tokenBuckets(String name, int capacity, Duration period, Clock clock) {
        return enabled
                ? new RedisTokenBuckets(bus, prefix + "limit:" + name + ":", capacity, period)
                : new RequestRateLimiter(capacity, period, clock);
    }

    /** Lockouts named {@code name}: in Redis and shared by every node when the cluster is on, else in memory. */
    public Lockouts lockouts(String name, int threshold, Duration lockout, Duration maxLockout, Clock clock) {
        return enabled
                ? new RedisLockouts(bus, prefix + "lockout:" + name + ":", threshold, lockout, maxLockout)
                : new FailureBackoff(threshold, lockout, maxLockout, clock);
    }

    /** The federation replay cache: in Redis and shared by every node when the cluster is on, else in memory. */
    public ReplayCache replayCache(Clock clock) {
        return enabled ? new RedisReplayCache(bus, prefix + "replay:", clock) : new InMemoryReplayCache(clock);
    }

    /** Sends {@code frame} to node {@code to}; {@code failed} runs, on the bus's event loop, if it cannot be sent. */
    public void send(String to, Frame frame, Consumer<Throwable> failed) {
        bus.publish(channel(to), frame.encode(), failed);
    }

    /** Sends an {@link Frame.Type#EVENT} to every other node, best effort. */
    public void broadcast(String payload) {
        if (enabled) {
            bus.publish(
                    prefix + "nodes",
                    new Frame(Frame.Type.EVENT, id, "", 0, payload).encode(),
                    failure -> LOG.warnf("could not tell the other nodes: %s", failure.getMessage()));
        }
    }

    /** Routes the frames of {@code type} sent to this node (or, for events, by the others) to {@code handler}. */
    public synchronized void handle(Frame.Type type, Consumer<Frame> handler) {
        handlers.put(type, handler);
    }

    /** Calls {@code handler} with the id of a {@linkplain #watch watched} node found dead. */
    public void onNodeLost(Consumer<String> handler) {
        if (enabled) {
            membership.onNodeLost(handler);
        }
    }

    /** Calls {@code handler} when frames may have been lost (the subscription broke): every link must end. */
    public void onLinksLost(Runnable handler) {
        linksLost.add(handler);
    }

    /** Calls {@code handler} when this node finds that the others took it for dead. */
    public void onFenced(Runnable handler) {
        if (enabled) {
            membership.onFenced(handler);
        }
    }

    /** Has the heartbeat check that the nodes {@code peers} names are alive. */
    public void watch(Supplier<Collection<String>> peers) {
        if (enabled) {
            membership.watch(peers);
        }
    }

    /** Leaves the cluster (once): the node's key is removed at once, so that the others take its clients over. */
    @PreDestroy
    public void leave() {
        if (!enabled || !left.compareAndSet(false, true)) {
            return;
        }
        membership.close();
        bus.close();
        workers.shutdownNow();
    }

    private String heldKey(String kind, String key) {
        return prefix + kind + ":" + key;
    }

    private String channel(String node) {
        return prefix + "to:" + node;
    }

    /** Routes what the bus receives. */
    private final class Listener implements RedisBus.Listener {

        @Override
        public void message(String channel, String message) {
            Frame.parse(message)
                    .ifPresentOrElse(
                            frame -> {
                                if (frame.from().equals(id)) {
                                    return; // an event of this node's, back from the broadcast channel
                                }
                                Consumer<Frame> handler;
                                synchronized (ClusterNode.this) {
                                    handler = handlers.get(frame.type());
                                }
                                if (handler != null) {
                                    handler.accept(frame);
                                }
                            },
                            () -> LOG.warnf("ignored a cluster message that is not a frame on %s", channel));
        }

        @Override
        public void lost() {
            LOG.warn("cluster subscription lost: ending every forwarded connection");
            linksLost.forEach(Runnable::run);
        }
    }
}
