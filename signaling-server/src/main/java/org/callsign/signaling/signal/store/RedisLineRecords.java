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
 * (the node that wrote it), {@code line:<device>} (the resume key), {@code session:<id>} (the session as JSON), for
 * a call with another server {@code call:<key>} (its state) and {@code call-start:<key>} (what never changes of it, its
 * offer among them, written once), and {@code whip:<id>} (a WHIP session), as their handlers wrote them; the messages held for a device are the list
 * {@code <prefix>held:<client>/<device>}, and the candidates held for a call the list
 * {@code <prefix>call-held:<client>/<key>}, appended to one by one, so that no write repeats what an earlier one wrote. Every write is one Lua script
 * ({@link LineScripts#WRITE}) that changes nothing unless this node is the client's home now ({@code <prefix>home:<client>}),
 * so a node that was taken for dead cannot overwrite what its successor keeps. Records expire after {@link #RECORD_TTL}
 * unless written or {@linkplain #refresh refreshed}.
 */
public final class RedisLineRecords implements LineRecords {
    private static final Logger LOG = Logger.getLogger(RedisLineRecords.class);

    /** How long a record lives after its last write or refresh. */
    public static final Duration RECORD_TTL = Duration.ofHours(1);

    private static final String LINE = "line:";
    private static final String SESSION = "session:";
    private static final String CALL = "call:";
    private static final String CALL_START = "call-start:";
    private static final String WHIP = "whip:";

    private final ClusterNode node;
    private final ObjectMapper mapper;

    public RedisLineRecords(ClusterNode node, ObjectMapper mapper) {
        this.node = node;
        this.mapper = mapper;
    }

    @Override
    public void connected(String clientId, String deviceId, String resumeKey) {
        bestEffort(
                clientId,
                heldKey(clientId, deviceId),
                "recording a device's resume key",
                "set",
                LINE + deviceId,
                resumeKey);
    }

    @Override
    public void held(String clientId, String deviceId, Held message) {
        write(clientId, heldKey(clientId, deviceId), "recording a held message", "push", json(message));
    }

    @Override
    public void delivered(String clientId, String deviceId, int count) {
        bestEffort(
                clientId,
                heldKey(clientId, deviceId),
                "forgetting delivered messages",
                "trim",
                Integer.toString(count));
    }

    @Override
    public void dropped(String clientId, String deviceId, boolean offline) {
        bestEffort(clientId, heldKey(clientId, deviceId), "forgetting a line", "drop", offline ? LINE + deviceId : "");
    }

    @Override
    public void opened(SignalSession session) {
        bestEffort(
                session.clientId(),
                heldKey(session.clientId(), ""),
                "recording a session",
                "set",
                SESSION + session.id(),
                json(new StoredSession(
                        session.caller(), session.callee(), session.opened().toEpochMilli())));
    }

    @Override
    public void closed(SignalSession session) {
        bestEffort(
                session.clientId(),
                heldKey(session.clientId(), ""),
                "forgetting a session",
                "unset",
                SESSION + session.id());
    }

    @Override
    public void call(String clientId, String key, String start, String state, int held) {
        write(
                clientId,
                candidatesKey(clientId, key),
                "recording a call",
                "call",
                CALL + key,
                state,
                CALL_START + key,
                start == null ? "" : start,
                Integer.toString(held));
    }

    @Override
    public void callHeld(String clientId, String key, String candidate) {
        write(clientId, candidatesKey(clientId, key), "recording a held candidate", "push", candidate);
    }

    @Override
    public void callEnded(String clientId, String key) {
        bestEffort(clientId, candidatesKey(clientId, key), "forgetting a call", "drop", CALL + key, CALL_START + key);
    }

    @Override
    public void whip(String clientId, String id, String session) {
        write(clientId, heldKey(clientId, ""), "recording a WHIP session", "set", WHIP + id, session);
    }

    @Override
    public void whipEnded(String clientId, String id) {
        bestEffort(clientId, heldKey(clientId, ""), "forgetting a WHIP session", "unset", WHIP + id);
    }

    @Override
    public Optional<Snapshot> takeOver(String clientId) {
        Request request = Request.cmd(Command.EVAL)
                .arg(LineScripts.TAKE_OVER)
                .arg(2)
                .arg(recordKey(clientId))
                .arg(node.homeKey(clientId))
                .arg(node.id())
                .arg(RECORD_TTL.toMillis())
                .arg(heldPrefix(clientId))
                .arg(candidatesPrefix(clientId));
        Response taken = node.call(request, "taking over a client's lines");
        if (taken == null) {
            return Optional.empty();
        }
        Map<String, String> resumeKeys = new HashMap<>();
        List<SignalSession> sessions = new ArrayList<>();
        Map<String, String> callStates = new HashMap<>();
        Map<String, String> callStarts = new HashMap<>();
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
                callStates.put(name.substring(CALL.length()), value);
            } else if (name.startsWith(CALL_START)) {
                callStarts.put(name.substring(CALL_START.length()), value);
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
        Map<String, RecordedCall> calls = new HashMap<>();
        Response candidates = taken.get(2);
        for (int i = 0; i + 1 < candidates.size(); i += 2) {
            String key = candidates.get(i).toString();
            List<String> list = new ArrayList<>();
            candidates.get(i + 1).forEach(candidate -> list.add(candidate.toString()));
            calls.put(key, new RecordedCall(callStarts.get(key), callStates.get(key), list));
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

    private void bestEffort(String clientId, String list, String what, String op, String... args) {
        try {
            write(clientId, list, what, op, args);
        } catch (StoreException e) {
            LOG.warnf("%s for client %s failed: %s", what, clientId, e.getMessage());
        }
    }

    private void write(String clientId, String list, String what, String op, String... args) {
        Request request = Request.cmd(Command.EVAL)
                .arg(LineScripts.WRITE)
                .arg(3)
                .arg(recordKey(clientId))
                .arg(list)
                .arg(node.homeKey(clientId))
                .arg(node.id())
                .arg(RECORD_TTL.toMillis())
                .arg(op);
        for (String arg : args) {
            request.arg(arg);
        }
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

    private String heldKey(String clientId, String deviceId) {
        return heldPrefix(clientId) + deviceId;
    }

    private String candidatesPrefix(String clientId) {
        return node.key("call-held:" + clientId + "/");
    }

    private String candidatesKey(String clientId, String key) {
        return candidatesPrefix(clientId) + key;
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
