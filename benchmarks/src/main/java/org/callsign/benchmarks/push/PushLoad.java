package org.callsign.benchmarks.push;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.callsign.benchmarks.signaling.Latencies;
import org.callsign.signaling.push.service.CallNotification;
import org.callsign.signaling.push.service.PushRequests;
import org.callsign.signaling.push.service.VapidKeys;
import org.callsign.signaling.push.store.PushSubscription;
import org.callsign.signaling.push.store.PushType;
import org.callsign.wellknown.fetch.AddressPolicy;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.fetch.FetchPolicy;
import org.callsign.wellknown.fetch.FetchResult;
import org.callsign.wellknown.fetch.Fetcher;
import org.callsign.wellknown.testing.WebPushTesting;

/**
 * Pushes sent per second to a real push service on loopback ({@code web-push-testing}, which verifies each VAPID
 * token and decrypts each payload): signaling-server's {@link PushRequests} (RFC 8291 encryption with a fresh key and
 * salt per push, an RFC 8292 VAPID token) and its hardened {@link Fetcher}, as {@code PushDelivery} sends them, from
 * 1, 2 and 4 sending threads. First the sender's own cost per push (encryption and token, no network), then each
 * level: warm-up, then a measured interval; every answer must be 201.
 *
 * <p>Usage: {@code PushLoad [subscriptions] [warm-up seconds] [measured seconds] [thread levels, comma-separated]}.
 */
public final class PushLoad {

    private PushLoad() {}

    public static void main(String[] args) throws Exception {
        int subscriptions = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Duration warmUp = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 5);
        Duration measured = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 15);
        String levels = args.length > 3 ? args[3] : "1,2,4";
        if (!WebPushTesting.installed()) {
            System.err.println(WebPushTesting.MISSING);
            System.exit(2);
        }
        Path dir = Files.createTempDirectory("push-load");
        try (WebPushTesting service = WebPushTesting.start(dir)) {
            VapidKeys keys = VapidKeys.generated();
            PushRequests requests = new PushRequests(keys, Optional.of("mailto:bench@callsign.invalid"));
            List<PushSubscription> targets = new ArrayList<>();
            List<WebPushTesting.Subscription> made = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 0; i < subscriptions; i++) {
                WebPushTesting.Subscription s = service.subscribe(keys.publicKey());
                made.add(s);
                targets.add(new PushSubscription(
                        "s" + i,
                        "bench",
                        "device" + i,
                        PushType.WEBPUSH,
                        s.endpoint(),
                        s.p256dh(),
                        s.auth(),
                        now,
                        now.plus(Duration.ofDays(1))));
            }
            Fetcher fetcher = new DefaultFetcher(FetchPolicy.builder()
                    .addressPolicy(AddressPolicy.PUBLIC_AND_LOOPBACK)
                    .plainHttpOnLoopback(true)
                    .totalTimeout(Duration.ofSeconds(10))
                    .build());
            System.out.printf(
                    "push load: %d subscriptions at web-push-testing, %s warm-up, %s measured, %d cores, %s%n",
                    subscriptions,
                    warmUp,
                    measured,
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name") + " " + Runtime.version());
            senderCost(requests, targets.get(0));
            System.out.println("| sending threads | pushes/s | p50 ms | p99 ms | pushes | failures |");
            System.out.println("|---|---|---|---|---|---|");
            for (String level : levels.split(",")) {
                int threads = Integer.parseInt(level.trim());
                run(fetcher, requests, targets, threads, warmUp, null);
                Latencies latencies = new Latencies();
                Outcome outcome = run(fetcher, requests, targets, threads, measured, latencies);
                System.out.printf(
                        "| %d | %.0f | %.2f | %.2f | %d | %d |%n",
                        threads,
                        outcome.delivered / (double) measured.toSeconds(),
                        latencies.percentileMillis(50),
                        latencies.percentileMillis(99),
                        outcome.delivered,
                        outcome.failed);
            }
            List<String> received = service.notifications(made.get(0).clientHash());
            if (received.isEmpty() || !received.get(0).contains("\"type\":\"incoming-call\"")) {
                throw new IllegalStateException("the push service decrypted nothing for a subscription: " + received);
            }
            System.out.println("the push service verified and decrypted every push; one of them: " + received.get(0));
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path path :
                        files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** What one interval sent. */
    private record Outcome(long delivered, long failed) {}

    /** The sender's cost per push without the network: encryption and VAPID token, one thread, for 5 s. */
    private static void senderCost(PushRequests requests, PushSubscription target) {
        CallNotification notification = notification(0);
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long count = 0;
        long spent = 0;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            byte[] body = requests.encrypt(target, notification);
            requests.request(target, notification, body, Instant.now());
            spent += System.nanoTime() - start;
            count++;
        }
        System.out.printf(
                "sender cost per push (encrypt + VAPID token, one thread, 5 s incl. warm-up): %.0f µs mean, %d pushes%n",
                spent / 1e3 / count, count);
    }

    private static Outcome run(
            Fetcher fetcher,
            PushRequests requests,
            List<PushSubscription> targets,
            int threads,
            Duration length,
            Latencies latencies)
            throws Exception {
        AtomicLong delivered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long end = System.nanoTime() + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    int n = next.getAndIncrement();
                    PushSubscription target = targets.get(Math.floorMod(n, targets.size()));
                    CallNotification notification = notification(n);
                    long start = System.nanoTime();
                    try {
                        byte[] body = requests.encrypt(target, notification);
                        FetchResult result = fetcher.fetch(requests.request(target, notification, body, Instant.now()));
                        if (result.status() == 201) {
                            delivered.incrementAndGet();
                            if (latencies != null) {
                                latencies.add(System.nanoTime() - start);
                            }
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, "HTTP " + result.status());
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e.toString());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        if (firstFailure.get() != null && latencies != null) {
            System.out.println("first failure of " + threads + " threads: " + firstFailure.get());
        }
        return new Outcome(delivered.get(), failed.get());
    }

    private static CallNotification notification(int n) {
        return new CallNotification(
                CallNotification.Kind.INCOMING_CALL,
                "call-" + n,
                null,
                Instant.now().plusSeconds(45).truncatedTo(ChronoUnit.SECONDS));
    }
}
