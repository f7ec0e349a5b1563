package org.callsign.server.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link KeyValueStore} in Redis, for servers that share their state: one hash per namespace, named {@code
 * <key prefix><namespace>}, whose fields are the keys (UTF-8) and whose values are the stored bytes, unchanged.
 * {@link #update} sends {@code MULTI}, {@code HSET}, {@code HDEL}, {@code EXEC} in one batch on one connection, so
 * that it applies whole or not at all, after a crash too (Redis drops an incomplete transaction from its
 * append-only file when it loads it). {@link #updateIf} runs {@link #UPDATE_IF_SCRIPT} with {@code EVAL}: Redis runs
 * a script with no other command in between, from any client, so the check and the writes are atomic across every
 * process that shares the server, and it logs the script's writes to the append-only file as one transaction. The
 * script compares and stores Lua strings, which hold any bytes. {@link #entries} reads the hash with {@code HGETALL} and sorts it by key here.
 *
 * <p>Durability: Redis 7.0 has no {@code WAITAOF}, so an acknowledged write survives {@code kill -9} of the server only
 * if the server writes and fsyncs its append-only file before it answers: {@code appendonly yes}, {@code appendfsync
 * always} and {@code no-appendfsync-on-rewrite no}. {@link #open} reads these with {@code CONFIG GET} and refuses a
 * server that runs otherwise, or that refuses {@code CONFIG GET} (an ACL without {@code +config|get}, a renamed
 * command), unless {@link RedisStoreOptions#allowWeakDurability()} is set, for data that may be lost. A failover to a
 * replica can still lose acknowledged writes: this store assumes one primary.
 *
 * <p>The client is Vert.x's ({@code vertx-redis-client}): it parses {@code redis://} and {@code rediss://} URLs,
 * authenticates with a password or an ACL user, speaks TLS (the certificate checked against the JVM's CAs or {@link
 * RedisStoreOptions#trustStore()}, and the host name against the URL's) and pools connections, and it needs no CDI, so this library
 * stays plain Java and serves both services alike. The store runs its own small Vert.x instance (one event loop)
 * instead of sharing the application's: its calls block the calling thread until the answer comes or {@link
 * RedisStoreOptions#timeout()} passes, and a caller on an application event loop must not wait for work queued on
 * that same loop. Every failure is a {@link StoreException} naming the {@linkplain RedisStoreOptions#endpoint()
 * endpoint} and the namespace, never the password or a value.
 */
public final class RedisKeyValueStore implements KeyValueStore {

    /** Connections kept open to the server; a command waits for a free one. */
    public static final int POOL_SIZE = 8;

    /** Commands that may wait for a free connection; past that a command fails at once. */
    public static final int POOL_WAITING = 1024;

    /**
     * The script of {@link #updateIf}. {@code KEYS[1]}: the namespace's hash. {@code ARGV}: the number of expected
     * fields, then for each its name, {@code 1} and the bytes it must hold or {@code 0} and an empty string for
     * "absent"; the number of fields to set, then each name and value; the number of fields to delete, then each
     * name. Returns 1 if it wrote, 0 if a field did not hold what was expected.
     */
    static final String UPDATE_IF_SCRIPT =
            """
            local hash = KEYS[1]
            local i = 1
            local function count()
              local n = tonumber(ARGV[i])
              i = i + 1
              return n
            end
            for _ = 1, count() do
              local current = redis.call('HGET', hash, ARGV[i])
              if ARGV[i + 1] == '1' then
                if current ~= ARGV[i + 2] then return 0 end
              elseif current then
                return 0
              end
              i = i + 3
            end
            for _ = 1, count() do
              redis.call('HSET', hash, ARGV[i], ARGV[i + 1])
              i = i + 2
            end
            for _ = 1, count() do
              redis.call('HDEL', hash, ARGV[i])
              i = i + 1
            end
            return 1
            """;

    private final RedisStoreOptions options;
    private final String prefix;
    private final Vertx vertx;
    private final Redis redis;
    private volatile boolean closed;

    private RedisKeyValueStore(RedisStoreOptions options, Vertx vertx, Redis redis) {
        this.options = options;
        this.prefix = RedisConnector.messagePrefix(options);
        this.vertx = vertx;
        this.redis = redis;
    }

    /**
     * Connects to the server and checks its durability settings (see the class description).
     *
     * @throws StoreException if the server cannot be reached or authenticated within the timeout, or does not fsync
     *     every write and weak durability is not allowed
     */
    public static RedisKeyValueStore open(RedisStoreOptions options) {
        Vertx vertx = RedisConnector.vertx();
        Redis redis = RedisConnector.client(vertx, options, POOL_SIZE, POOL_WAITING);
        RedisKeyValueStore store = new RedisKeyValueStore(options, vertx, redis);
        try {
            store.call(Request.cmd(Command.PING), "connecting");
            RedisDurability.check(store);
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The options this store was opened with. */
    public RedisStoreOptions options() {
        return options;
    }

    /** The name of the hash that holds {@code namespace}: the key prefix and the namespace. */
    public String hash(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        if (!namespace.matches(NAMESPACE_PATTERN)) {
            throw new IllegalArgumentException("invalid namespace: " + namespace);
        }
        return options.keyPrefix() + namespace;
    }

    /** The store as logs name it: {@code redis store <endpoint> (key prefix <prefix>)}, never the password. */
    @Override
    public String toString() {
        return "redis store " + options.endpoint() + " (key prefix " + options.keyPrefix() + ")";
    }

    @Override
    public Optional<byte[]> get(String namespace, String key) {
        Objects.requireNonNull(key, "key");
        Response value =
                call(Request.cmd(Command.HGET).arg(hash(namespace)).arg(key), "read of namespace " + namespace);
        return Optional.ofNullable(value).map(Response::toBytes);
    }

    @Override
    public Map<String, byte[]> entries(String namespace) {
        Response all = call(Request.cmd(Command.HGETALL).arg(hash(namespace)), "read of namespace " + namespace);
        TreeMap<String, byte[]> sorted = new TreeMap<>();
        // RESP2: field, value, field, value...
        for (int i = 0; i + 1 < all.size(); i += 2) {
            sorted.put(all.get(i).toString(UTF_8), all.get(i + 1).toBytes());
        }
        return Collections.unmodifiableMap(sorted);
    }

    @Override
    public void put(String namespace, String key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        call(
                Request.cmd(Command.HSET).arg(hash(namespace)).arg(key).arg(value.clone()),
                "write to namespace " + namespace);
    }

    @Override
    public boolean remove(String namespace, String key) {
        Objects.requireNonNull(key, "key");
        Response removed =
                call(Request.cmd(Command.HDEL).arg(hash(namespace)).arg(key), "removal from namespace " + namespace);
        return removed.toLong() > 0;
    }

    @Override
    public void update(String namespace, Map<String, byte[]> puts, Collection<String> removals) {
        String hash = hash(namespace);
        List<Request> batch = new ArrayList<>();
        batch.add(Request.cmd(Command.MULTI));
        if (!puts.isEmpty()) {
            Request hset = Request.cmd(Command.HSET).arg(hash);
            puts.forEach((key, value) -> hset.arg(Objects.requireNonNull(key, "key"))
                    .arg(Objects.requireNonNull(value, "value").clone()));
            batch.add(hset);
        }
        if (!removals.isEmpty()) {
            Request hdel = Request.cmd(Command.HDEL).arg(hash);
            removals.forEach(key -> hdel.arg(Objects.requireNonNull(key, "key")));
            batch.add(hdel);
        }
        ensureOpen();
        if (batch.size() == 1) {
            return;
        }
        batch.add(Request.cmd(Command.EXEC));
        String what = "update of namespace " + namespace;
        List<Response> replies = await(redis.batch(batch), what);
        Response exec = replies.get(replies.size() - 1);
        if (exec == null) {
            throw new StoreException(prefix() + what + " failed: the transaction was discarded");
        }
        for (Response reply : exec) {
            if (reply != null && reply.type() == ResponseType.ERROR) {
                throw new StoreException(prefix() + what + " failed: " + reply);
            }
        }
    }

    @Override
    public boolean updateIf(
            String namespace,
            Map<String, Optional<byte[]>> expected,
            Map<String, byte[]> puts,
            Collection<String> removals) {
        Request eval = Request.cmd(Command.EVAL).arg(UPDATE_IF_SCRIPT).arg(1).arg(hash(namespace));
        eval.arg(expected.size());
        expected.forEach((key, value) -> eval.arg(Objects.requireNonNull(key, "key"))
                .arg(Objects.requireNonNull(value, "expected value").isPresent() ? "1" : "0")
                .arg(value.map(byte[]::clone).orElse(new byte[0])));
        eval.arg(puts.size());
        puts.forEach((key, value) -> eval.arg(Objects.requireNonNull(key, "key"))
                .arg(Objects.requireNonNull(value, "value").clone()));
        eval.arg(removals.size());
        removals.forEach(key -> eval.arg(Objects.requireNonNull(key, "key")));
        return call(eval, "conditional update of namespace " + namespace).toLong() == 1;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        redis.close();
        RedisConnector.close(vertx, options.timeout());
    }

    /** Sends one command and waits for its answer. */
    Response call(Request request, String what) {
        ensureOpen();
        return await(redis.send(request), what);
    }

    /** The start of every message: which server. */
    String prefix() {
        return prefix;
    }

    private <T> T await(Future<T> future, String what) {
        return RedisConnector.await(future, options.timeout(), prefix(), what);
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException(this + " is closed");
        }
    }
}
