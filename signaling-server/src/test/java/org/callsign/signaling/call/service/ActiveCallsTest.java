package org.callsign.signaling.call.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.callsign.server.store.LocalRedis;
import org.callsign.server.store.StoreException;
import org.callsign.signaling.call.store.CallRecord;
import org.callsign.signaling.call.store.CallState;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.cluster.service.NodeConfig;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.message.IceCandidate;
import org.callsign.signaling.signal.service.LineRecords;
import org.callsign.signaling.signal.store.RedisLineRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a node writes of its calls to a real {@code redis-server} as they change: the offer once, each held candidate
 * once, and the small state on every change; the node taking the client over restores the call as it stood.
 */
class ActiveCallsTest {
    private static final String PREFIX = "callsign:active:";
    private static final String CLIENT = "client-per";
    private static final Instant CREATED = Instant.parse("2026-11-30T10:00:00Z");

    /** As Quarkus configures its mapper: Java time as ISO strings. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private final SignalingConfig config = NodeConfig.of(REDIS, PREFIX);
    private final ClusterNode first = new ClusterNode(config);
    private final ClusterNode second = new ClusterNode(config);
    private final List<String> written = new ArrayList<>();

    @AfterEach
    void leave() {
        first.leave();
        second.leave();
    }

    @Test
    void aRingingCallWritesItsOfferOnceAndEachHeldCandidateOnce() {
        assertEquals(first.id(), first.homeOf(CLIENT));
        ActiveCalls calls = new ActiveCalls(config, first, counted(new RedisLineRecords(first, MAPPER)), MAPPER);
        ActiveCall call = ringing();
        calls.add(call);
        List<IceCandidate> candidates = List.of(candidate(1), candidate(2), candidate(3));
        for (IceCandidate candidate : candidates) {
            synchronized (call) {
                calls.hold(call, candidate);
                call.rung.add("device-" + call.held.size());
                calls.record(call);
            }
        }

        assertEquals(1, writesContaining(SdpFixtures.CHROMIUM_OFFER.sdp()), "the offer, of " + written.size());
        for (IceCandidate candidate : candidates) {
            assertEquals(1, writesContaining(candidate.candidate()), candidate.candidate());
        }

        REDIS.cli("SET", PREFIX + "home:" + CLIENT, second.id()); // as a claim does once the first is dead
        RedisLineRecords next = new RedisLineRecords(second, MAPPER);
        ActiveCalls nextCalls = new ActiveCalls(config, second, next, MAPPER);
        List<ActiveCall> restored =
                nextCalls.restore(CLIENT, next.takeOver(CLIENT).orElseThrow().calls());

        assertEquals(1, restored.size());
        assertEquals(StoredCall.of(call), StoredCall.of(restored.get(0)));
        nextCalls.remove(restored.get(0));
        assertEquals("0", REDIS.cli("EXISTS", PREFIX + "live:" + CLIENT), "the call's record is gone");
        assertEquals(
                "0", REDIS.cli("EXISTS", PREFIX + "call-held:" + CLIENT + "/" + call.key()), "so are its candidates");
    }

    @Test
    void aCandidateThatCannotBeWrittenIsNotHeld() {
        LineRecords failing = new LineRecords() {
            @Override
            public void callHeld(String clientId, String key, String candidate) {
                throw new StoreException("Redis did not answer");
            }
        };
        ActiveCalls calls = new ActiveCalls(config, first, failing, MAPPER);
        ActiveCall call = ringing();
        calls.add(call);

        synchronized (call) {
            assertThrows(StoreException.class, () -> calls.hold(call, candidate(1)));
        }

        assertEquals(List.of(), call.held);
        calls.remove(call);
    }

    private ActiveCall ringing() {
        CallRecord record = new CallRecord(
                "Y2FsbC0x",
                CallRecord.INCOMING,
                null,
                false,
                "https://sig-a.test",
                CallState.RINGING,
                null,
                CREATED,
                CREATED,
                null,
                null,
                null);
        ActiveCall call = new ActiveCall(
                "Y2FsbC0x", false, "https://sig-a.test", CLIENT, SdpFixtures.CHROMIUM_OFFER.sdp(), record);
        call.to = "per@idp-b.test";
        call.expires = CREATED.plusSeconds(45);
        return call;
    }

    private static IceCandidate candidate(int n) {
        return new IceCandidate("candidate:" + n + " 1 udp 2122260223 192.0.2.1 5000" + n + " typ host", "0", 0, null);
    }

    private long writesContaining(String text) {
        String escaped = MAPPER.valueToTree(text).toString();
        String inner = escaped.substring(1, escaped.length() - 1);
        return written.stream().filter(w -> w.contains(inner)).count();
    }

    /** {@code records}, noting each call's part written to it. */
    private LineRecords counted(LineRecords records) {
        return new LineRecords() {
            @Override
            public void call(String clientId, String key, String start, String state, int held) {
                if (start != null) {
                    written.add(start);
                }
                written.add(state);
                records.call(clientId, key, start, state, held);
            }

            @Override
            public void callHeld(String clientId, String key, String candidate) {
                written.add(candidate);
                records.callHeld(clientId, key, candidate);
            }

            @Override
            public void callEnded(String clientId, String key) {
                records.callEnded(clientId, key);
            }
        };
    }
}
