package org.callsign.signaling.discovery.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.callsign.signaling.federation.service.LocalServer;
import org.callsign.wellknown.UriRuleException;
import org.callsign.wellknown.fetch.Fetcher;
import org.callsign.wellknown.webfinger.AcctUri;
import org.callsign.wellknown.webfinger.Jrd;
import org.callsign.wellknown.webfinger.JrdLink;
import org.callsign.wellknown.webfinger.WebFingerClient;
import org.callsign.wellknown.webfinger.WebFingerException;
import org.callsign.wellknown.webfinger.WebFingerFailure;

/**
 * Finds the signaling server of an identity {@code user@domain} (docs/federation.md, "Discovery"): WebFinger at the
 * domain (RFC 7033) for the {@value #SIGNALING_SERVER_REL} link; failing that, the domain's SRV record (RFC 2782); then
 * the server's own {@code /.well-known/callsign}, which must name the same origin. This server's own origin needs no
 * document: calls between its own users stay in the process.
 */
@Singleton
public class Discovery {

    /** The WebFinger relation of a user's signaling server. */
    public static final String SIGNALING_SERVER_REL = "urn:callsign:rel:signaling-server";

    private final WebFingerClient webFinger;
    private final ServiceRecords serviceRecords;
    private final ServerDocuments documents;
    private final LocalServer server;

    public Discovery(Fetcher fetcher, ServiceRecords serviceRecords, ServerDocuments documents, LocalServer server) {
        this.webFinger = new WebFingerClient(fetcher);
        this.serviceRecords = serviceRecords;
        this.documents = documents;
        this.server = server;
    }

    /** The signaling server of {@code identity}, with its document. */
    public DiscoveredServer discover(String identity) throws DiscoveryException {
        AcctUri account;
        try {
            account = AcctUri.ofIdentity(identity);
        } catch (UriRuleException e) {
            throw new IllegalArgumentException("not an identity user@domain: " + e.getMessage());
        }
        String domain = account.host().toString();
        Optional<String> viaWebFinger;
        DiscoveryException webFingerFailure;
        try {
            viaWebFinger = linked(webFinger.lookup(account, SIGNALING_SERVER_REL), identity);
            webFingerFailure = viaWebFinger.isPresent()
                    ? null
                    : new DiscoveryException(
                            DiscoveryFailure.NO_SIGNALING_SERVER, "no signaling server is published for " + identity);
        } catch (WebFingerException e) {
            viaWebFinger = Optional.empty();
            webFingerFailure = new DiscoveryException(
                    translate(e.failure()), "WebFinger for " + identity + ": " + e.getMessage(), e);
        }
        if (viaWebFinger.isPresent()) {
            return found(identity, viaWebFinger.get(), DiscoveredServer.WEBFINGER);
        }
        Optional<String> viaDns = serviceRecords.origin(domain);
        if (viaDns.isPresent()) {
            return found(identity, viaDns.get(), DiscoveredServer.DNS_SRV);
        }
        throw webFingerFailure;
    }

    private DiscoveredServer found(String identity, String origin, String via) throws DiscoveryException {
        if (server.federationEnabled() && origin.equals(server.requireOrigin())) {
            ServerDocument own = new ServerDocument(
                    origin,
                    List.of("callsign.v1"),
                    LocalServer.websocketUrl(origin),
                    Optional.of(new ServerDocument.Federation(
                            server.federationEndpoint(), JsonNodeFactory.instance.objectNode())));
            return new DiscoveredServer(identity, origin, via, own);
        }
        return new DiscoveredServer(identity, origin, via, documents.fetch(origin));
    }

    private static Optional<String> linked(Jrd jrd, String identity) throws DiscoveryException {
        Optional<JrdLink> link = jrd.link(SIGNALING_SERVER_REL);
        if (link.isEmpty() || link.get().href() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Origins.parse(link.get().href()));
        } catch (IllegalArgumentException e) {
            throw new DiscoveryException(
                    DiscoveryFailure.BAD_DOCUMENT,
                    "WebFinger for " + identity + ": the signaling server link is " + e.getMessage());
        }
    }

    private static DiscoveryFailure translate(WebFingerFailure failure) {
        return switch (failure) {
            case NO_SUCH_RESOURCE -> DiscoveryFailure.NO_SUCH_USER;
            case UNREACHABLE -> DiscoveryFailure.SERVER_UNREACHABLE;
            case BAD_DOCUMENT -> DiscoveryFailure.BAD_DOCUMENT;
        };
    }
}
