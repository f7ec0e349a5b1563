package org.callsign.idp.consent.service;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callsign.idp.account.store.Account;
import org.callsign.idp.account.store.AccountStore;
import org.callsign.idp.consent.store.Claim;
import org.callsign.idp.consent.store.ConsentStore;
import org.callsign.idp.consent.store.Consents;
import org.callsign.idp.consent.store.Grant;
import org.callsign.idp.session.service.LoggedInUser;

/**
 * Which relying origins may receive assertions about a user, and which profile claims they see (RFC 8827 §9.4.3:
 * the IdP asks the user before vouching to a new origin). An origin's own grant wins over "any origin", including
 * for the claims disclosed. The assertion endpoint calls {@link #allows} and {@link #disclosedClaims}.
 */
@Singleton
public class ConsentService {

    private final ConsentStore store;
    private final AccountStore accounts;
    private final Clock clock;
    private final Object writeLock = new Object();

    public ConsentService(ConsentStore store, AccountStore accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Whether assertions about {@code user} may go to {@code origin}; false for an origin that is not valid. */
    public boolean allows(LoggedInUser user, String origin) {
        Optional<String> parsed = Origins.tryParse(origin);
        if (parsed.isEmpty()) {
            return false;
        }
        Consents consents = store.find(user.accountId());
        return consents.anyOrigin() || consents.origins().containsKey(parsed.get());
    }

    /**
     * The profile claims disclosed to {@code origin}, name to value, only those the user chose and has filled in;
     * empty if the origin is not allowed at all.
     */
    public Map<String, String> disclosedClaims(LoggedInUser user, String origin) {
        Optional<String> parsed = Origins.tryParse(origin);
        if (parsed.isEmpty()) {
            return Map.of();
        }
        Consents consents = store.find(user.accountId());
        Grant grant = consents.origins().get(parsed.get());
        Set<Claim> claims =
                grant != null ? grant.claims() : consents.anyOrigin() ? consents.anyOriginClaims() : Set.of();
        Optional<Account> account =
                accounts.find(user.username()).filter(found -> found.id().equals(user.accountId()));
        Map<String, String> disclosed = new LinkedHashMap<>();
        for (Claim claim : Claim.values()) {
            if (!claims.contains(claim) || account.isEmpty()) {
                continue;
            }
            String value = claim == Claim.NAME
                    ? account.get().displayName()
                    : account.get().avatarUrl();
            if (value != null && !value.isEmpty()) {
                disclosed.put(claim.value(), value);
            }
        }
        return disclosed;
    }

    /** The user's consents. */
    public Consents list(LoggedInUser user) {
        return store.find(user.accountId());
    }

    /** Grants (or updates) consent for {@code origin}; returns the serialised origin. */
    public String grant(LoggedInUser user, String origin, Set<Claim> claims) {
        String parsed = Origins.parse(origin);
        synchronized (writeLock) {
            Consents consents = store.find(user.accountId());
            store.save(user.accountId(), consents.with(parsed, new Grant(clock.instant(), Set.copyOf(claims))));
        }
        return parsed;
    }

    /** Revokes consent for {@code origin}; false if there was none. */
    public boolean revoke(LoggedInUser user, String origin) {
        String parsed = Origins.parse(origin);
        synchronized (writeLock) {
            Consents consents = store.find(user.accountId());
            if (!consents.origins().containsKey(parsed)) {
                return false;
            }
            store.save(user.accountId(), consents.without(parsed));
            return true;
        }
    }

    /** Sets or clears "any origin" and the claims it discloses. */
    public Consents setAnyOrigin(LoggedInUser user, boolean enabled, Set<Claim> claims) {
        synchronized (writeLock) {
            Consents updated = store.find(user.accountId()).withAnyOrigin(enabled, Set.copyOf(claims));
            store.save(user.accountId(), updated);
            return updated;
        }
    }

    /** Forgets every consent of a deleted account. */
    public void deleteAll(String accountId) {
        synchronized (writeLock) {
            store.delete(accountId);
        }
    }
}
