package org.callsign.idp.session.service;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.callsign.idp.account.store.Account;
import org.callsign.idp.account.store.AccountStore;
import org.callsign.idp.config.IdpConfig;
import org.callsign.idp.session.store.Session;
import org.callsign.idp.session.store.SessionKind;
import org.callsign.idp.session.store.SessionStore;
import org.callsign.server.secret.OpaqueTokens;

/**
 * Issues, resolves and revokes sessions. Cookie sessions and bearer tokens are the same thing: an opaque secret of
 * {@value #SECRET_BYTES} random bytes whose SHA-256 keys a server-side record. Opaque rather than self-contained
 * (JWT): revocation on logout, password change and account deletion is immediate, there is no signing key to guard
 * or algorithm to confuse, and the assertion keys stay dedicated to assertions.
 *
 * <p>A secret resolves only as its own kind, before its expiry, while its account exists with the same id and
 * password generation.
 */
@Singleton
public class SessionService {

    /** Random bytes per secret (256 bits). */
    public static final int SECRET_BYTES = OpaqueTokens.SECRET_BYTES;

    private final SessionStore sessions;
    private final AccountStore accounts;
    private final IdpConfig config;
    private final Clock clock;

    public SessionService(SessionStore sessions, AccountStore accounts, IdpConfig config, Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.config = config;
        this.clock = clock;
    }

    /** Issues a session of {@code kind} for the account. */
    public IssuedSession issue(Account account, SessionKind kind) {
        String secret = OpaqueTokens.newSecret();
        Instant now = clock.instant();
        Duration lifetime = kind == SessionKind.COOKIE
                ? config.sessions().cookieLifetime()
                : config.sessions().tokenLifetime();
        Session session =
                new Session(account.id(), account.username(), kind, account.generation(), now, now.plus(lifetime));
        String key = key(secret);
        sessions.save(key, session);
        return new IssuedSession(secret, user(account, session, key), session);
    }

    /** The user a secret authenticates as {@code kind}, if it is valid now. Expired records are removed. */
    public Optional<LoggedInUser> resolve(String secret, SessionKind kind) {
        if (!OpaqueTokens.isWellFormed(secret)) {
            return Optional.empty();
        }
        String key = key(secret);
        Optional<Session> found = sessions.find(key);
        if (found.isEmpty() || found.get().kind() != kind) {
            return Optional.empty();
        }
        Session session = found.get();
        if (!session.expires().isAfter(clock.instant())) {
            sessions.remove(key);
            return Optional.empty();
        }
        Optional<Account> account = accounts.find(session.username());
        if (account.isEmpty()
                || !account.get().id().equals(session.accountId())
                || account.get().generation() != session.generation()) {
            sessions.remove(key);
            return Optional.empty();
        }
        return Optional.of(user(account.get(), session, key));
    }

    /** Revokes one session by its store key; false if it was already gone. */
    public boolean revoke(String sessionKey) {
        return sessions.remove(sessionKey);
    }

    /** Revokes every session and token of the account; returns how many. */
    public int revokeAll(String accountId) {
        return sessions.removeAccount(accountId);
    }

    /** Removes expired sessions; returns how many. */
    public int sweep() {
        return sessions.removeExpired(clock.instant());
    }

    /** {@code username@domain}. */
    public String identity(String username) {
        return username + "@" + config.domain();
    }

    private LoggedInUser user(Account account, Session session, String key) {
        return new LoggedInUser(
                account.id(), account.username(), identity(account.username()), session.kind(), key, session.expires());
    }

    private static String key(String secret) {
        return OpaqueTokens.storeKey(secret);
    }
}
