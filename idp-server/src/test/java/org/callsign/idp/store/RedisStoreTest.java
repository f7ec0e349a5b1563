package org.callsign.idp.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.callsign.idp.TestUsers;
import org.callsign.idp.account.store.AccountStore;
import org.callsign.idp.key.SigningKeyStore;
import org.callsign.idp.session.store.SessionStore;
import org.callsign.server.store.KeyValueStore;
import org.callsign.server.store.LocalRedis;
import org.callsign.server.store.RedisKeyValueStore;
import org.callsign.server.store.RedisServerCondition;
import org.callsign.server.store.RedisStoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The IdP with {@code store.kind=redis}: its accounts, sessions and signing keys are in Redis, readiness follows Redis,
 * and a request that needs Redis while it does not answer is refused with {@code store-unavailable}.
 */
@QuarkusTest
@WithTestResource(RedisStoreResource.class)
@ExtendWith(RedisServerCondition.class)
class RedisStoreTest {

    @Inject
    KeyValueStore store;

    @Test
    void theIdpRunsOnRedis() {
        assertEquals("redis store " + url() + " (key prefix callsign:idp:)", store.toString());
    }

    @Test
    void anAccountCreatedOverHttpAndItsLoginAreInRedis() {
        String username = TestUsers.registerNew("redis");
        TestUsers.token(username);
        try (KeyValueStore direct = RedisKeyValueStore.open(new RedisStoreOptions(url(), StoreProducer.KEY_PREFIX))) {
            assertTrue(direct.get(AccountStore.NAMESPACE, username).isPresent(), "account " + username);
            assertFalse(direct.entries(SessionStore.NAMESPACE).isEmpty(), "no session in Redis");
            assertFalse(direct.entries(SigningKeyStore.NAMESPACE).isEmpty(), "no signing key in Redis");
        }
    }

    @Test
    void whileRedisDoesNotAnswerTheIdpIsNotReadyAndRefusesWith503() throws InterruptedException {
        String token = TestUsers.token(TestUsers.registerNew("redis-paused"));
        given().when().get("/q/health/ready").then().statusCode(200);
        // Redis holds every client's commands for three seconds; the store's timeout is one.
        LocalRedis.cli(URI.create(url()).getPort(), "CLIENT", "PAUSE", "3000", "ALL");

        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body(
                        "checks.find { it.name == 'store' }.data.error",
                        equalTo("redis " + url() + ": read of namespace health got no answer within 1000 ms"));
        given().header("Authorization", "Bearer " + token)
                .when()
                .get("/api/account")
                .then()
                .statusCode(503)
                .body("error", equalTo("store-unavailable"))
                .body("message", equalTo("the IdP's store is not available; retry shortly"));

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (given().when().get("/q/health/ready").statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "readiness stayed down after the pause");
            Thread.sleep(200);
        }
    }

    /** The URL the application's store was opened with. */
    private String url() {
        return ((RedisKeyValueStore) store).options().url();
    }
}
