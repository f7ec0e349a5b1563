package org.callsign.signaling.client.service;

import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.callsign.server.api.ApiException;
import org.callsign.server.secret.PasswordHasher;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.api.ClientAddress;
import org.callsign.signaling.api.RateLimitedException;
import org.callsign.signaling.auth.service.CredentialThrottle;
import org.callsign.signaling.client.store.Client;
import org.callsign.signaling.client.store.ClientStore;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.device.store.DeviceStore;
import org.callsign.signaling.token.store.TokenStore;
import org.jboss.logging.Logger;

/**
 * Registers, authenticates and removes clients (rtcd's registration and Basic auth, hardened). Keys are bcrypt-hashed
 * with server-kit's {@link PasswordHasher}; every check runs through the {@link CredentialThrottle}; an unknown id is
 * checked against a dummy hash, so the answer and its timing are those of a wrong key.
 *
 * <p>Owners: the first client of an empty server becomes the owner if it registers from a loopback address or with the
 * admin secret (the person who installed the server: the bootstrap); the admin secret and owners may register further
 * owners. Owners may register clients while registration is closed, manage the authorised fingerprints, and list and
 * remove clients.
 */
@Singleton
public class ClientService {

    private static final Logger LOG = Logger.getLogger(ClientService.class);

    private final ClientStore clients;
    private final DeviceStore devices;
    private final TokenStore tokens;
    private final CredentialThrottle throttle;
    private final PasswordHasher hasher;
    private final SignalingConfig config;
    private final Clock clock;
    private final Event<CredentialsRevoked> revocations;
    private final SecureRandom random = new SecureRandom();
    private final Object registration = new Object();

    public ClientService(
            ClientStore clients,
            DeviceStore devices,
            TokenStore tokens,
            CredentialThrottle throttle,
            SignalingConfig config,
            Clock clock,
            Event<CredentialsRevoked> revocations) {
        this.clients = clients;
        this.devices = devices;
        this.tokens = tokens;
        this.throttle = throttle;
        this.hasher = new PasswordHasher(config.clients().bcryptCost());
        this.config = config;
        this.clock = clock;
        this.revocations = revocations;
    }

    /** Registers a client; see the class comment for who may, and who becomes an owner. */
    public Client register(
            String clientId, String authKey, boolean wantsOwner, Registrar registrar, ClientAddress address) {
        String id = ClientIds.validate(clientId);
        String key = AuthKeys.validate("authKey", authKey);
        boolean open = config.registration().open();
        // Cheap checks before the costly hash; repeated under the lock, where the store may have changed.
        admit(open, wantsOwner, registrar, clients.isEmpty() && (address.isLoopback() || registrar == Registrar.ADMIN));
        String hash = throttle.hashKey(address, () -> hasher.hash(key));
        synchronized (registration) {
            boolean bootstrap = clients.isEmpty() && (address.isLoopback() || registrar == Registrar.ADMIN);
            admit(open, wantsOwner, registrar, bootstrap);
            Client client = new Client(id, newUid(), hash, 0, wantsOwner || bootstrap, clock.instant());
            if (!clients.create(client)) {
                throw new ApiException(ApiError.CLIENT_ID_TAKEN, "clientID " + id + " is taken");
            }
            LOG.infof("registered client %s%s", id, client.owner() ? " (owner)" : "");
            return client;
        }
    }

    /**
     * The client if the key is right; {@code invalid-credentials} otherwise, the same for unknown ids and wrong keys,
     * after the same bcrypt work; 429 when a limit is reached.
     */
    public Client authenticate(String clientId, String authKey, ClientAddress address) {
        String id = ClientIds.isValid(clientId) ? clientId : null;
        Optional<Client> found = id == null ? Optional.empty() : clients.find(id);
        boolean ok = throttle.checkKey(
                id,
                address,
                () -> found.isPresent() && AuthKeys.plausible(authKey)
                        ? hasher.matches(authKey, found.get().keyHash())
                        : hasher.checkDummy(authKey));
        if (!ok) {
            throw new ApiException(ApiError.INVALID_CREDENTIALS, "wrong client id or key");
        }
        Client client = found.get();
        if (hasher.needsRehash(client.keyHash())) {
            client = rehash(client, authKey, address);
        }
        return client;
    }

    /** The client of an id. */
    public Optional<Client> find(String clientId) {
        return ClientIds.isValid(clientId) ? clients.find(clientId) : Optional.empty();
    }

    /** Every client, for an owner. */
    public List<Client> list(Client actor) {
        requireOwner(actor, "list clients");
        return clients.list();
    }

    /** The client {@code clientId}, if {@code actor} is that client or an owner; {@code not-found} otherwise. */
    public Client visible(Client actor, String clientId) {
        if (actor.clientId().equals(clientId)) {
            return actor;
        }
        requireOwner(actor, "see other clients");
        return find(clientId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "no such client"));
    }

    /** Removes a client with its devices and tokens: itself, or any client for an owner. */
    public void delete(Client actor, String clientId) {
        Client target = visible(actor, clientId);
        // The client first: from this commit on, none of its tokens resolves, whatever happens next.
        clients.delete(target.clientId());
        devices.removeClient(target.clientId());
        tokens.removeClient(target.clientId());
        revocations.fire(new CredentialsRevoked(target.clientId(), true));
        LOG.infof("removed client %s", target.clientId());
    }

    /** Replaces the client's own key; every token of the client stops working. */
    public Client changeKey(Client actor, String clientId, String newKey, ClientAddress address) {
        if (!actor.clientId().equals(clientId)) {
            throw new ApiException(ApiError.NOT_ALLOWED, "a client can change only its own key");
        }
        String key = AuthKeys.validate("authKey", newKey);
        Client changed = actor.withKey(throttle.hashKey(address, () -> hasher.hash(key)));
        if (!clients.replace(changed)) {
            throw new ApiException(ApiError.NOT_FOUND, "no such client");
        }
        tokens.removeClient(clientId);
        revocations.fire(new CredentialsRevoked(clientId, false));
        return changed;
    }

    private static void admit(boolean open, boolean wantsOwner, Registrar registrar, boolean bootstrap) {
        if (bootstrap || registrar.privileged()) {
            return;
        }
        if (!open) {
            throw new ApiException(
                    ApiError.REGISTRATION_CLOSED,
                    "registration is closed: register with the admin secret or as an owner");
        }
        if (wantsOwner) {
            throw new ApiException(ApiError.NOT_ALLOWED, "only the admin secret or an owner can register an owner");
        }
    }

    /** {@code not-allowed} unless the client is an owner. */
    public static void requireOwner(Client actor, String action) {
        if (!actor.owner()) {
            throw new ApiException(ApiError.NOT_ALLOWED, "only an owner can " + action);
        }
    }

    private Client rehash(Client client, String authKey, ClientAddress address) {
        try {
            Client rehashed = client.withRehashedKey(throttle.hashKey(address, () -> hasher.hash(authKey)));
            return clients.replace(rehashed) ? rehashed : client;
        } catch (RateLimitedException e) {
            // The budget is spent: upgrade the hash at a later check.
            return client;
        }
    }

    private String newUid() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
