package org.callsign.signaling.connect.service;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.callsign.signaling.api.ClientAddress;
import org.callsign.signaling.api.RateLimitedException;
import org.callsign.signaling.config.SignalingConfig;

/**
 * Bounds the HTTP requests that wait for a device's answer ({@code /connect}, WHIP {@code POST}): at most
 * {@code connect.max-pending} server-wide and {@code connect.max-pending-per-ip} per client IP. A waiting request
 * holds no thread, but it holds a session, a response and memory until the answer timeout; beyond the bounds the
 * request is refused at once with 429 {@code rate-limited}.
 */
@Singleton
public class PendingAnswers {

    /** The {@code Retry-After} of a refusal: a waiting request ends within the answer timeout, often much sooner. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final SignalingConfig config;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> byAddress = new ConcurrentHashMap<>();

    public PendingAnswers(SignalingConfig config) {
        this.config = config;
    }

    /** Takes a place for a request from {@code address}; {@link Permit#release()} gives it back. */
    public Permit acquire(ClientAddress address) {
        if (total.incrementAndGet() > config.connect().maxPending()) {
            total.decrementAndGet();
            throw new RateLimitedException("too many offers are waiting for an answer; retry later", RETRY_AFTER);
        }
        int max = config.connect().maxPendingPerIp();
        boolean[] taken = new boolean[1];
        byAddress.compute(address.ip(), (ip, count) -> {
            int now = count == null ? 0 : count;
            taken[0] = now < max;
            return taken[0] ? now + 1 : count;
        });
        if (!taken[0]) {
            total.decrementAndGet();
            throw new RateLimitedException(
                    "this address has " + max + " offers waiting for an answer; retry later", RETRY_AFTER);
        }
        return new Permit(address.ip());
    }

    /** Requests waiting now. */
    public int size() {
        return total.get();
    }

    /** A place taken; released once, whatever happens. */
    public final class Permit {
        private final String ip;
        private final AtomicInteger released = new AtomicInteger();

        private Permit(String ip) {
            this.ip = ip;
        }

        /** Gives the place back; later calls do nothing. */
        public void release() {
            if (released.compareAndSet(0, 1)) {
                byAddress.computeIfPresent(ip, (key, count) -> count <= 1 ? null : count - 1);
                total.decrementAndGet();
            }
        }
    }
}
