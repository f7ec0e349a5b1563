package org.callsign.idp.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.callsign.idp.TestUsers;
import org.callsign.idp.account.store.AccountStore;
import org.callsign.idp.key.SigningKeyStore;
import org.callsign.idp.session.store.SessionStore;
import org.callsign.server.store.KeyValueStore;
import org.callsign.server.store.RedisKeyValueStore;
import org.callsign.server.store.RedisServerCondition;
import org.callsign.server.store.RedisStoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The IdP with {@code store.kind=redis}: its accounts, sessions and signing keys are in Redis. */
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

    /** The URL the application's store was opened with. */
    private String url() {
        return ((RedisKeyValueStore) store).options().url();
    }
}
