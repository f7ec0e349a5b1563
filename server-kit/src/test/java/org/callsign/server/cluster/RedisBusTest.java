package org.callsign.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.callsign.server.store.LocalRedis;
import org.callsign.server.store.RedisStoreOptions;
import org.callsign.server.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RedisBus} against a real {@code redis-server}: order, loss reported, reconnection, failures. */
class RedisBusTest {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void deliversWhatOneThreadPublishesInOrder() throws Exception {
        Recorder received = new Recorder();
        try (RedisBus subscriber = open("order:b", received);
                RedisBus publisher = open("order:a", new Recorder())) {
            assertTrue(subscriber.subscribed());
            AtomicInteger failures = new AtomicInteger();
            for (int i = 0; i < 2_000; i++) {
                publisher.publish("order:b", "message " + i, failure -> failures.incrementAndGet());
            }
            for (int i = 0; i < 2_000; i++) {
                assertEquals("order:b message " + i, received.next());
            }
            assertEquals(0, failures.get());
        }
    }

    @Test
    void receivesOnlyItsOwnChannels() throws Exception {
        Recorder received = new Recorder();
        try (RedisBus subscriber = open("mine", received);
                RedisBus publisher = open("other", new Recorder())) {
            publisher.publish("not-mine", "lost", failure -> {});
            publisher.publish("mine", "kept", failure -> {});
            assertEquals("mine kept", received.next());
            assertNull(received.messages.poll(200, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void reportsALostSubscriptionAndSubscribesAgainWhenRedisIsBack() throws Exception {
        Recorder received = new Recorder();
        try (RedisBus subscriber = open("restart:b", received);
                RedisBus publisher = open("restart:a", new Recorder())) {
            REDIS.kill();
            assertTrue(received.lost.await(5, TimeUnit.SECONDS), "the loss is reported");
            assertFalse(subscriber.subscribed());
            CountDownLatch failed = new CountDownLatch(1);
            publisher.publish("restart:b", "while down", failure -> failed.countDown());
            assertTrue(failed.await(5, TimeUnit.SECONDS), "a publish while Redis is down fails");
            REDIS.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            String got = null;
            while (got == null && System.nanoTime() < deadline) {
                publisher.publish("restart:b", "after restart", failure -> {});
                got = received.messages.poll(100, TimeUnit.MILLISECONDS);
            }
            assertEquals("restart:b after restart", got);
            assertTrue(subscriber.subscribed());
        }
    }

    @Test
    void callsCommandsAndNamesTheEndpointWhenTheyFail() {
        try (RedisBus bus = open("calls", new Recorder())) {
            bus.call(
                    Request.cmd(Command.SET)
                            .arg("bus:key")
                            .arg("value")
                            .arg("PX")
                            .arg(5_000),
                    "set");
            assertEquals(
                    "value",
                    bus.call(Request.cmd(Command.GET).arg("bus:key"), "get").toString());
            StoreException failure = assertThrows(
                    StoreException.class,
                    () -> bus.call(Request.cmd(Command.INCR).arg("bus:key"), "increment"));
            assertTrue(
                    failure.getMessage().startsWith("redis " + REDIS.url() + ": increment failed: "),
                    failure.getMessage());
        }
    }

    @Test
    void answersCommandsWhileTheMessagesEventLoopIsBusy() throws Exception {
        Stuck busy = new Stuck(); // stands for a backlog of messages
        CountDownLatch handling = busy.handling;
        CountDownLatch release = busy.release;
        try (RedisBus bus = open("busy", busy);
                RedisBus publisher = open("busy:other", new Recorder())) {
            publisher.publish("busy", "hold the loop", failure -> {});
            assertTrue(handling.await(5, TimeUnit.SECONDS));

            assertEquals(
                    "PONG",
                    bus.call(Request.cmd(Command.PING), "ping").toString(),
                    "a command does not wait for the messages' event loop");
        } finally {
            release.countDown();
        }
    }

    @Test
    void refusesToPublishPastTheBoundWhileItsEventLoopIsBehindAndTakesMessagesAgainOnceCaughtUp() throws Exception {
        Stuck stuck = new Stuck(); // the publisher's loop is behind
        CountDownLatch handling = stuck.handling;
        CountDownLatch release = stuck.release;
        Recorder received = new Recorder();
        RedisStoreOptions options = new RedisStoreOptions(REDIS.url(), "callsign:").withTimeout(TIMEOUT);
        try (RedisBus publisher = RedisBus.open(options, List.of("bounded:pub"), stuck, 10_000);
                RedisBus other = open("bounded:sub", received)) {
            other.publish("bounded:pub", "hold the loop", failure -> {});
            assertTrue(handling.await(5, TimeUnit.SECONDS));
            List<String> failures = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 25; i++) {
                String message = String.format("%04d", i) + "x".repeat(996); // 1,000 characters
                publisher.publish("bounded:sub", message, failure -> failures.add(failure.getMessage()));
            }
            assertEquals(10_000, publisher.pendingChars(), "ten messages wait, fifteen were refused");

            release.countDown();
            for (int i = 0; i < 10; i++) {
                assertTrue(received.next().startsWith(String.format("bounded:sub %04d", i)));
            }
            assertNull(received.messages.poll(300, TimeUnit.MILLISECONDS), "a refused message was published");
            assertEquals(15, failures.size());
            assertTrue(
                    failures.get(0).endsWith("not published: 10000 characters of messages wait to be published"),
                    failures.get(0));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (publisher.pendingChars() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, publisher.pendingChars());
            publisher.publish("bounded:sub", "after", failure -> failures.add(failure.getMessage()));
            assertEquals("bounded:sub after", received.next());
            assertEquals(15, failures.size());
        } finally {
            release.countDown();
        }
    }

    @Test
    void refusesToOpenWhenRedisIsUnreachable() {
        RedisStoreOptions nowhere =
                new RedisStoreOptions("redis://127.0.0.1:1", "callsign:").withTimeout(Duration.ofMillis(500));
        StoreException failure =
                assertThrows(StoreException.class, () -> RedisBus.open(nowhere, List.of("x"), new Recorder()));
        assertTrue(
                failure.getMessage().startsWith("redis " + nowhere.endpoint() + ": subscribing failed: "),
                failure.getMessage());
    }

    private static RedisBus open(String channel, Recorder recorder) {
        return RedisBus.open(
                new RedisStoreOptions(REDIS.url(), "callsign:").withTimeout(TIMEOUT), List.of(channel), recorder);
    }

    /** Keeps what arrived as {@code "<channel> <message>"}. */
    private static class Recorder implements RedisBus.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CountDownLatch lost = new CountDownLatch(1);
        final List<String> lostAt = new ArrayList<>();

        @Override
        public void message(String channel, String message) {
            messages.add(channel + " " + message);
        }

        @Override
        public void lost() {
            lostAt.add("lost");
            lost.countDown();
        }

        String next() throws InterruptedException {
            String message = messages.poll(5, TimeUnit.SECONDS);
            assertNotNull(message, "a message arrives");
            return message;
        }
    }

    /** Holds the bus's event loop in the first message it is given, until released. */
    private static final class Stuck extends Recorder {
        final CountDownLatch handling = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void message(String channel, String message) {
            handling.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
