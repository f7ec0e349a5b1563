package org.callsign.signaling.identity.service;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.callsign.server.api.ApiException;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.DomainRule;
import org.callsign.shim.identity.FingerprintContents;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sandbox.ValidationResult;
import org.callsign.shim.sdp.DtlsFingerprint;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.client.service.CredentialsRevoked;
import org.callsign.signaling.client.store.Client;
import org.callsign.signaling.federation.service.LocalServer;
import org.callsign.signaling.identity.store.BoundIdentity;
import org.callsign.signaling.identity.store.IdentityStore;
import org.jboss.logging.Logger;

/**
 * Binds identities to clients (docs/federation.md, "Identities on a signaling server"): the client asks its IdP for an
 * assertion over a challenge of this server, for this server's origin, and the server validates it in the IdP sandbox
 * as a relying party would (RFC 8827 §7.5), then applies the domain rule (§8.1).
 */
@Singleton
public class IdentityService {

    /** How long a challenge is accepted. */
    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(IdentityService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityStore store;
    private final IdpSandbox sandbox;
    private final LocalServer server;
    private final Clock clock;
    private final Map<String, IdentityChallenge> challenges = new ConcurrentHashMap<>();

    public IdentityService(IdentityStore store, IdpSandbox sandbox, LocalServer server, Clock clock) {
        this.store = store;
        this.sandbox = sandbox;
        this.server = server;
        this.clock = clock;
    }

    /** A new challenge for the client, replacing any earlier one. */
    public IdentityChallenge challenge(Client client) {
        String origin = server.origin()
                .orElseThrow(() ->
                        new ApiException(ApiError.FEDERATION_OFF, "identities need callsign.signaling.public-url"));
        sweep();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        DtlsFingerprint digest = new DtlsFingerprint(
                "sha-256", HexFormat.ofDelimiter(":").withUpperCase().formatHex(random));
        IdentityChallenge challenge = new IdentityChallenge(
                digest.digest(),
                FingerprintContents.of(List.of(digest)).json(),
                origin,
                clock.instant().plus(CHALLENGE_LIFETIME));
        challenges.put(client.uid(), challenge);
        return challenge;
    }

    /**
     * Validates the assertion through the IdP and binds its identity to the client. The challenge is spent by the
     * attempt, whatever its outcome.
     */
    public BoundIdentity bind(Client client, String idpDomain, String idpProtocol, String assertion) {
        IdentityChallenge challenge = challenges.remove(client.uid());
        if (challenge == null || !clock.instant().isBefore(challenge.expires())) {
            throw new ApiException(ApiError.CHALLENGE_INVALID, "no open challenge: POST /api/identity/challenge first");
        }
        String identity;
        IdpProxyAddress idp;
        try {
            idp = IdpProxyAddress.of(idpDomain, idpProtocol == null ? IdpProxyAddress.DEFAULT_PROTOCOL : idpProtocol);
            ValidationResult result = sandbox.validateAssertion(idp, assertion, challenge.origin());
            if (!challenge.contents().equals(result.contents())) {
                throw new ApiException(
                        ApiError.IDENTITY_REJECTED, "identity rejected: the assertion is not over this challenge");
            }
            identity = DomainRule.STRICT.check(result.identity(), idp.domain().toString());
        } catch (IdentityException e) {
            throw new ApiException(
                    ApiError.IDENTITY_REJECTED,
                    "identity rejected: " + e.error().code() + ": " + e.getMessage());
        }
        BoundIdentity binding = new BoundIdentity(
                identity, client.clientId(), client.uid(), idp.domain().toString(), idp.protocol(), clock.instant());
        if (!store.bind(binding)) {
            throw new ApiException(ApiError.IDENTITY_TAKEN, "identity names another client: " + identity);
        }
        LOG.infof("client %s bound identity %s", client.clientId(), identity);
        return binding;
    }

    /** The client's identity, if bound (and bound by this registration of the client id). */
    public Optional<BoundIdentity> of(Client client) {
        return store.byClient(client.clientId()).filter(b -> b.clientUid().equals(client.uid()));
    }

    /** The client an identity names, if any. */
    public Optional<BoundIdentity> lookup(String identity) {
        return store.byIdentity(identity);
    }

    /** Removes the client's binding. */
    public boolean unbind(Client client) {
        challenges.remove(client.uid());
        return store.unbind(client.clientId());
    }

    void onCredentialsRevoked(@Observes CredentialsRevoked revoked) {
        if (revoked.removed()) {
            store.unbind(revoked.clientId());
        }
    }

    private void sweep() {
        Instant now = clock.instant();
        challenges.values().removeIf(c -> !now.isBefore(c.expires()));
    }
}
