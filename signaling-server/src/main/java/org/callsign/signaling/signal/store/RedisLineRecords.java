package org.callsign.signaling.signal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callsign.server.store.StoreException;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.signal.service.Held;
import org.callsign.signaling.signal.service.LineRecords;
import org.callsign.signaling.signal.service.SignalSession;
import org.jboss.logging.Logger;

/**
 * {@link LineRecords} in the cluster's Redis. A client's record is the hash {@code <prefix>live:<client>}: {@code home}
 * (the node that wrote it), {@code line:<device>} (the resume key), {@code session:<id>} (the session as JSON),
 * {@code call:<key>} (a call with another server) and {@code whip:<id>} (a WHIP session), the last two as their
 * handlers wrote them; the
 * messages held for a device are the list {@code <prefix>held:<client>/<device>}. Every write is one Lua script
 * ({@link #WRITE_SCRIPT}) that changes nothing unless this node is the client's home now ({@code <prefix>home:<client>}),
 * so a node that was taken for dead cannot overwrite what its successor keeps. Records expire after {@link #RECORD_TTL}
 * unless written or {@linkplain #refresh refreshed}.
 */
public final class RedisLineRecords implements LineRecords {
    private static final Logger LOG = Logger.getLogger(RedisLineRecords.class);

    /** How long a record lives after its last write or refresh. */
    public static final Duration RECORD_TTL = Duration.ofHours(1);

    /**
     * {@code KEYS}: the record, a device's held list, the client's home key; {@code ARGV}: this node, the time to live
     * in ms, the operation ({@code set}, {@code unset}, {@code push}, {@code trim}, {@code drop}) and its two
     * arguments. Returns 1 if it wrote, 0 if this node is not the client's home.
     */
    static final String WRITE_SCRIPT =
            """
            if redis.call('GET', KEYS[3]) ~= ARGV[1] then
              return 0
            end
            local op = ARGV[3]
            if op == 'set' then
              redis.call('HSET', KEYS[1], 'home', ARGV[1], ARGV[4], ARGV[5])
            elseif op == 'unset' then
              redis.call('HDEL', KEYS[1], ARGV[4])
            elseif op == 'push' then
              redis.call('RPUSH', KEYS[2], ARGV[4])
              redis.call('PEXPIRE', KEYS[2], ARGV[2])
            elseif op == 'trim' then
              redis.call('LTRIM', KEYS[2], ARGV[4], -1)
            elseif op == 'drop' then
              redis.call('DEL', KEYS[2])
              if ARGV[4] ~= '' then
                redis.call('HDEL', KEYS[1], ARGV[4])
              end
            end
            if redis.call('HLEN', KEYS[1]) <= 1 then
              redis.call('DEL', KEYS[1])
            else
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 1
            """;

    /**
     * {@code KEYS}: the record, the client's home key; {@code ARGV}: this node, the time to live in ms, the prefix of
     * the client's held lists. If this node is the client's home and the record another node's, makes it this node's
     * and returns its fields and, for each line, the device id and its held messages; else nil.
     */
    static final String TAKE_OVER_SCRIPT =
            """
            if redis.call('GET', KEYS[2]) ~= ARGV[1] then
              return false
            end
            local home = redis.call('HGET', KEYS[1], 'home')
            if not home or home == ARGV[1] then
              return false
            end
            redis.call('HSET', KEYS[1], 'home', ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            local fields = redis.call('HGETALL', KEYS[1])
            local held = {}
            for i = 1, #fields, 2 do
              if string.sub(fields[i], 1, 5) == 'line:' then
                local device = string.sub(fields[i], 6)
                held[#held + 1] = device
                held[#held + 1] = redis.call('LRANGE', ARGV[3] .. device, 0, -1)
                redis.call('PEXPIRE', ARGV[3] .. device, ARGV[2])
              end
            end
            return {fields, held}
            """;

    private static final String LINE = "line:";
    private static final String SESSION = "session:";
    private static final String CALL = "call:";
    private static final String WHIP = "whip:";

    private final ClusterNode node;
    private final ObjectMapper mapper;

    public RedisLineRecords(ClusterNode node, ObjectMapper mapper) {
        this.node = node;
        this.mapper = mapper;
    }

    @Override
    public void connected(String clientId, String deviceId, String resumeKey) {
        bestEffort(clientId, deviceId, "set", LINE + deviceId, resumeKey, "recording a device's resume key");
    }

    @Override
    public void held(String clientId, String deviceId, Held message) {
        write(clientId, deviceId, "push", json(message), "", "recording a held message");
    }

    @Override
    public void delivered(String clientId, String deviceId, int count) {
        bestEffort(clientId, deviceId, "trim", Integer.toString(count), "", "forgetting delivered messages");
    }

    @Override
    public void dropped(String clientId, String deviceId, boolean offline) {
        bestEffort(clientId, deviceId, "drop", offline ? LINE + deviceId : "", "", "forgetting a line");
    }

