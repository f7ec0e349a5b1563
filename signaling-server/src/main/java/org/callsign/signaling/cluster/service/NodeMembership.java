package org.callsign.signaling.cluster.service;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.callsign.server.cluster.RedisCommands;
import org.callsign.server.store.RedisStoreOptions;
import org.callsign.server.store.StoreException;
import org.jboss.logging.Logger;

/**
 * A node's membership of the cluster ({@link ClusterNode}): the key {@code <prefix>node:<id>}, set at every heartbeat
 * to expire after the node timeout, and the checks that watched nodes are still alive. The heartbeat has a thread, a
 * Redis connection and an event loop of its own ({@link RedisCommands}), so that an overloaded node, whose bus and
 * command pool have a backlog, still writes its key in time rather than being taken for dead. If it finds its own key
 * gone (Redis was unreachable longer than the timeout, so the others took it for dead), the node is fenced: the fenced
 * handlers close what it held, and it sets its key again.
 */
final class NodeMembership implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NodeMembership.class);

    private final String id;
    private final String nodePrefix;
    private final long timeoutMillis;
    private final RedisCommands redis;
    private final ScheduledExecutorService heartbeats;
    private final List<Consumer<String>> nodeLost = new CopyOnWriteArrayList<>();
    private final List<Runnable> fenced = new CopyOnWriteArrayList<>();
    private final List<Supplier<Collection<String>>> watched = new CopyOnWriteArrayList<>();
    private volatile boolean written = true;

    NodeMembership(String id, RedisStoreOptions options, Duration nodeTimeout) {
        this.id = id;
        this.nodePrefix = options.keyPrefix() + "node:";
        this.timeoutMillis = nodeTimeout.toMillis();
        this.redis = new RedisCommands(options, 1);
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(threads("callsign-cluster-heartbeat-"));
    }

    /** Sets the node's key, then renews it every {@code heartbeat}. */
    void join(Duration heartbeat) {
        writeKey(false, "joining");
        long every = heartbeat.toMillis();
        heartbeats.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    /** Whether the last heartbeat was written (after a fencing, once the node has closed what it held and rejoined). */
    boolean written() {
        return written;
    }

    /** The Redis key of node {@code node}'s membership. */
    String nodeKey(String node) {
        return nodePrefix + node;
    }

    void onNodeLost(Consumer<String> handler) {
        nodeLost.add(handler);
    }

    void onFenced(Runnable handler) {
        fenced.add(handler);
    }

    void watch(Supplier<Collection<String>> peers) {
        watched.add(peers);
    }

    /** Renews the node's key, or finds it fenced, and checks the watched nodes; every heartbeat. */
    void heartbeat() {
        try {
            if (writeKey(true, "heartbeat") == null) {
                LOG.warnf("cluster node %s was taken for dead: closing what it held", id);
                fenced.forEach(Runnable::run);
                writeKey(false, "rejoining");
            }
            written = true;
            Set<String> peers = new HashSet<>();
            watched.forEach(source -> peers.addAll(source.get()));
            peers.remove(id);
            for (String peer : peers) {
                if (redis.call(Request.cmd(Command.EXISTS).arg(nodeKey(peer)), "checking a node")
                                .toLong()
                        == 0) {
                    LOG.infof("cluster node %s is gone", peer);
                    nodeLost.forEach(handler -> handler.accept(peer));
                }
            }
        } catch (StoreException e) {
            written = false;
            LOG.warnf("cluster heartbeat failed: %s", e.getMessage());
        } catch (RuntimeException e) {
            written = false;
            LOG.error("cluster heartbeat failed", e); // and the next one runs all the same
        }
    }

    /** Stops the heartbeat and removes the node's key, so that the others take its clients over at once. */
    @Override
    public void close() {
        heartbeats.shutdownNow();
        try {
            redis.call(Request.cmd(Command.DEL).arg(nodeKey(id)), "leaving");
        } catch (StoreException e) {
            LOG.debugf("could not remove the node key: %s", e.getMessage());
        }
        redis.close();
    }

    /** Daemon threads named {@code prefix} and a number. */
    static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Sets this node's key to expire in the node timeout; only if it still exists if {@code onlyIfPresent}. */
    private Response writeKey(boolean onlyIfPresent, String what) {
        Request set =
                Request.cmd(Command.SET).arg(nodeKey(id)).arg("1").arg("PX").arg(timeoutMillis);
        return redis.call(onlyIfPresent ? set.arg("XX") : set, what);
    }
}
