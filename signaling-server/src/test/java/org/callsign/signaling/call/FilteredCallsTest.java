package org.callsign.signaling.call;

import static org.callsign.signaling.TestClients.bearer;
import static org.callsign.signaling.call.CallFixture.awaitEnd;
import static org.callsign.signaling.call.CallFixture.place;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.callsign.signaling.FederationProfile;
import org.callsign.signaling.call.CallFixture.Person;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.SignalingClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The filter in the call path: each decision (ring, silent, busy, unavailable) with the rule that made it in the
 * callee's history, while the caller learns nothing but "unavailable" at the ring timeout; the per-caller limit; and a
 * device that comes online while a call rings.
 */
@QuarkusTest
@TestProfile(FederationProfile.class)
class FilteredCallsTest {

    private static final Duration RING = Duration.ofSeconds(3);

    private static CallFixture fixture;

    @BeforeAll
    static void fixture() {
        fixture = new CallFixture();
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void aBlockedCallerNeverRingsAndLearnsOnlyUnavailable() throws Exception {
        Person alice = fixture.person("spammer", SdpFixtures.CHROMIUM_OFFER);
        Person per = fixture.person("blocker", SdpFixtures.CHROMIUM_ANSWER);
        addRule(per, "block", alice.identity());
        try (SignalingClient aliceDevice = alice.connect();
                SignalingClient perDevice = per.connect()) {
            String call = place(aliceDevice, per.identity(), fixture.asserted(alice, FederationProfile.ORIGIN));
            assertEquals(
                    "ringing", aliceDevice.await("call-update").path("state").asText());
            perDevice.expectNothing(RING.minusMillis(500));
            JsonNode end = aliceDevice.await("call-update");
            assertEquals("unavailable", end.path("state").asText());
            assertEquals(call, end.path("call").asText());
        }
        JsonNode record = lastCall(per);
        assertEquals("failed", record.path("state").asText());
        assertEquals("refused:blocked", record.path("reason").asText());
        assertEquals("unavailable", record.path("filter").path("decision").asText());
        assertEquals(
                "block " + alice.identity(), record.path("filter").path("rule").asText());
        assertEquals(alice.identity(), record.path("peer").asText(), "the history names the verified caller");
    }

    @Test
    void doNotDisturbRecordsTheCallSilentlyButAnAllowedCallerBreaksThrough() throws Exception {
        Person alice = fixture.person("friend", SdpFixtures.CHROMIUM_OFFER);
        Person bob = fixture.person("stranger", SdpFixtures.CHROMIUM_OFFER);
        Person per = fixture.person("sleeper", SdpFixtures.CHROMIUM_ANSWER);
        setStatus(per, "do-not-disturb");
        addRule(per, "allow", alice.identity());
        String quiet;
        String loud;
        try (SignalingClient aliceDevice = alice.connect();
                SignalingClient bobDevice = bob.connect();
                SignalingClient perDevice = per.connect()) {
            quiet = place(bobDevice, per.identity(), fixture.asserted(bob, FederationProfile.ORIGIN));
            perDevice.expectNothing(Duration.ofMillis(1500));
            loud = place(aliceDevice, per.identity(), fixture.asserted(alice, FederationProfile.ORIGIN));
            JsonNode ring = perDevice.await("incoming-call");
            assertEquals(loud, ring.path("call").asText());
            assertEquals("unavailable", awaitEnd(bobDevice, quiet).path("state").asText());
            aliceDevice.call(SignalingClient.message("hangup").put("call", loud));
        }
        JsonNode silent = callOf(per, quiet);
        assertEquals("missed", silent.path("state").asText());
        assertEquals("silent", silent.path("filter").path("decision").asText());
        assertEquals("status do-not-disturb", silent.path("filter").path("rule").asText());
        JsonNode rang = callOf(per, loud);
        assertEquals("ring", rang.path("filter").path("decision").asText());
        assertEquals(
                "allow " + alice.identity() + ", status do-not-disturb",
                rang.path("filter").path("rule").asText());
    }

    @Test
    void busyRefusesTheCallAndTheCallerStillLearnsOnlyUnavailable() throws Exception {
        Person alice = fixture.person("hopeful", SdpFixtures.CHROMIUM_OFFER);
        Person per = fixture.person("occupied", SdpFixtures.CHROMIUM_ANSWER);
        setStatus(per, "busy");
        String call;
        try (SignalingClient aliceDevice = alice.connect();
                SignalingClient perDevice = per.connect()) {
            call = place(aliceDevice, per.identity(), fixture.asserted(alice, FederationProfile.ORIGIN));
            perDevice.expectNothing(RING.minusMillis(1000));
            assertEquals(
                    "unavailable", awaitEnd(aliceDevice, call).path("state").asText());
        }
        JsonNode record = callOf(per, call);
        assertEquals("busy", record.path("state").asText());
        assertEquals("busy", record.path("filter").path("decision").asText());
        assertEquals("status busy", record.path("filter").path("rule").asText());
    }

    @Test
    void callsOverTheCallersHourlyLimitAreRefused() throws Exception {
        Person alice = fixture.person("redialler", SdpFixtures.CHROMIUM_OFFER);
        Person per = fixture.person("limited", SdpFixtures.CHROMIUM_ANSWER);
        bearer(per.token())
                .contentType(ContentType.JSON)
                .body(Map.of("callsPerCallerPerHour", 2))
                .when()
                .put("/api/filter/settings")
                .then()
                .statusCode(200)
                .body("callsPerCallerPerHour", equalTo(2));
        String offer = fixture.asserted(alice, FederationProfile.ORIGIN);
        try (SignalingClient aliceDevice = alice.connect();
                SignalingClient perDevice = per.connect()) {
            for (int i = 0; i < 2; i++) {
                String call = place(aliceDevice, per.identity(), offer);
                assertEquals(call, perDevice.await("incoming-call").path("call").asText());
                aliceDevice.call(SignalingClient.message("hangup").put("call", call));
                perDevice.await("call-update");
            }
            String third = place(aliceDevice, per.identity(), offer);
            perDevice.expectNothing(Duration.ofMillis(1500));
            JsonNode record = callOf(per, third);
            assertEquals("refused:rate-limited", record.path("reason").asText());
            assertEquals(
                    "rate limit 2 calls per caller per hour",
                    record.path("filter").path("rule").asText());
        }
    }

    @Test
    void aDeviceThatComesOnlineWhileACallRingsIsRungToo() throws Exception {
        Person alice = fixture.person("early", SdpFixtures.CHROMIUM_OFFER);
        Person per = fixture.person("latecomer", SdpFixtures.CHROMIUM_ANSWER);
        try (SignalingClient aliceDevice = alice.connect()) {
            String call = place(aliceDevice, per.identity(), fixture.asserted(alice, FederationProfile.ORIGIN));
            assertEquals(
                    "ringing", aliceDevice.await("call-update").path("state").asText());
            Thread.sleep(300);
            try (SignalingClient perDevice = per.connect()) {
                JsonNode ring = perDevice.await("incoming-call");
                assertEquals(call, ring.path("call").asText());
                assertEquals(alice.identity(), ring.path("from").asText());
                String answer = fixture.asserted(per, FederationProfile.ORIGIN);
                perDevice.call(
                        SignalingClient.message("accept").put("call", call).put("sdp", answer));
                assertEquals(
                        "accepted",
                        aliceDevice.await("call-update").path("state").asText());
            }
        }
    }

    private static void addRule(Person person, String action, String pattern) {
        bearer(person.token())
                .contentType(ContentType.JSON)
                .body(Map.of("rules", List.of(Map.of("action", action, "pattern", pattern))))
                .when()
                .post("/api/filter/rules")
                .then()
                .statusCode(200);
    }

    private static void setStatus(Person person, String status) {
        bearer(person.token())
                .contentType(ContentType.JSON)
                .body(Map.of("status", status))
                .when()
                .put("/api/filter/status")
                .then()
                .statusCode(200)
                .body("status", equalTo(status));
    }

    private static JsonNode lastCall(Person person) throws Exception {
        return calls(person).path("calls").path(0);
    }

    private static JsonNode callOf(Person person, String call) throws Exception {
        for (JsonNode record : calls(person).path("calls")) {
            if (record.path("call").asText().equals(call)) {
                return record;
            }
        }
        throw new AssertionError("no call " + call + " in the history");
    }

    private static JsonNode calls(Person person) throws Exception {
        String body = bearer(person.token())
                .when()
                .get("/api/calls")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return new ObjectMapper().readTree(body);
    }
}
