package org.callsign.signaling.cluster.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    @Test
    void runsTasksOneAtATimeInTheOrderGivenOnAPool() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            SerialExecutor serial = new SerialExecutor(pool);
            List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger running = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(10_000);
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                serial.execute(() -> {
                    if (running.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    ran.add(n);
                    running.decrementAndGet();
                    done.countDown();
                });
            }
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(0, overlaps.get());
            assertEquals(IntStream.range(0, 10_000).boxed().toList(), ran);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheNext() throws InterruptedException {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            SerialExecutor serial = new SerialExecutor(pool);
            CountDownLatch after = new CountDownLatch(1);
            serial.execute(() -> {
                throw new IllegalStateException("boom");
            });
            serial.execute(after::countDown);
            assertTrue(after.await(5, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesWhatWouldWeighMoreThanTheLimitWhileItWaitsAndTakesItAgainOnceRun() throws InterruptedException {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            SerialExecutor serial = new SerialExecutor(pool, 3_000);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
            assertTrue(serial.offer(
                    () -> {
                        started.countDown();
                        await(release);
                        ran.add(0);
                    },
                    1_000));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            assertEquals(0, serial.waitingWeight(), "a running task no longer waits");

            assertTrue(serial.offer(() -> ran.add(1), 1_000));
            assertTrue(serial.offer(() -> ran.add(2), 2_000));
            assertFalse(serial.offer(() -> ran.add(3), 1), "3,001 would wait");
            assertEquals(3_000, serial.waitingWeight());
            CountDownLatch last = new CountDownLatch(1);
            serial.execute(last::countDown); // never refused

            release.countDown();
            assertTrue(last.await(5, TimeUnit.SECONDS));
            assertEquals(List.of(0, 1, 2), ran, "the refused task did not run");
            assertEquals(0, serial.waitingWeight());
            CountDownLatch again = new CountDownLatch(1);
            assertTrue(serial.offer(again::countDown, 3_000), "room once the others ran");
            assertTrue(again.await(5, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void neverLetsConcurrentOffersWaitPastTheLimit() throws InterruptedException {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        ExecutorService offering = Executors.newFixedThreadPool(4);
        try {
            SerialExecutor serial = new SerialExecutor(pool, 100);
            CountDownLatch release = new CountDownLatch(1);
            serial.execute(() -> await(release));
            AtomicInteger accepted = new AtomicInteger();
            CountDownLatch offered = new CountDownLatch(4_000);
            for (int i = 0; i < 4_000; i++) {
                offering.execute(() -> {
                    if (serial.offer(() -> {}, 1)) {
                        accepted.incrementAndGet();
                    }
                    offered.countDown();
                });
            }
            assertTrue(offered.await(10, TimeUnit.SECONDS));
            assertEquals(100, accepted.get());
            assertEquals(100, serial.waitingWeight());
            release.countDown();
        } finally {
            offering.shutdownNow();
            pool.shutdownNow();
        }
    }

    @Test
    void refusesNegativeWeightsAndLimits() {
        assertThrows(IllegalArgumentException.class, () -> new SerialExecutor(Runnable::run, -1));
        SerialExecutor serial = new SerialExecutor(Runnable::run, 10);
        assertThrows(IllegalArgumentException.class, () -> serial.offer(() -> {}, -5));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
