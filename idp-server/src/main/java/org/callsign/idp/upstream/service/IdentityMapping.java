package org.callsign.idp.upstream.service;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.callsign.idp.account.service.AccountService;
import org.callsign.idp.account.service.Usernames;
import org.callsign.idp.account.store.Account;
import org.callsign.idp.account.store.AccountStore;
import org.callsign.idp.api.ApiException;
import org.callsign.idp.config.UpstreamConfig;
import org.callsign.idp.upstream.store.UpstreamLink;
import org.callsign.idp.upstream.store.UpstreamLinkStore;

/**
 * Maps a validated upstream identity to a local account, in this order: a link a user made (to the same account id
 * that made it); a fixed link of the configuration ({@code mapping.links."<sub>"}); the e-mail rule (a verified
 * {@code email}, OpenID Connect Core 1.0 §5.1, at one of {@code mapping.email-domains} names the account of its local
 * part). A rule may name an account that does not exist yet only if {@code mapping.create-accounts} is on.
 *
 * <p>The e-mail rule makes the provider authoritative for the names of those domains: {@code alice@corp.example} logs
 * in as {@code alice} here, whoever registered {@code alice}. Configure it only for a provider that owns the domain.
 */
@Singleton
public class IdentityMapping {

    private final UpstreamLinkStore links;
    private final AccountStore accounts;
    private final AccountService accountService;

    public IdentityMapping(UpstreamLinkStore links, AccountStore accounts, AccountService accountService) {
        this.links = links;
        this.accounts = accounts;
        this.accountService = accountService;
    }

    /** The local account of the upstream identity; {@link UpstreamLoginException} if none may be used. */
    public Account resolve(DiscoveredProvider provider, IDTokenClaimsSet claims) {
        String subject = claims.getSubject().getValue();
        Optional<UpstreamLink> link = links.find(provider.name(), subject);
        if (link.isPresent()) {
            Optional<Account> linked = accounts.find(link.get().username())
                    .filter(account -> account.id().equals(link.get().accountId()));
            if (linked.isPresent()) {
                return linked.get();
            }
            links.remove(link.get());
        }
        UpstreamConfig.Mapping mapping = provider.config().mapping();
        String fixed = mapping.links().get(subject);
        if (fixed != null) {
            return existingOrCreated(mapping, username(fixed, "the configured link"));
        }
        Optional<List<String>> domains = mapping.emailDomains();
        if (domains.isPresent() && !domains.get().isEmpty()) {
            return existingOrCreated(mapping, byEmail(claims, domains.get()));
        }
        throw new UpstreamLoginException(
                UpstreamError.NOT_MAPPED, "this " + provider.name() + " identity is not linked to an account here");
    }

    private static String byEmail(IDTokenClaimsSet claims, List<String> domains) {
        String email = claims.getStringClaim("email");
        if (email == null || email.lastIndexOf('@') < 1) {
            throw new UpstreamLoginException(UpstreamError.NOT_MAPPED, "the provider sent no e-mail address");
        }
        if (!Boolean.TRUE.equals(claims.getBooleanClaim("email_verified"))) {
            throw new UpstreamLoginException(
                    UpstreamError.EMAIL_UNVERIFIED, "the provider does not say that " + email + " is verified");
        }
        int at = email.lastIndexOf('@');
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        if (domains.stream()
                .noneMatch(allowed -> allowed.toLowerCase(Locale.ROOT).equals(domain))) {
            throw new UpstreamLoginException(
                    UpstreamError.DOMAIN_NOT_ALLOWED, "addresses at " + domain + " may not log in here");
        }
        return username(email.substring(0, at), "the e-mail address's local part");
    }

    private Account existingOrCreated(UpstreamConfig.Mapping mapping, String username) {
        Optional<Account> account = accounts.find(username);
        if (account.isPresent()) {
            return account.get();
        }
        if (!mapping.createAccounts()) {
            throw new UpstreamLoginException(
                    UpstreamError.ACCOUNT_MISSING, "there is no account " + username + " here");
        }
        return accountService.createForUpstream(username);
    }

    private static String username(String name, String what) {
        try {
            return Usernames.normalize(name);
        } catch (ApiException e) {
            throw new UpstreamLoginException(UpstreamError.NOT_MAPPED, what + " is not a valid username");
        }
    }
}
