package org.callsign.signaling.federation.service;

import com.nimbusds.jose.jwk.JWKSet;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.discovery.service.DiscoveryException;
import org.callsign.signaling.discovery.service.ServerDocument;
import org.callsign.signaling.discovery.service.ServerDocuments;
import org.callsign.signaling.federation.signature.FederationAuthException;
import org.callsign.signaling.federation.signature.FederationAuthFailure;
import org.callsign.signaling.federation.signature.FederationKeys;
import org.callsign.signaling.federation.signature.RequestSigner;
import org.callsign.signaling.federation.signature.RequestVerifier;
import org.jboss.logging.Logger;

/**
 * This server's federation keys, loaded (or made) at start when federation is on, with the signer of outgoing and the
 * verifier of incoming federation requests; the verifier learns senders' keys from their server documents and
 * remembers requests in {@link ClusterNode#replayCache} (shared by the nodes of a cluster, so that a request is
 * accepted once whichever nodes it is sent to).
 */
@Singleton
@Startup
public class FederationSigning {

    /**
     * Senders' documents fetched at once. A document that is not cached costs a request to the claimed sender, which
     * may take the whole federation timeout; anyone can claim any sender, so the number of such waits is bounded for
     * the server as a whole, past the per-sender rate limit.
     */
    public static final int MAX_CONCURRENT_SENDER_FETCHES = 8;

    private static final Logger LOG = Logger.getLogger(FederationSigning.class);

    private final Semaphore senderFetches = new Semaphore(MAX_CONCURRENT_SENDER_FETCHES);

    private final Optional<FederationKeys> keys;
    private final RequestSigner signer;
    private final RequestVerifier verifier;

    public FederationSigning(
            SignalingConfig config, LocalServer server, ServerDocuments documents, ClusterNode cluster, Clock clock) {
        if (!server.federationEnabled()) {
            keys = Optional.empty();
            signer = null;
            verifier = null;
            LOG.info("federation is off (no callsign.signaling.public-url, or federation.enabled=false)");
            return;
        }
        try {
            keys = Optional.of(FederationKeys.loadOrCreate(config.federationKeyFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("federation key " + config.federationKeyFile() + ": " + e.getMessage(), e);
        }
        signer = new RequestSigner(server.requireOrigin(), keys.get(), clock);
        verifier = new RequestVerifier(
                server.requireOrigin(),
                origin -> senderKeys(documents, origin, senderFetches),
                cluster.replayCache(clock),
                clock);
        LOG.infof(
                "federation on as %s, key %s",
                server.requireOrigin(), keys.get().kid());
    }

    /** The keys, when federation is on. */
    public Optional<FederationKeys> keys() {
        return keys;
    }

    /** Signs outgoing requests; federation must be on. */
    public RequestSigner signer() {
        return signer;
    }

    /** Verifies incoming requests; federation must be on. */
    public RequestVerifier verifier() {
        return verifier;
    }

    /** The federation keys in the document of {@code origin}, fetched with one of {@code fetches}' permits. */
    static JWKSet senderKeys(ServerDocuments documents, String origin, Semaphore fetches)
            throws FederationAuthException {
        if (!fetches.tryAcquire()) {
            throw new FederationAuthException(
                    FederationAuthFailure.SENDERS_BUSY, "too many senders' documents are being fetched; retry shortly");
        }
        ServerDocument document;
        try {
            document = documents.fetch(origin);
        } catch (DiscoveryException e) {
            throw new FederationAuthException(FederationAuthFailure.SENDER_UNKNOWN, e.getMessage(), e);
        } finally {
            fetches.release();
        }
        if (document.federation().isEmpty()) {
            throw new FederationAuthException(
                    FederationAuthFailure.SENDER_UNKNOWN, "the sender's document publishes no federation keys");
        }
        try {
            return JWKSet.parse(document.federation().get().keys().toString());
        } catch (ParseException e) {
            throw new FederationAuthException(
                    FederationAuthFailure.SENDER_UNKNOWN, "the sender's federation keys are not a JWK set", e);
        }
    }
}
