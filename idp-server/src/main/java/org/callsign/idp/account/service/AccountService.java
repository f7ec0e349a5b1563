package org.callsign.idp.account.service;

import jakarta.inject.Singleton;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.callsign.idp.account.store.Account;
import org.callsign.idp.account.store.AccountStore;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.ApiException;
import org.callsign.idp.config.IdpConfig;
import org.callsign.idp.consent.service.ConsentService;
import org.callsign.idp.session.service.LoggedInUser;
import org.callsign.idp.session.service.SessionService;
import org.callsign.idp.upstream.service.UpstreamLinks;
import org.callsign.server.secret.PasswordHasher;

/**
 * Registers accounts, checks passwords (rate-limited, constant time, unknown users included), changes passwords and
 * profiles, and deletes accounts. A password change or deletion revokes every session and token of the account; a
 * deletion also removes its consents and upstream links.
 */
@Singleton
public class AccountService {

    /** The longest display name, in characters. */
    public static final int MAX_DISPLAY_NAME = 64;

    /** The longest avatar URL. */
    public static final int MAX_AVATAR_URL = 2048;

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SessionService sessions;
    private final ConsentService consents;
    private final UpstreamLinks upstreamLinks;
    private final IdpConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AccountService(
            AccountStore accounts,
            LoginThrottle throttle,
            SessionService sessions,
            ConsentService consents,
            UpstreamLinks upstreamLinks,
            IdpConfig config,
            Clock clock) {
        this.accounts = accounts;
        try {
            this.hasher = new PasswordHasher(config.accounts().bcryptCost());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("callsign.idp.accounts.bcrypt-cost: " + e.getMessage(), e);
        }
        this.throttle = throttle;
        this.sessions = sessions;
        this.consents = consents;
        this.upstreamLinks = upstreamLinks;
        this.config = config;
        this.clock = clock;
    }

    /** Registers an account; {@code username-taken} if the normalised name exists. */
    public Account register(String username, String password, String ip) {
        throttle.request(ip);
        if (!config.accounts().registrationEnabled()) {
            throw new ApiException(ApiError.REGISTRATION_CLOSED, "registration is closed on this IdP");
        }
        String name = Usernames.normalize(username);
        String normalizedPassword = Passwords.validate("password", password);
        Account account =
                new Account(newId(), name, hasher.hash(normalizedPassword), 0, clock.instant(), null, null, null);
        if (!accounts.create(account)) {
            throw new ApiException(ApiError.USERNAME_TAKEN, "username " + name + " is taken");
        }
        return account;
    }

    /**
     * Creates the account {@code username} (already normalised) for a first login through an upstream provider whose
     * mapping rule allows it. Its password is random and never shown, so the account logs in only through upstream
     * providers. An account of that name created meanwhile is returned as it is.
     */
    public Account createForUpstream(String username) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String unusable = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Account account = new Account(newId(), username, hasher.hash(unusable), 0, clock.instant(), null, null, null);
        if (accounts.create(account)) {
            return account;
        }
        return accounts.find(username).orElseThrow(() -> new IllegalStateException("account vanished: " + username));
    }

    /**
     * The account if the password is right; {@code invalid-credentials} otherwise, the same for unknown users and
     * wrong passwords, after the same bcrypt work. Rate-limited per address and locked out per account and address.
     */
    public Account authenticate(String username, String password, String ip) {
        throttle.request(ip);
        String name = tryNormalize(username);
        throttle.checkLockout(name, ip);
        Optional<Account> account = name == null ? Optional.empty() : accounts.find(name);
        boolean ok;
        if (account.isPresent() && Passwords.plausible(password)) {
            ok = hasher.matches(Passwords.normalize(password), account.get().passwordHash());
        } else {
            ok = hasher.checkDummy(password);
        }
        if (!ok) {
            throttle.failure(name, ip);
            throw new ApiException(ApiError.INVALID_CREDENTIALS, "wrong username or password");
        }
        throttle.success(name);
        Account found = account.get();
        if (hasher.needsRehash(found.passwordHash())) {
            found = found.withRehashedPassword(hasher.hash(Passwords.normalize(password)));
            accounts.save(found);
        }
        return found;
    }

    /** The account of a logged-in user; {@code not-logged-in} if it was deleted meanwhile. */
    public Account account(LoggedInUser user) {
        return accounts.find(user.username())
                .filter(account -> account.id().equals(user.accountId()))
                .orElseThrow(() -> new ApiException(ApiError.NOT_LOGGED_IN, "account no longer exists"));
    }

    /** Changes the password after checking the current one, and revokes every session and token. */
    public void changePassword(LoggedInUser user, String currentPassword, String newPassword, String ip) {
        String normalized = Passwords.validate("newPassword", newPassword);
        Account account = authenticate(user.username(), currentPassword, ip);
        if (!account.id().equals(user.accountId())) {
            throw new ApiException(ApiError.NOT_LOGGED_IN, "account no longer exists");
        }
        accounts.save(account.withPassword(hasher.hash(normalized)));
        sessions.revokeAll(account.id());
    }

    /** Deletes the account after checking its password, with its sessions, tokens and consents. */
    public void delete(LoggedInUser user, String password, String ip) {
        Account account = authenticate(user.username(), password, ip);
        if (!account.id().equals(user.accountId())) {
            throw new ApiException(ApiError.NOT_LOGGED_IN, "account no longer exists");
        }
        // The account first: from this commit on, no session of it resolves, whatever happens next.
        accounts.delete(account.username());
        sessions.revokeAll(account.id());
        consents.deleteAll(account.id());
        upstreamLinks.removeAccount(account.id());
    }

    /**
     * Sets the optional profile: the claims {@code name} and {@code picture}, and the signaling server that WebFinger
     * names; {@code null} or empty clears one.
     */
    public Account updateProfile(LoggedInUser user, String displayName, String avatarUrl, String signalingServer) {
        String name = blankToNull(displayName);
        if (name != null
                && (name.codePointCount(0, name.length()) > MAX_DISPLAY_NAME
                        || name.codePoints().anyMatch(Character::isISOControl))) {
            throw new ApiException(
                    ApiError.INVALID_REQUEST,
                    "displayName must be at most " + MAX_DISPLAY_NAME + " characters without control characters");
        }
        String avatar = blankToNull(avatarUrl);
        if (avatar != null) {
            checkAvatarUrl(avatar);
        }
        String signaling = blankToNull(signalingServer);
        if (signaling != null) {
            signaling = SignalingServers.validate(signaling);
        }
        Account updated = account(user).withProfile(name, avatar, signaling);
        accounts.save(updated);
        return updated;
    }

    /** {@code username@domain}. */
    public String identity(Account account) {
        return sessions.identity(account.username());
    }

    private static void checkAvatarUrl(String url) {
        if (url.length() > MAX_AVATAR_URL) {
            throw new ApiException(
                    ApiError.INVALID_REQUEST, "avatarUrl is longer than " + MAX_AVATAR_URL + " characters");
        }
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw new ApiException(ApiError.INVALID_REQUEST, "avatarUrl must be an https URL without user info");
            }
        } catch (java.net.URISyntaxException e) {
            throw new ApiException(ApiError.INVALID_REQUEST, "avatarUrl is not a URL: " + e.getReason());
        }
    }

    private static String tryNormalize(String username) {
        try {
            return Usernames.normalize(username);
        } catch (ApiException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
