package org.callsign.signaling.token.service;

import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.callsign.server.secret.OpaqueTokens;
import org.callsign.signaling.client.service.CredentialsRevoked;
import org.callsign.signaling.client.store.Client;
import org.callsign.signaling.client.store.ClientStore;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.token.store.Token;
import org.callsign.signaling.token.store.TokenStore;

/**
 * Issues, resolves and revokes bearer tokens (RFC 6750). A token is opaque, as idp-server's are: 256 random bits whose
 * SHA-256 keys a record in the store. Opaque rather than a JWT: revocation (one token, all of a client's, a key
 * change, the client's removal) takes effect at once without a revocation list; there is no signing key to guard or
 * algorithm to confuse; and a check costs one hash and one lookup, never bcrypt, which is what a reconnecting device
 * should cost. A token resolves before its expiry while its client exists with the same registration and key
 * generation. Revocations are announced as CDI events ({@link TokenRevoked}, {@link CredentialsRevoked}) for the
 * connections that tokens opened.
 */
@Singleton
public class TokenService {

    private final TokenStore tokens;
    private final ClientStore clients;
    private final SignalingConfig config;
    private final Clock clock;
    private final Event<TokenRevoked> revokedTokens;
    private final Event<CredentialsRevoked> revokedClients;

    public TokenService(
            TokenStore tokens,
            ClientStore clients,
            SignalingConfig config,
            Clock clock,
            Event<TokenRevoked> revokedTokens,
            Event<CredentialsRevoked> revokedClients) {
        this.tokens = tokens;
        this.clients = clients;
        this.config = config;
        this.clock = clock;
        this.revokedTokens = revokedTokens;
        this.revokedClients = revokedClients;
    }

    /** Issues a token for the client. */
    public IssuedToken issue(Client client) {
        String secret = OpaqueTokens.newSecret();
        Instant now = clock.instant();
        Token token = new Token(
                client.clientId(),
                client.uid(),
                client.keyGeneration(),
                now,
                now.plus(config.tokens().lifetime()));
        tokens.save(OpaqueTokens.storeKey(secret), token);
        return new IssuedToken(secret, token);
    }

    /** The client a secret authenticates, if it is valid now. Expired and orphaned records are removed. */
    public Optional<ResolvedToken> resolve(String secret) {
        if (!OpaqueTokens.isWellFormed(secret)) {
            return Optional.empty();
        }
        String key = OpaqueTokens.storeKey(secret);
        Optional<Token> found = tokens.find(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Token token = found.get();
        Optional<Client> client = clients.find(token.clientId());
        if (!token.expires().isAfter(clock.instant())
                || client.isEmpty()
                || !client.get().uid().equals(token.clientUid())
                || client.get().keyGeneration() != token.keyGeneration()) {
            tokens.remove(key);
            return Optional.empty();
        }
        return Optional.of(new ResolvedToken(client.get(), key, token));
    }

    /** Whether the token of store key {@code key} is still valid: not revoked (which removes it) nor expired. */
    public boolean isActive(String key) {
        return tokens.find(key)
                .map(token -> token.expires().isAfter(clock.instant()))
                .orElse(false);
    }

    /** Revokes one token by its store key; false if it was already gone. */
    public boolean revoke(String key) {
        boolean removed = tokens.remove(key);
        revokedTokens.fire(new TokenRevoked(key));
        return removed;
    }

    /** Revokes every token of the client; returns how many. */
    public int revokeAll(String clientId) {
        int removed = tokens.removeClient(clientId);
        revokedClients.fire(new CredentialsRevoked(clientId, false));
        return removed;
    }

    /** Removes expired tokens; returns how many. */
    public int sweep() {
        return tokens.removeExpired(clock.instant());
    }
}
