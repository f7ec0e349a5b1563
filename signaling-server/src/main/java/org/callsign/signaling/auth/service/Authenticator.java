package org.callsign.signaling.auth.service;

import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.api.ClientAddress;
import org.callsign.signaling.client.service.ClientService;
import org.callsign.signaling.token.service.ResolvedToken;
import org.callsign.signaling.token.service.TokenService;

/**
 * Authenticates an {@code Authorization} header: {@code Basic} with the client id and key (RFC 7617), or
 * {@code Bearer} with a token (RFC 6750 §2.1). Wrong credentials are never taken for none: they are a 401
 * ({@code invalid-credentials}, {@code invalid-token}) or, past a limit, a 429.
 */
@Singleton
public class Authenticator {

    private static final String BASIC = "basic ";
    private static final String BEARER = "bearer ";

    private final ClientService clients;
    private final TokenService tokens;
    private final CredentialThrottle throttle;

    public Authenticator(ClientService clients, TokenService tokens, CredentialThrottle throttle) {
        this.clients = clients;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    /** The client of the header, or empty without a header. */
    public Optional<AuthenticatedClient> authenticate(String authorization, ClientAddress address) {
        if (authorization == null) {
            return Optional.empty();
        }
        String scheme = authorization.toLowerCase(Locale.ROOT);
        if (scheme.startsWith(BASIC)) {
            BasicCredentials credentials;
            try {
                credentials = BasicCredentials.decode(authorization.substring(BASIC.length()));
            } catch (IllegalArgumentException e) {
                throw new ApiException(ApiError.INVALID_CREDENTIALS, e.getMessage());
            }
            return Optional.of(new AuthenticatedClient(
                    clients.authenticate(credentials.clientId(), credentials.authKey(), address),
                    AuthenticatedClient.Method.BASIC,
                    null,
                    null));
        }
        if (scheme.startsWith(BEARER)) {
            return Optional.of(bearer(authorization.substring(BEARER.length()).strip(), address));
        }
        throw new ApiException(ApiError.NOT_AUTHENTICATED, "unsupported authorization scheme: use Basic or Bearer");
    }

    /** The client of a bearer token; {@code invalid-token} if it is not valid now. */
    public AuthenticatedClient bearer(String token, ClientAddress address) {
        throttle.admitTokenCheck(address);
        ResolvedToken resolved = tokens.resolve(token)
                .orElseThrow(
                        () -> new ApiException(ApiError.INVALID_TOKEN, "bearer token is invalid, expired or revoked"));
        return new AuthenticatedClient(
                resolved.client(),
                AuthenticatedClient.Method.BEARER,
                resolved.key(),
                resolved.token().expires());
    }
}
