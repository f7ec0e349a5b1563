package org.callsign.idp.upstream.service;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.callsign.idp.account.store.Account;
import org.callsign.idp.account.store.AccountStore;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.ApiException;
import org.callsign.idp.session.service.LoggedInUser;
import org.callsign.idp.upstream.store.PendingLogin;
import org.callsign.idp.upstream.store.UpstreamLink;
import org.callsign.idp.upstream.store.UpstreamLinkStore;

/**
 * Account linking: a logged-in user links an upstream identity (proved by a completed login at the provider) to their
 * account, lists and removes links. An upstream identity is linked to at most one account.
 */
@Singleton
public class UpstreamLinks {

    private final UpstreamLinkStore links;
    private final AccountStore accounts;
    private final Clock clock;

    public UpstreamLinks(UpstreamLinkStore links, AccountStore accounts, Clock clock) {
        this.links = links;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Links the identity of {@code claims} to the account that started {@code login}. */
    public Account link(DiscoveredProvider provider, IDTokenClaimsSet claims, PendingLogin login) {
        Account account = accounts.find(login.linkUsername())
                .filter(found -> found.id().equals(login.linkAccountId()))
                .orElseThrow(() -> new UpstreamLoginException(
                        UpstreamError.STATE_INVALID, "the account that started the link no longer exists"));
        String subject = claims.getSubject().getValue();
        Optional<UpstreamLink> existing = links.find(provider.name(), subject);
        if (existing.isPresent() && !existing.get().accountId().equals(account.id())) {
            throw new UpstreamLoginException(
                    UpstreamError.ALREADY_LINKED, "this " + provider.name() + " identity is linked to another account");
        }
        links.save(new UpstreamLink(
                provider.name(),
                subject,
                account.id(),
                account.username(),
                claims.getStringClaim("email"),
                clock.instant()));
        return account;
    }

    /** The user's links. */
    public List<UpstreamLink> of(LoggedInUser user) {
        return links.forAccount(user.accountId());
    }

    /** Removes one of the user's links; {@code not-found} if the user has no such link. */
    public void unlink(LoggedInUser user, String provider, String subject) {
        UpstreamLink link = (provider == null || subject == null
                        ? Optional.<UpstreamLink>empty()
                        : links.find(provider, subject))
                .filter(found -> found.accountId().equals(user.accountId()))
                .orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "no such link"));
        links.remove(link);
    }

    /** Removes every link of a deleted account. */
    public int removeAccount(String accountId) {
        return links.removeAccount(accountId);
    }
}
