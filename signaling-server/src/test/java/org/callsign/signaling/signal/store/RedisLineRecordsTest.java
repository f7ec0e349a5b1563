package org.callsign.signaling.signal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callsign.server.store.LocalRedis;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.cluster.service.NodeConfig;
import org.callsign.signaling.signal.message.ErrorMessage;
import org.callsign.signaling.signal.message.IceCandidate;
import org.callsign.signaling.signal.message.RelayedBye;
import org.callsign.signaling.signal.message.RelayedCandidate;
import org.callsign.signaling.signal.message.RelayedOffer;
import org.callsign.signaling.signal.message.Sender;
import org.callsign.signaling.signal.service.Held;
import org.callsign.signaling.signal.service.LineRecords;
import org.callsign.signaling.signal.service.SignalSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The records of two nodes of a cluster on a real {@code redis-server}: what one node writes as a client's home, the
 * other takes over once it is the client's home, and the former home can no longer change.
 */
class RedisLineRecordsTest {
    private static final String PREFIX = "callsign:lines:";
    private static final Sender LAPTOP = new Sender("laptop", "Laptop", "browser", "AB12");

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();
    private ClusterNode first;
    private ClusterNode second;
    private RedisLineRecords former;
    private RedisLineRecords next;
    private String client;

    @BeforeEach
    void nodes() {
        first = new ClusterNode(NodeConfig.of(REDIS, PREFIX));
        second = new ClusterNode(NodeConfig.of(REDIS, PREFIX));
        former = new RedisLineRecords(first, mapper);
        next = new RedisLineRecords(second, mapper);
        client = "client-" + System.nanoTime();
        assertEquals(first.id(), first.homeOf(client));
    }

    @AfterEach
    void leave() {
        first.leave();
        second.leave();
    }

    @Test
    void theNextHomeTakesOverResumeKeysHeldMessagesAndSessions() {
        List<Held> held = List.of(
                new Held(new RelayedOffer("o1", LAPTOP, "session-1", "v=0\r\n"), "device:c/laptop", "o1"),
                new Held(
                        new RelayedCandidate(
                                1,
                                "c1",
                                LAPTOP,
                                "session-1",
                                new IceCandidate("candidate:1 1 udp 1 x 1 typ host", "0", 0, null)),
                        "device:c/laptop",
                        "c1"),
                new Held(RelayedBye.fromServer("session-2", "the device went offline"), null, null),
                new Held(new ErrorMessage("m1", "target-offline", "gone", "session-1", null), null, null));
        SignalSession session = new SignalSession(
                client, "session-1", "device:c/laptop", "device:c/phone", Instant.ofEpochMilli(1_000));
        former.connected(client, "laptop", "key-laptop");
        former.connected(client, "phone", "key-phone");
        held.forEach(message -> former.held(client, "phone", message));
        former.opened(session);

        moveHome();
        LineRecords.Snapshot snapshot = next.takeOver(client).orElseThrow();

        assertEquals(Map.of("laptop", "key-laptop", "phone", "key-phone"), snapshot.resumeKeys());
        assertEquals(held, snapshot.held().get("phone"));
        assertEquals(List.of(), snapshot.held().get("laptop"));
        assertEquals(List.of(session), snapshot.sessions());
        assertTrue(next.takeOver(client).isEmpty(), "taken over once");
    }

    @Test
    void callsAreTakenOverAsLastRecordedAndEndedOnesAreGone() {
        String ringing = "in https://sig-a.test c1";
        former.call(client, ringing, "{\"offer\":\"v=0\"}", "{\"state\":\"ringing\"}", 0);
        former.callHeld(client, ringing, "{\"candidate\":1}");
        former.callHeld(client, ringing, "{\"candidate\":2}");
        former.call(client, ringing, null, "{\"state\":\"ringing\",\"rung\":1}", 2);
        former.call(client, "out https://sig-c.test c2", "{}", "{\"state\":\"ringing\"}", 0);
        former.callEnded(client, "out https://sig-c.test c2");

        moveHome();
        former.call(client, ringing, null, "{\"state\":\"ended\"}", 0);
        former.callHeld(client, ringing, "{\"candidate\":3}");
        LineRecords.Snapshot snapshot = next.takeOver(client).orElseThrow();

        assertEquals(
                Map.of(
                        ringing,
                        new LineRecords.RecordedCall(
                                "{\"offer\":\"v=0\"}",
                                "{\"state\":\"ringing\",\"rung\":1}",
                                List.of("{\"candidate\":1}", "{\"candidate\":2}"))),
                snapshot.calls());
        assertEquals(Map.of(), snapshot.resumeKeys(), "a client with a call and no line online");
        next.callEnded(client, ringing);
        assertEquals("0", REDIS.cli("EXISTS", PREFIX + "live:" + client), "nothing left to keep");
        assertEquals("0", REDIS.cli("EXISTS", PREFIX + "call-held:" + client + "/" + ringing), "nor candidates");
    }

