package org.callsign.signaling.call.service;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.cluster.service.NodeRequests;
import org.callsign.signaling.federation.message.CallEvent;
import org.callsign.signaling.federation.message.Invite;
import org.callsign.signaling.federation.service.FederationBodies;
import org.callsign.signaling.identity.service.IdentityService;
import org.callsign.signaling.identity.store.BoundIdentity;

/**
 * Where a request from another server about a call is handled: on a single server, here; on a cluster, on the node
 * that holds the call's client. An invite goes to the home node of the client bound to the callee's identity; an event
 * goes to the node that recorded the call ({@link ClusterNode#hold}), unless this node holds it (asked first, so that
 * the events of a call held here cost no trip to Redis). The receiving node has checked the request's
 * signature; the other node gets the sender's origin and the checked body, and runs the same code as for a request of
 * its own.
 */
@Singleton
@Startup
public class CallRouter {
    static final String INVITE = "invite";
    static final String EVENT = "call-event";

    private final ClusterNode cluster;
    private final NodeRequests requests;
    private final IdentityService identities;
    private final IncomingCalls incoming;
    private final CallService calls;
    private final ActiveCalls active;
    private final ObjectMapper mapper;

    CallRouter(
            ClusterNode cluster,
            NodeRequests requests,
            IdentityService identities,
            IncomingCalls incoming,
            CallService calls,
            ActiveCalls active,
            ObjectMapper mapper) {
        this.cluster = cluster;
        this.requests = requests;
        this.identities = identities;
        this.incoming = incoming;
        this.calls = calls;
        this.active = active;
        this.mapper = mapper;
        requests.serve(INVITE, this::invited);
        requests.serve(EVENT, this::evented);
    }

    /**
     * Takes an invite from the server at {@code sender} (sent from {@code address}), here or on the callee's home.
     *
     * @throws org.callsign.signaling.signal.service.SignalingException as {@link IncomingCalls#invite}, or {@code
     *     node-lost} if the home node does not answer
     */
    public void invite(String sender, Invite invite, InetAddress address, byte[] body) {
        Optional<String> home = Optional.empty();
        if (cluster.enabled()) {
            home = identities
                    .lookup(invite.to())
                    .map(BoundIdentity::clientId)
                    .map(cluster::homeOf)
                    .filter(node -> !node.equals(cluster.id()));
        }
        if (home.isEmpty()) {
            incoming.invite(sender, invite, address);
            return;
        }
        requests.ask(home.get(), INVITE, request(sender, null, address, body));
    }

    /**
     * Applies an event of call {@code id} from the server at {@code sender}, here or on the node that holds the call.
     * Returns {@code false} if the sender has no such call with this server.
     *
     * @throws org.callsign.signaling.signal.service.SignalingException as {@link CallService#onEvent}, or {@code
     *     node-lost} if the holding node does not answer
     */
    public boolean event(String sender, String id, CallEvent event, byte[] body) {
        boolean here = active.find(true, sender, id).isPresent()
                || active.find(false, sender, id).isPresent();
        Optional<String> holder = here
                ? Optional.empty()
                : cluster.holder(ActiveCalls.CLUSTER_KIND, ActiveCall.key(true, sender, id))
                        .or(() -> cluster.holder(ActiveCalls.CLUSTER_KIND, ActiveCall.key(false, sender, id)));
        if (holder.isEmpty()) {
            return calls.onEvent(sender, id, event);
        }
        return Boolean.parseBoolean(requests.ask(holder.get(), EVENT, request(sender, id, null, body)));
    }

    private String invited(String request) {
        JsonNode json = read(request);
        String address = json.path("address").asText(null);
        incoming.invite(
                json.path("sender").asText(),
                FederationBodies.invite(json.path("body").asText().getBytes(UTF_8)),
                address == null ? null : literal(address));
        return "";
    }

    private String evented(String request) {
        JsonNode json = read(request);
        boolean known = calls.onEvent(
                json.path("sender").asText(),
                json.path("call").asText(),
                FederationBodies.event(json.path("body").asText().getBytes(UTF_8)));
        return Boolean.toString(known);
    }

    private String request(String sender, String call, InetAddress address, byte[] body) {
        return mapper.createObjectNode()
                .put("sender", sender)
                .put("call", call)
                .put("address", address == null ? null : address.getHostAddress())
                .put("body", new String(body, UTF_8))
                .toString();
    }

    private JsonNode read(String request) {
        try {
            return mapper.readTree(request);
        } catch (IOException e) {
            throw new UncheckedIOException("an unreadable request from another node", e);
        }
    }

    /** An address as {@link InetAddress#getHostAddress()} wrote it: parsed, never looked up. */
    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + address, e);
        }
    }
}
