package org.callsign.idp.upstream.service;

import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import org.callsign.idp.account.store.Account;
import org.callsign.idp.config.IdpConfig;
import org.callsign.idp.session.service.LoggedInUser;
import org.callsign.idp.upstream.store.PendingLogin;
import org.callsign.idp.upstream.store.PendingLoginStore;
import org.callsign.server.secret.OpaqueTokens;

/**
 * Upstream login with the authorization code flow (OpenID Connect Core 1.0 §3.1): {@link #start} builds the
 * authentication request with a fresh {@code state} (RFC 6749 §10.12), {@code nonce} (§3.1.2.1) and PKCE {@code S256}
 * challenge (RFC 7636 §4.2), and binds it to the browser with a cookie secret; {@link #finish} takes the callback,
 * checks {@code state} (once), the binding and the {@code iss} parameter (RFC 9207), redeems the code, validates the ID
 * token and maps it to a local account, or links it to the account that started a link.
 */
@Singleton
public class UpstreamLoginService {

    private final UpstreamProviders providers;
    private final PendingLoginStore pending;
    private final TokenExchange exchange;
    private final IdTokenCheck idTokens;
    private final IdentityMapping mapping;
    private final UpstreamLinks links;
    private final IdpConfig config;
    private final Clock clock;

    public UpstreamLoginService(
            UpstreamProviders providers,
            PendingLoginStore pending,
            TokenExchange exchange,
            IdTokenCheck idTokens,
            IdentityMapping mapping,
            UpstreamLinks links,
            IdpConfig config,
            Clock clock) {
        this.providers = providers;
        this.pending = pending;
        this.exchange = exchange;
        this.idTokens = idTokens;
        this.mapping = mapping;
        this.links = links;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Starts a login through {@code providerName}, continuing at the login page with {@code origin} and {@code next}
     * (both already checked, or {@code null}); with {@code linkFor}, a link of the upstream identity to that user.
     */
    public StartedLogin start(String providerName, String origin, String next, LoggedInUser linkFor) {
        DiscoveredProvider provider = providers.discover(providerName);
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        String binding = OpaqueTokens.newSecret();
        Instant now = clock.instant();
        PendingLogin login = new PendingLogin(
                provider.name(),
                nonce.getValue(),
                verifier.getValue(),
                OpaqueTokens.storeKey(binding),
                origin,
                next,
                linkFor == null ? null : linkFor.accountId(),
                linkFor == null ? null : linkFor.username(),
                now.plus(config.upstream().loginTimeout()));
        if (!pending.put(state.getValue(), login, now)) {
            throw new UpstreamLoginException(
                    UpstreamError.TOO_MANY_PENDING, "too many logins are in progress; try again later");
        }
        Scope scope = Scope.parse(provider.config().scopes());
        scope.add("openid");
        AuthenticationRequest request = new AuthenticationRequest.Builder(
                        new ResponseType(ResponseType.Value.CODE),
                        scope,
                        provider.clientId(),
                        providers.redirectUri(provider.name()))
                .endpointURI(provider.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        return new StartedLogin(request.toURI(), binding);
    }

    /** Completes the login or link of the callback to {@code providerName}. */
    public UpstreamOutcome finish(String providerName, UpstreamCallback callback) {
        PendingLogin login = pending.take(callback.state(), clock.instant())
                .orElseThrow(() -> stateInvalid("state is unknown, used or expired"));
        if (!login.provider().equals(providerName)) {
            throw stateInvalid("state belongs to another provider");
        }
        if (callback.bindingSecret() == null
                || !MessageDigest.isEqual(
                        OpaqueTokens.storeKey(callback.bindingSecret()).getBytes(StandardCharsets.US_ASCII),
                        login.bindingHash().getBytes(StandardCharsets.US_ASCII))) {
            throw stateInvalid("the login was not started in this browser");
        }
        if (callback.error() != null) {
            throw new UpstreamLoginException(
                    UpstreamError.AUTHORIZATION_DENIED, "the provider answered " + printable(callback.error()));
        }
        DiscoveredProvider provider = providers.discover(providerName);
        String issuer = provider.metadata().getIssuer().getValue();
        if (callback.issuer() != null && !callback.issuer().equals(issuer)) {
            throw new UpstreamLoginException(
                    UpstreamError.ISSUER_MISMATCH, "the response names issuer " + printable(callback.issuer()));
        }
        if (callback.code() == null || callback.code().isEmpty()) {
            throw new UpstreamLoginException(UpstreamError.CODE_REJECTED, "the response has no code");
        }
        IDTokenClaimsSet claims = idTokens.validate(
                provider,
                exchange.redeem(
                        provider,
                        callback.code(),
                        new CodeVerifier(login.codeVerifier()),
                        providers.redirectUri(providerName)),
                new Nonce(login.nonce()));
        Account account = login.isLink() ? links.link(provider, claims, login) : mapping.resolve(provider, claims);
        return new UpstreamOutcome(account, login);
    }

    private static UpstreamLoginException stateInvalid(String message) {
        return new UpstreamLoginException(UpstreamError.STATE_INVALID, message);
    }

    private static String printable(String value) {
        String cut = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        return cut.replaceAll("[^\\x20-\\x7e…]", "?");
    }
}