    @Override
    public void opened(SignalSession session) {
        bestEffort(
                session.clientId(),
                "",
                "set",
                SESSION + session.id(),
                json(new StoredSession(
                        session.caller(), session.callee(), session.opened().toEpochMilli())),
                "recording a session");
    }

    @Override
    public void closed(SignalSession session) {
        bestEffort(session.clientId(), "", "unset", SESSION + session.id(), "", "forgetting a session");
    }

    @Override
    public void call(String clientId, String key, String call) {
        write(clientId, "", "set", CALL + key, call, "recording a call");
    }

    @Override
    public void callEnded(String clientId, String key) {
        bestEffort(clientId, "", "unset", CALL + key, "", "forgetting a call");
    }

    @Override
    public void whip(String clientId, String id, String session) {
        write(clientId, "", "set", WHIP + id, session, "recording a WHIP session");
    }

    @Override
    public void whipEnded(String clientId, String id) {
        bestEffort(clientId, "", "unset", WHIP + id, "", "forgetting a WHIP session");
    }

    @Override
    public Optional<Snapshot> takeOver(String clientId) {
        Request request = Request.cmd(Command.EVAL)
                .arg(TAKE_OVER_SCRIPT)
                .arg(2)
                .arg(recordKey(clientId))
                .arg(node.homeKey(clientId))
                .arg(node.id())
                .arg(RECORD_TTL.toMillis())
                .arg(heldPrefix(clientId));
        Response taken = node.call(request, "taking over a client's lines");
        if (taken == null) {
            return Optional.empty();
        }
        Map<String, String> resumeKeys = new HashMap<>();
        List<SignalSession> sessions = new ArrayList<>();
        Map<String, String> calls = new HashMap<>();
        Map<String, String> whips = new HashMap<>();
        Response fields = taken.get(0);
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            String name = fields.get(i).toString();
            String value = fields.get(i + 1).toString();
            if (name.startsWith(LINE)) {
                resumeKeys.put(name.substring(LINE.length()), value);
            } else if (name.startsWith(SESSION)) {
                StoredSession stored = read(value, StoredSession.class);
                if (stored != null) {
                    sessions.add(stored.session(clientId, name.substring(SESSION.length())));
                }
            } else if (name.startsWith(CALL)) {
                calls.put(name.substring(CALL.length()), value);
            } else if (name.startsWith(WHIP)) {
                whips.put(name.substring(WHIP.length()), value);
            }
        }
        Map<String, List<Held>> held = new HashMap<>();
        Response lists = taken.get(1);
        for (int i = 0; i + 1 < lists.size(); i += 2) {
            List<Held> messages = new ArrayList<>();
            for (Response message : lists.get(i + 1)) {
                Held read = read(message.toString(), Held.class);
                if (read != null) {
                    messages.add(read);
                }
            }
            held.put(lists.get(i).toString(), messages);
        }
        LOG.infof(
                "took client %s over from a dead node: %d lines, %d sessions, %d calls, %d WHIP sessions",
                clientId, resumeKeys.size(), sessions.size(), calls.size(), whips.size());
        return Optional.of(new Snapshot(resumeKeys, held, sessions, calls, whips));
    }

    @Override
    public void refresh(Collection<String> clientIds) {
        for (String clientId : clientIds) {
            try {
                node.call(
                        Request.cmd(Command.PEXPIRE).arg(recordKey(clientId)).arg(RECORD_TTL.toMillis()),
                        "keeping a client's lines");
            } catch (StoreException e) {
                LOG.warnf("could not keep the record of client %s: %s", clientId, e.getMessage());
                return; // the next refresh tries again
            }
        }
    }

    private void bestEffort(String clientId, String deviceId, String op, String first, String second, String what) {
        try {
            write(clientId, deviceId, op, first, second, what);
        } catch (StoreException e) {
            LOG.warnf("%s for client %s failed: %s", what, clientId, e.getMessage());
        }
    }

    private void write(String clientId, String deviceId, String op, String first, String second, String what) {
        Request request = Request.cmd(Command.EVAL)
                .arg(WRITE_SCRIPT)
                .arg(3)
                .arg(recordKey(clientId))
                .arg(heldPrefix(clientId) + deviceId)
                .arg(node.homeKey(clientId))
                .arg(node.id())
                .arg(RECORD_TTL.toMillis())
                .arg(op)
                .arg(first)
                .arg(second);
        if (node.call(request, what).toLong() == 0) {
            LOG.debugf("%s: client %s is no longer at home here", what, clientId);
        }
    }

    private String recordKey(String clientId) {
        return node.key("live:" + clientId);
    }

    private String heldPrefix(String clientId) {
        return node.key("held:" + clientId + "/");
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            LOG.warnf(
                    "skipped an unreadable %s in a client's record: %s", type.getSimpleName(), e.getOriginalMessage());
            return null;
        }
    }

    /** A session as recorded: its parties and when it opened (epoch milliseconds). */
    record StoredSession(String caller, String callee, long opened) {
        SignalSession session(String clientId, String id) {
            return new SignalSession(clientId, id, caller, callee, Instant.ofEpochMilli(opened));
        }
    }
}
