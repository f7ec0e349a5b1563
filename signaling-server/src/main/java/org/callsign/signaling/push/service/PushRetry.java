package org.callsign.signaling.push.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What to do after one attempt to deliver a push: the answers of a push service (RFC 8030 §5: 201 accepted; §7.3: 404
 * or 410 for a subscription that is gone; 429 and 5xx, perhaps with {@code Retry-After}, RFC 9110 §10.2.3, for a
 * service that cannot take it now). Temporary failures are retried with exponential back-off, at most
 * {@link #MAX_ATTEMPTS} attempts, and an incoming call's push never after the call stops ringing.
 */
public final class PushRetry {

    /** Attempts per push, the first included. */
    public static final int MAX_ATTEMPTS = 3;

    /** The wait before the second attempt; doubled before each further one. */
    public static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    /** The longest {@code Retry-After} honoured; a longer one is shortened to it. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    /** What happens next. */
    public enum Action {
        /** The push service took it. */
        DELIVERED,
        /** Send it again after {@link Decision#delay()}. */
        RETRY,
        /** The subscription is gone: delete it. */
        GONE,
        /** Give up; the reason says why. */
        DROP
    }

    /**
     * A decision.
     *
     * @param action what to do
     * @param delay the wait before the next attempt ({@link Action#RETRY}), else zero
     * @param reason why, for logs
     */
    public record Decision(Action action, Duration delay, String reason) {}

    private PushRetry() {}

    /**
     * The decision after attempt {@code attempt} (from 1) of {@code notification}.
     *
     * @param status the push service's status, or -1 when no answer came (a network failure)
     * @param retryAfter the answer's {@code Retry-After}, if any
     * @param now the time of the answer
     */
    public static Decision decide(
            CallNotification notification, int attempt, int status, Optional<Duration> retryAfter, Instant now) {
        if (status >= 200 && status < 300) {
            return new Decision(Action.DELIVERED, Duration.ZERO, "status " + status);
        }
        if (status == 404 || status == 410) {
            return new Decision(Action.GONE, Duration.ZERO, "status " + status + ": the subscription is gone");
        }
        String failure = status < 0 ? "no answer" : "status " + status;
        if (status >= 0 && status != 429 && status < 500) {
            return drop(failure + ", not retried");
        }
        if (attempt >= MAX_ATTEMPTS) {
            return drop(failure + " after " + attempt + " attempts");
        }
        Duration delay = retryAfter
                .map(wait -> wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait)
                .orElse(FIRST_BACKOFF.multipliedBy(1L << (attempt - 1)));
        if (notification.kind() == CallNotification.Kind.INCOMING_CALL
                && !now.plus(delay).isBefore(notification.expires())) {
            return drop(failure + "; a retry would come after the call stops ringing");
        }
        return new Decision(Action.RETRY, delay, failure + ", retried in " + delay.toMillis() + " ms");
    }

    /**
     * A {@code Retry-After} value (RFC 9110 §10.2.3): delay-seconds or an HTTP date; empty if absent or unreadable. A
     * date in the past is zero.
     */
    public static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Decision drop(String reason) {
        return new Decision(Action.DROP, Duration.ZERO, reason);
    }
}
