package org.callsign.signaling.federation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import org.callsign.signaling.call.service.FederationLink;
import org.callsign.signaling.call.service.FederationSendException;
import org.callsign.signaling.discovery.service.DiscoveryException;
import org.callsign.signaling.discovery.service.ServerDocument;
import org.callsign.signaling.discovery.service.ServerDocuments;
import org.callsign.signaling.federation.message.CallEvent;
import org.callsign.signaling.federation.message.Invite;
import org.callsign.signaling.federation.signature.FederationJws;
import org.callsign.wellknown.fetch.FetchException;
import org.callsign.wellknown.fetch.FetchRequest;
import org.callsign.wellknown.fetch.FetchResult;
import org.callsign.wellknown.fetch.Fetcher;

/**
 * Sends signed federation requests (docs/federation.md) through the hardened fetcher: to the federation endpoint of
 * the other server's {@code /.well-known/callsign} document, each with a fresh {@code Callsign-Signature}.
 */
@Singleton
public class FederationClient implements FederationLink {

    /** The largest answer read from another server. */
    public static final long MAX_RESPONSE_BYTES = 8 * 1024;

    private final Fetcher fetcher;
    private final ServerDocuments documents;
    private final FederationSigning signing;
    private final ObjectMapper json;

    public FederationClient(Fetcher fetcher, ServerDocuments documents, FederationSigning signing, ObjectMapper json) {
        this.fetcher = fetcher;
        this.documents = documents;
        this.signing = signing;
        this.json = json;
    }

    @Override
    public void invite(String origin, Invite invite) throws FederationSendException {
        post(origin, "/invites", invite);
    }

    @Override
    public void event(String origin, String call, CallEvent event) throws FederationSendException {
        post(origin, "/calls/" + call + "/events", event);
    }

    private void post(String origin, String path, Object body) throws FederationSendException {
        ServerDocument document;
        try {
            document = documents.fetch(origin);
        } catch (DiscoveryException e) {
            throw new FederationSendException("server-unreachable", e.getMessage(), e);
        }
        if (document.federation().isEmpty()) {
            throw new FederationSendException("no-federation", origin + " does not federate", null);
        }
        URI target = URI.create(document.federation().get().endpoint() + path);
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a federation body", e);
        }
        FetchRequest request = FetchRequest.of("POST", target, bytes)
                .header("Content-Type", "application/json")
                .header(FederationJws.HEADER, signing.signer().sign("POST", target, bytes))
                .maxBytes(MAX_RESPONSE_BYTES)
                .anyStatus();
        FetchResult result;
        try {
            result = fetcher.fetch(request);
        } catch (FetchException e) {
            throw new FederationSendException("server-unreachable", target + ": " + e.getMessage(), e);
        }
        int status = result.status();
        if (status < 200 || status > 299) {
            throw new FederationSendException(
                    "federation-refused", target + " answered " + status + ": " + errorOf(result.body()), null);
        }
    }

    private String errorOf(byte[] body) {
        try {
            String error = json.readTree(body).path("error").asText("");
            return error.matches("[a-z0-9-]{1,40}") ? error : "(no error code)";
        } catch (IOException e) {
            return "(no error code)";
        }
    }
}
