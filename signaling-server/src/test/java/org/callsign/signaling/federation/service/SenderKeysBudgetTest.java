package org.callsign.signaling.federation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.callsign.signaling.discovery.service.ServerDocuments;
import org.callsign.signaling.federation.signature.FederationAuthException;
import org.callsign.signaling.federation.signature.FederationAuthFailure;
import org.callsign.signaling.federation.signature.FederationKeys;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.testing.LocalDomains;
import org.callsign.wellknown.testing.ScriptedResponse;
import org.callsign.wellknown.testing.TestCa;
import org.junit.jupiter.api.Test;

/**
 * Senders' documents are fetched at most {@link FederationSigning#MAX_CONCURRENT_SENDER_FETCHES} at once: anyone can
 * claim to be any sender, and each uncached document may take the whole federation timeout.
 */
class SenderKeysBudgetTest {

    @Test
    void aSenderPastTheBudgetIsToldToRetryInsteadOfWaiting() throws Exception {
        String keys = FederationKeys.generate().publicKeys().toString();
        try (LocalDomains domains = LocalDomains.start(TestCa.create("budget test CA"), "slow.test")) {
            domains.server()
                    .route(
                            "/.well-known/callsign",
                            ScriptedResponse.ok(
                                            "application/json",
                                            "{\"server\":\"https://slow.test\",\"federation\":{\"endpoint\":"
                                                    + "\"https://slow.test/federation/v1\",\"keys\":" + keys + "}}")
                                    .delayHeaders(Duration.ofSeconds(2)));
            ServerDocuments documents =
                    new ServerDocuments(new DefaultFetcher(domains.policy().build()));
            Semaphore budget = new Semaphore(FederationSigning.MAX_CONCURRENT_SENDER_FETCHES);
            ExecutorService pool = Executors.newFixedThreadPool(FederationSigning.MAX_CONCURRENT_SENDER_FETCHES);
            try {
                List<Future<?>> waiting = new ArrayList<>();
                for (int i = 0; i < FederationSigning.MAX_CONCURRENT_SENDER_FETCHES; i++) {
                    waiting.add(
                            pool.submit(() -> FederationSigning.senderKeys(documents, "https://slow.test", budget)));
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (budget.availablePermits() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                FederationAuthException busy = assertThrows(
                        FederationAuthException.class,
                        () -> FederationSigning.senderKeys(documents, "https://slow.test", budget));
                assertEquals(FederationAuthFailure.SENDERS_BUSY, busy.failure());
                for (Future<?> fetch : waiting) {
                    fetch.get();
                }
                assertEquals(FederationSigning.MAX_CONCURRENT_SENDER_FETCHES, budget.availablePermits());
                assertEquals(
                        1,
                        FederationSigning.senderKeys(documents, "https://slow.test", budget)
                                .getKeys()
                                .size());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
