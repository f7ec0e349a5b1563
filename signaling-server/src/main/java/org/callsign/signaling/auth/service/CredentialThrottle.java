package org.callsign.signaling.auth.service;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.callsign.server.limit.Lockouts;
import org.callsign.server.limit.TokenBuckets;
import org.callsign.signaling.api.ClientAddress;
import org.callsign.signaling.api.RateLimitedException;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.config.SignalingConfig;

/**
 * Every credential check runs through here. A key or admin-secret check, in this order: the client IP's request rate; the
 * lockouts of the client id and of the IP (exponential back-off after consecutive failures); the server-wide
 * {@link KeyCheckBudget} for bcrypt; then the check, whose result feeds the back-off. A refusal is a 429 with
 * {@code Retry-After}, decided before any hashing. Unknown client ids count exactly like real ones, so a lockout never
 * tells whether an id exists. A bearer-token check (a hash and a lookup) counts against the IP's token-check rate
 * only. In memory, per process; shared in Redis by the nodes of a cluster, so that guesses spread over nodes count
 * together. (The bcrypt budget stays per node: it protects each node's processors.)
 */
@Singleton
public class CredentialThrottle {

    private final TokenBuckets requests;
    private final TokenBuckets tokenChecks;
    private final Lockouts clients;
    private final Lockouts addresses;
    private final KeyCheckBudget budget;

    public CredentialThrottle(SignalingConfig config, KeyCheckBudget budget, ClusterNode cluster, Clock clock) {
        SignalingConfig.RateLimit limits = config.rateLimit();
        Duration minute = Duration.ofMinutes(1);
        this.requests = cluster.tokenBuckets("requests", limits.requestsPerMinute(), minute, clock);
        this.tokenChecks = cluster.tokenBuckets("token-checks", limits.tokenChecksPerMinute(), minute, clock);
        this.clients =
                cluster.lockouts("clients", limits.clientFailures(), limits.lockout(), limits.maxLockout(), clock);
        this.addresses =
                cluster.lockouts("addresses", limits.ipFailures(), limits.lockout(), limits.maxLockout(), clock);
        this.budget = budget;
    }

    /** Checks a client's key ({@code bcrypt}, within the budget); true if it matched. */
    public boolean checkKey(String clientId, ClientAddress address, BooleanSupplier bcrypt) {
        admit(clientId, address);
        return record(clientId, address, budget.run(bcrypt::getAsBoolean));
    }

    /** Checks the admin secret (a constant-time comparison, outside the bcrypt budget); true if it matched. */
    public boolean checkSecret(ClientAddress address, BooleanSupplier comparison) {
        admit(null, address);
        return record(null, address, comparison.getAsBoolean());
    }

    /** Counts a bearer-token check against the IP's token-check rate; 429 if over it. */
    public void admitTokenCheck(ClientAddress address) {
        refuse(tokenChecks.acquire(address.ip()), "too many token checks from this address");
    }

    /** Hashes a new key, counted against the IP's request rate and the bcrypt budget. */
    public String hashKey(ClientAddress address, Supplier<String> bcrypt) {
        refuse(requests.acquire(address.ip()), "too many requests from this address");
        return budget.run(bcrypt);
    }

    /** Drops idle entries; returns how many. */
    public int prune() {
        return requests.prune() + tokenChecks.prune() + clients.prune() + addresses.prune();
    }

    private void admit(String clientId, ClientAddress address) {
        refuse(requests.acquire(address.ip()), "too many requests from this address");
        if (clientId != null) {
            refuse(clients.lockedFor(clientId), "too many failed key checks for this client");
        }
        refuse(addresses.lockedFor(address.ip()), "too many failed credential checks from this address");
    }

    private boolean record(String clientId, ClientAddress address, boolean ok) {
        if (ok) {
            // Clears the client, not the address: an attacker's own client must not reset its address.
            if (clientId != null) {
                clients.recordSuccess(clientId);
            }
            return true;
        }
        if (clientId != null) {
            clients.recordFailure(clientId);
        }
        addresses.recordFailure(address.ip());
        return false;
    }

    private static void refuse(Optional<Duration> wait, String message) {
        if (wait.isPresent()) {
            throw new RateLimitedException(message, wait.get());
        }
    }
}