    @Test
    void aCallsStartIsWrittenOnceAndItsCandidatesAppended() {
        String key = "in https://sig-a.test c1";
        former.call(client, key, "{\"offer\":\"v=0\"}", "{\"state\":\"ringing\"}", 0);
        former.callHeld(client, key, "{\"candidate\":1}");
        former.call(client, key, null, "{\"state\":\"rung\"}", 1);
        former.callHeld(client, key, "{\"candidate\":2}");

        assertEquals("{\"offer\":\"v=0\"}", REDIS.cli("HGET", PREFIX + "live:" + client, "call-start:" + key));
        assertEquals("{\"state\":\"rung\"}", REDIS.cli("HGET", PREFIX + "live:" + client, "call:" + key));
        String candidates = PREFIX + "call-held:" + client + "/" + key;
        assertEquals("2", REDIS.cli("LLEN", candidates));
        long ttl = Long.parseLong(REDIS.cli("PTTL", candidates));
        assertTrue(ttl > 0 && ttl <= RedisLineRecords.RECORD_TTL.toMillis(), "expires like the record: " + ttl);

        former.call(client, key, null, "{\"state\":\"accepted\"}", 0);
        assertEquals("0", REDIS.cli("EXISTS", candidates), "handed to the device that accepted");
        assertEquals("{\"offer\":\"v=0\"}", REDIS.cli("HGET", PREFIX + "live:" + client, "call-start:" + key));
    }

    @Test
    void whipSessionsAreTakenOverBesideCallsAndEndedOnesAreGone() {
        former.whip(client, "w1", "{\"party\":\"p1\"}");
        former.whip(client, "w2", "{\"party\":\"p2\"}");
        former.call(client, "in https://sig-a.test c1", "{}", "{\"state\":\"ringing\"}", 0);
        former.whipEnded(client, "w2");

        moveHome();
        former.whip(client, "w3", "{\"party\":\"p3\"}");
        LineRecords.Snapshot snapshot = next.takeOver(client).orElseThrow();

        assertEquals(Map.of("w1", "{\"party\":\"p1\"}"), snapshot.whips());
        assertEquals(Set.of("in https://sig-a.test c1"), snapshot.calls().keySet());
        next.whipEnded(client, "w1");
        next.callEnded(client, "in https://sig-a.test c1");
        assertEquals("0", REDIS.cli("EXISTS", PREFIX + "live:" + client), "nothing left to keep");
    }

    @Test
    void aFormerHomeChangesNothingOnceTheClientHasMoved() {
        former.connected(client, "phone", "key-phone");
        former.held(client, "phone", new Held(RelayedBye.fromServer("session-1", "x"), null, null));
        moveHome();

        former.held(client, "phone", new Held(RelayedBye.fromServer("session-2", "y"), null, null));
        former.dropped(client, "phone", true);
        former.connected(client, "laptop", "key-laptop");

        LineRecords.Snapshot snapshot = next.takeOver(client).orElseThrow();
        assertEquals(Map.of("phone", "key-phone"), snapshot.resumeKeys());
        assertEquals(1, snapshot.held().get("phone").size());
    }

    @Test
    void nothingIsTakenOverFromANodeThatIsStillTheHome() {
        former.connected(client, "phone", "key-phone");
        assertTrue(next.takeOver(client).isEmpty(), "the second node is not the home");
        assertTrue(former.takeOver(client).isEmpty(), "the record is the home's own");
    }

    @Test
    void deliveredMessagesAreForgottenAndTheLastLineTakesTheRecordWithIt() {
        former.connected(client, "phone", "key-phone");
        for (int n = 0; n < 3; n++) {
            former.held(client, "phone", new Held(RelayedBye.fromServer("session-" + n, "x"), null, null));
        }
        former.delivered(client, "phone", 2);
        assertEquals("1", REDIS.cli("LLEN", PREFIX + "held:" + client + "/phone"));

        former.dropped(client, "phone", true);
        assertEquals("0", REDIS.cli("EXISTS", PREFIX + "live:" + client));
        assertEquals("0", REDIS.cli("EXISTS", PREFIX + "held:" + client + "/phone"));
    }

    @Test
    void recordsExpireUnlessKept() {
        former.connected(client, "phone", "key-phone");
        long ttl = Long.parseLong(REDIS.cli("PTTL", PREFIX + "live:" + client));
        assertTrue(ttl > 0 && ttl <= RedisLineRecords.RECORD_TTL.toMillis(), "ttl " + ttl);
        REDIS.cli("PEXPIRE", PREFIX + "live:" + client, "5000");
        former.refresh(List.of(client));
        assertTrue(Long.parseLong(REDIS.cli("PTTL", PREFIX + "live:" + client)) > 5000);
    }

    /** The client's home moves to the second node, as a claim does once the first is dead. */
    private void moveHome() {
        REDIS.cli("SET", PREFIX + "home:" + client, second.id());
    }
}
