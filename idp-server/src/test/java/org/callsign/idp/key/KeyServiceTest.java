package org.callsign.idp.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.callsign.idp.MutableClock;
import org.callsign.idp.store.StoreProducer;
import org.callsign.server.store.KeyValueStore;
import org.callsign.server.store.MvStoreKeyValueStore;
import org.callsign.server.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyServiceTest {

    private static final Duration PERIOD = Duration.ofDays(30);
    private static final Duration RETENTION = Duration.ofMinutes(6);
    private static final KeyPolicy ES256 = new KeyPolicy(KeyAlgorithm.ES256, PERIOD, RETENTION);

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private KeyValueStore store;

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private KeyService start(KeyPolicy policy) {
        if (store != null) {
            store.close();
        }
        store = MvStoreKeyValueStore.open(temp, StoreProducer.FILE_NAME);
        return new KeyService(new SigningKeyStore(store), policy, clock);
    }

    private static List<String> kids(List<SigningKey> keys) {
        return keys.stream().map(SigningKey::kid).toList();
    }

    @Test
    void firstStartGeneratesACurrentAndANextKey() {
        KeyService keys = start(ES256);
        List<SigningKey> published = keys.published();
        assertEquals(2, published.size());
        assertEquals(KeyState.CURRENT, published.get(0).state());
        assertEquals(KeyState.NEXT, published.get(1).state());
        assertEquals(keys.current(), published.get(0));
        assertEquals(KeyAlgorithm.ES256, keys.current().algorithm());
        assertEquals(
                Set.of(
                        SigningKeyStore.RING,
                        published.get(0).kid(),
                        published.get(1).kid()),
                store.entries(SigningKeyStore.NAMESPACE).keySet());
    }

    @Test
    void keysSurviveARestart() throws Exception {
        KeyService before = start(ES256);
        JWSObject jws = new JWSObject(before.current().header().build(), new Payload("signed before restart"));
        jws.sign(before.current().signer());

        KeyService after = start(ES256);

        assertEquals(kids(before.published()), kids(after.published()));
        assertEquals(before.current(), after.current());
        assertTrue(jws.verify(new ECDSAVerifier(after.current().publicJwk().toECKey())));
    }

    @Test
    void rotationPublishesTheNextKeyBeforeItSigns() {
        KeyService keys = start(ES256);
        String published = keys.published().get(1).kid();
        String oldCurrent = keys.current().kid();
        clock.advance(Duration.ofHours(1));

        SigningKey current = keys.rotate();

        assertEquals(published, current.kid());
        assertEquals(current, keys.current());
        List<SigningKey> after = keys.published();
        assertEquals(
                List.of(KeyState.CURRENT, KeyState.NEXT, KeyState.RETIRED),
                after.stream().map(SigningKey::state).toList());
        assertEquals(oldCurrent, after.get(2).kid());
        assertTrue(!List.of(published, oldCurrent).contains(after.get(1).kid()));
    }

    @Test
    void rotationIsPersisted() {
        KeyService keys = start(ES256);
        keys.rotate();
        List<String> published = kids(keys.published());
        String current = keys.current().kid();

        KeyService restarted = start(ES256);

        assertEquals(published, kids(restarted.published()));
        assertEquals(current, restarted.current().kid());
    }

    @Test
    void retiredKeyStaysPublishedUntilItsAssertionsHaveExpired() {
        KeyService keys = start(ES256);
        String retired = keys.current().kid();
        keys.rotate();

        clock.advance(RETENTION.minusSeconds(1));
        keys.maintain();
        assertTrue(kids(keys.published()).contains(retired));

        clock.advance(Duration.ofSeconds(1));
        keys.maintain();
        assertEquals(2, keys.published().size());
        assertTrue(!kids(keys.published()).contains(retired));
        assertTrue(!start(ES256).published().stream().anyMatch(key -> key.kid().equals(retired)));
    }

    @Test
    void maintainRotatesOnlyWhenThePeriodHasPassed() {
        KeyService keys = start(ES256);
        String first = keys.current().kid();

        clock.advance(PERIOD.minusSeconds(1));
        keys.maintain();
        assertEquals(first, keys.current().kid());

        clock.advance(Duration.ofSeconds(1));
        keys.maintain();
        assertNotEquals(first, keys.current().kid());
        assertEquals(KeyState.RETIRED, keys.published().get(2).state());
    }

    @Test
    void rotationPeriodCountsAcrossRestarts() {
        String first = start(ES256).current().kid();
        clock.advance(PERIOD);

        KeyService restarted = start(ES256);
        assertEquals(first, restarted.current().kid());
        restarted.maintain();
        assertNotEquals(first, restarted.current().kid());
    }

    @Test
    void changedAlgorithmReplacesTheUnusedNextKey() {
        KeyService es256 = start(ES256);
        String current = es256.current().kid();

        KeyService eddsa = start(new KeyPolicy(KeyAlgorithm.EDDSA, PERIOD, RETENTION));

        assertEquals(current, eddsa.current().kid());
        assertEquals(KeyAlgorithm.ES256, eddsa.current().algorithm());
        assertEquals(KeyAlgorithm.EDDSA, eddsa.published().get(1).algorithm());
        assertEquals(
                Set.of(
                        SigningKeyStore.RING,
                        eddsa.published().get(0).kid(),
                        eddsa.published().get(1).kid()),
                store.entries(SigningKeyStore.NAMESPACE).keySet());
        assertEquals(KeyAlgorithm.EDDSA, eddsa.rotate().algorithm());
    }

    @Test
    void storedRecordHoldsThePrivateKeyOnlyInItsJwk() {
        KeyService keys = start(ES256);
        String record = new String(
                store.get(SigningKeyStore.NAMESPACE, keys.current().kid()).orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(record.contains("\"state\":\"current\""), record);
        assertTrue(record.contains("\\\"d\\\""), "private key is persisted");
    }

    @Test
    void unreadableRecordFailsWithoutQuotingIt() {
        start(ES256);
        store.put(SigningKeyStore.NAMESPACE, "broken", "{\"jwk\":\"secret-material\"".getBytes(StandardCharsets.UTF_8));
        StoreException e = assertThrows(StoreException.class, () -> start(ES256));
        assertTrue(e.getMessage().startsWith("signing key broken is unreadable"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret-material"), e.getMessage());
    }

    @Test
    void twoProcessesStartingOnAnEmptyStoreAgreeOnOneCurrentKey() {
        store = MvStoreKeyValueStore.open(temp, StoreProducer.FILE_NAME);
        SigningKeyStore shared = new SigningKeyStore(store);
        KeyService first = new KeyService(shared, ES256, clock);
        KeyService second = new KeyService(shared, ES256, clock);
        assertEquals(first.current(), second.current());
        assertEquals(kids(first.published()), kids(second.published()));
        assertEquals(2, shared.load().keys().size());
    }

    @Test
    void aRotationDueInTwoProcessesHappensOnce() {
        KeyService first = start(ES256);
        KeyService second = new KeyService(new SigningKeyStore(store), ES256, clock);
        SigningKey next = first.published().get(1);
        clock.advance(PERIOD);
        first.maintain();
        second.maintain();
        assertEquals(next.kid(), second.current().kid());
        assertEquals(first.current(), second.current());
        assertEquals(kids(first.published()), kids(second.published()));
        assertEquals(3, new SigningKeyStore(store).load().keys().size(), "current, next and one retired key");
    }

    @Test
    void maintainTakesUpARotationByAnotherProcess() {
        KeyService first = start(ES256);
        KeyService second = new KeyService(new SigningKeyStore(store), ES256, clock);
        SigningKey rotated = first.rotate();
        assertNotEquals(rotated, second.current());
        second.maintain();
        assertEquals(rotated, second.current());
        assertEquals(kids(first.published()), kids(second.published()));
    }

    @Test
    void aRingChangedSinceItWasReadIsNotSaved() {
        start(ES256);
        SigningKeyStore keys = new SigningKeyStore(store);
        KeyRing read = keys.load();
        KeyRing rotatedHere = read.rotate(clock.instant(), SigningKey.generate(KeyAlgorithm.ES256, clock.instant()));
        KeyRing rotatedThere = read.rotate(clock.instant(), SigningKey.generate(KeyAlgorithm.ES256, clock.instant()));
        assertTrue(keys.save(read, rotatedThere));
        assertFalse(keys.save(read, rotatedHere));
        assertEquals(
                Set.copyOf(kids(rotatedThere.published())),
                Set.copyOf(kids(keys.load().published())));
    }
}
