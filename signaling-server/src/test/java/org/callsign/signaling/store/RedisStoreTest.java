package org.callsign.signaling.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.callsign.server.store.KeyValueStore;
import org.callsign.server.store.LocalRedis;
import org.callsign.server.store.RedisKeyValueStore;
import org.callsign.server.store.RedisServerCondition;
import org.callsign.server.store.RedisStoreOptions;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.client.store.KeyValueClientStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The signaling server with {@code store.kind=redis}: its records are in Redis, readiness follows Redis, and a request
 * that needs Redis while it does not answer is refused with {@code store-unavailable}.
 */
@QuarkusTest
@WithTestResource(RedisStoreResource.class)
@ExtendWith(RedisServerCondition.class)
class RedisStoreTest {

    @Inject
    KeyValueStore store;

    @Test
    void theServerRunsOnRedis() {
        assertTrue(store instanceof RedisKeyValueStore, store.toString());
        assertEquals("redis store " + url() + " (key prefix callsign:signaling:)", store.toString());
    }

    @Test
    void aClientRegisteredOverHttpIsAHashFieldInRedis() {
        String id = TestClients.registerNew("redis");
        assertEquals("1", LocalRedis.cli(port(), "HEXISTS", "callsign:signaling:" + KeyValueClientStore.NAMESPACE, id));
        try (KeyValueStore direct = RedisKeyValueStore.open(new RedisStoreOptions(url(), StoreProducer.KEY_PREFIX))) {
            String record =
                    new String(direct.get(KeyValueClientStore.NAMESPACE, id).orElseThrow());
            assertTrue(record.contains("\"clientId\":\"" + id + "\""), record);
        }
    }

    @Test
    void readinessIsDownWhileRedisDoesNotAnswerAndUpAgainAfter() throws InterruptedException {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        // Redis holds every client's commands for three seconds; the store's timeout is one.
        LocalRedis.cli(port(), "CLIENT", "PAUSE", "3000", "ALL");
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("checks.name", hasItem("store"))
                .body(
                        "checks.find { it.name == 'store' }.data.error",
                        equalTo("redis " + url() + ": read of namespace health got no answer within 1000 ms"));
        awaitReady();
    }

    @Test
    void aRequestThatNeedsRedisWhileItDoesNotAnswerIs503StoreUnavailable() throws InterruptedException {
        String client = TestClients.registerNew("redis-paused");
        LocalRedis.cli(port(), "CLIENT", "PAUSE", "3000", "ALL");
        TestClients.as(client)
                .get("/api/devices")
                .then()
                .statusCode(503)
                .body("error", equalTo("store-unavailable"))
                .body("message", equalTo("the server's store is not available; retry shortly"));
        awaitReady();
    }

    /** Waits until readiness is up again after a pause. */
    private static void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (given().when().get("/q/health/ready").statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "readiness stayed down after the pause");
            Thread.sleep(200);
        }
    }

    private int port() {
        return URI.create(url()).getPort();
    }

    /** The URL the application's store was opened with. */
    private String url() {
        return ((RedisKeyValueStore) store).options().url();
    }
}
