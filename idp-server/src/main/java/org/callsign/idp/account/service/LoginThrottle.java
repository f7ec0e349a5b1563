package org.callsign.idp.account.service;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.callsign.idp.api.RateLimitedException;
import org.callsign.idp.config.IdpConfig;
import org.callsign.server.limit.FailureBackoff;
import org.callsign.server.limit.RequestRateLimiter;

/**
 * The rate limits of the endpoints that check a password or create an account: a request rate per client IP, and
 * lockout with back-off per account and per client IP after consecutive failed password checks. Failures against
 * unknown usernames count exactly like failures against real ones, so a lockout never tells whether a name exists.
 * Everything is in memory (see {@link RequestRateLimiter}, {@link FailureBackoff}).
 */
@Singleton
public class LoginThrottle {

    private final RequestRateLimiter requests;
    private final FailureBackoff accounts;
    private final FailureBackoff addresses;

    public LoginThrottle(IdpConfig config, Clock clock) {
        IdpConfig.RateLimit limits = config.rateLimit();
        this.requests = new RequestRateLimiter(limits.requestsPerMinute(), clock);
        this.accounts = new FailureBackoff(limits.accountFailures(), limits.lockout(), limits.maxLockout(), clock);
        this.addresses = new FailureBackoff(limits.ipFailures(), limits.lockout(), limits.maxLockout(), clock);
    }

    /** Counts one request from {@code ip}; 429 if over the rate. */
    public void request(String ip) {
        Optional<Duration> wait = requests.acquire(ip);
        if (wait.isPresent()) {
            throw new RateLimitedException("too many requests from this address", wait.get());
        }
    }

    /** 429 if the account or the address is locked out; call before checking the password. */
    public void checkLockout(String account, String ip) {
        Optional<Duration> account429 = account == null ? Optional.empty() : accounts.lockedFor(account);
        if (account429.isPresent()) {
            throw new RateLimitedException("too many failed logins for this account", account429.get());
        }
        Optional<Duration> ip429 = addresses.lockedFor(ip);
        if (ip429.isPresent()) {
            throw new RateLimitedException("too many failed logins from this address", ip429.get());
        }
    }

    /** Records a failed password check. */
    public void failure(String account, String ip) {
        if (account != null) {
            accounts.recordFailure(account);
        }
        addresses.recordFailure(ip);
    }

    /** Records a successful password check: clears the account, not the address (an attacker's own account must not reset it). */
    public void success(String account) {
        accounts.recordSuccess(account);
    }

    /** Drops idle entries; returns how many. */
    public int prune() {
        return requests.prune() + accounts.prune() + addresses.prune();
    }
}
