package org.callsign.signaling.turn.service;

import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callsign.server.limit.TokenBuckets;
import org.callsign.signaling.api.RateLimitedException;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.config.SignalingConfig;
import org.jboss.logging.Logger;

/**
 * The ICE servers a device is given: the configured STUN URLs, and the TURN URLs with fresh credentials in coturn's
 * REST scheme ({@link TurnCredentials}) whose user part is the client's {@linkplain TurnCredentials#pseudonym
 * pseudonym}. Without TURN, STUN only (or nothing). The configuration is checked at startup: bad URLs, TURN URLs
 * without a secret or the reverse, a secret shorter than {@value TurnCredentials#MIN_SECRET_LENGTH} characters or a
 * lifetime outside {@link #MIN_TTL}–{@link #MAX_TTL} stop the server. Requests are limited per client, on every node
 * of a cluster together ({@link ClusterNode#tokenBuckets}).
 */
@Startup
@Singleton
public class IceServerService {

    /** The shortest credential lifetime: long enough to gather candidates and set up a call. */
    public static final Duration MIN_TTL = Duration.ofMinutes(1);

    /** The longest credential lifetime: a leaked credential relays for at most this long. */
    public static final Duration MAX_TTL = Duration.ofHours(24);

    private static final String PREFIX = "callsign.signaling.turn.";
    private static final Logger LOG = Logger.getLogger(IceServerService.class);

    private final List<String> stunUrls;
    private final List<String> turnUrls;
    private final Optional<TurnCredentials> credentials;
    private final Duration ttl;
    private final TokenBuckets requests;
    private final Clock clock;

    @Inject
    public IceServerService(SignalingConfig config, ClusterNode cluster, Clock clock) {
        this(
                config.turn(),
                cluster.tokenBuckets("turn", config.turn().requestsPerMinute(), Duration.ofMinutes(1), clock),
                clock);
    }

    /**
     * The service for the {@code callsign.signaling.turn} settings, with {@code requests} limiting each client; an
     * exception naming the key if one is bad.
     */
    public IceServerService(SignalingConfig.Turn turn, TokenBuckets requests, Clock clock) {
        this.stunUrls = IceUrls.STUN.check(PREFIX + "stun-urls", turn.stunUrls().orElse(List.of()));
        this.turnUrls = IceUrls.TURN.check(PREFIX + "urls", turn.urls().orElse(List.of()));
        if (turnUrls.isEmpty() != turn.secret().isEmpty()) {
            throw new IllegalStateException(PREFIX + "urls and " + PREFIX + "secret must be set together");
        }
        if (turn.secret().isPresent() && turn.secret().get().length() < TurnCredentials.MIN_SECRET_LENGTH) {
            throw new IllegalStateException(
                    PREFIX + "secret must have at least " + TurnCredentials.MIN_SECRET_LENGTH + " characters");
        }
        this.credentials = turn.secret().map(TurnCredentials::new);
        this.ttl = turn.ttl();
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalStateException(PREFIX + "ttl must be between 1m and 24h: " + ttl);
        }
        this.requests = requests;
        this.clock = clock;
        LOG.infof(
                "ICE servers: %d STUN URL(s), %d TURN URL(s)%s",
                stunUrls.size(), turnUrls.size(), credentials.isPresent() ? " with credentials valid for " + ttl : "");
    }

    /**
     * The ICE servers for a client; 429 past the client's request rate.
     *
     * @throws org.callsign.server.store.StoreException on a cluster, if Redis does not answer (503 {@code
     *     store-unavailable})
     */
    public IceServers forClient(String clientId) {
        Optional<Duration> wait = requests.acquire(clientId);
        if (wait.isPresent()) {
            throw new RateLimitedException("too many ICE server requests for this client", wait.get());
        }
        List<IceServer> servers = new ArrayList<>();
        if (!stunUrls.isEmpty()) {
            servers.add(new IceServer(stunUrls, null, null));
        }
        if (credentials.isEmpty()) {
            return new IceServers(servers, null);
        }
        Instant now = clock.instant();
        IceServer turn = credentials.get().issue(credentials.get().pseudonym(clientId), now, ttl, turnUrls);
        servers.add(turn);
        return new IceServers(servers, Instant.ofEpochSecond(now.plus(ttl).getEpochSecond()));
    }
}
