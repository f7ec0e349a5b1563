package org.callsign.signaling.call.service;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Optional;
import java.util.function.Supplier;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.cluster.service.HeldRoute;
import org.callsign.signaling.cluster.service.NodeRequests;
import org.callsign.signaling.federation.message.CallEvent;
import org.callsign.signaling.federation.message.Invite;
import org.callsign.signaling.federation.service.FederationBodies;
import org.callsign.signaling.federation.service.LocalServer;
import org.callsign.signaling.identity.service.IdentityService;
import org.callsign.signaling.identity.store.BoundIdentity;
import org.callsign.signaling.signal.service.ClientTakeover;

/**
 * Where a request about a call is handled: on a single server, here; on a cluster, on the node that holds the call's
 * client. An invite goes to the home node of the client bound to the callee's identity; an event goes to the node that
 * recorded the call ({@link ClusterNode#hold}), unless this node holds it (asked first, so that the events of a call
 * held here cost no trip to Redis), or, if that node died, to the home of the call's client. Requests come from other
 * servers, whose signature the receiving node has checked (the other node gets the sender's origin and the checked
 * body, and runs the same code as for a request of its own), and from this server's own side of a call between two of
 * its clients, which may be at home on different nodes ({@link #inviteOwn}, {@link #eventOwn}).
 */
@Singleton
@Startup
public class CallRouter {
    static final String INVITE = "invite";
    static final String EVENT = "call-event";
    private static final String OUTGOING = "out";
    private static final String INCOMING = "in";

    private final ClusterNode cluster;
    private final NodeRequests requests;
    private final IdentityService identities;
    private final IncomingCalls incoming;
    private final CallService calls;
    private final ActiveCalls active;
    private final ClientTakeover takeover;
    private final LocalServer server;
    private final ObjectMapper mapper;

    CallRouter(
            ClusterNode cluster,
            NodeRequests requests,
            IdentityService identities,
            IncomingCalls incoming,
            CallService calls,
            ActiveCalls active,
            ClientTakeover takeover,
            LocalServer server,
            ObjectMapper mapper) {
        this.cluster = cluster;
        this.requests = requests;
        this.identities = identities;
        this.incoming = incoming;
        this.calls = calls;
        this.active = active;
        this.takeover = takeover;
        this.server = server;
        this.mapper = mapper;
        requests.serve(INVITE, this::invited);
        requests.serve(EVENT, this::evented);
        calls.routeOwnCallsWith(this);
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
        requests.ask(home.get(), INVITE, request(sender, null, address, body, null, null));
    }

    /**
     * Takes an invite of this server's own client to another of its clients, here or on the callee's home.
     *
     * @throws org.callsign.signaling.signal.service.SignalingException as {@link #invite}
     */
    void inviteOwn(Invite invite) {
        String own = server.requireOrigin();
        invite(own, invite, null, cluster.enabled() ? bytes(invite) : null);
    }

    /**
     * Applies an event of call {@code id} from the server at {@code sender}, here or on the node that holds the call;
     * if that node died, on the home of the call's client, which takes the client over first ({@link ClientTakeover}).
     * Returns {@code false} if the sender has no such call with this server.
     *
     * @throws org.callsign.signaling.signal.service.SignalingException as {@link CallService#onEvent}, or {@code
     *     node-lost} if the node asked does not answer
     */
    public boolean event(String sender, String id, CallEvent event, byte[] body) {
        return route(sender, id, event, () -> body, null);
    }

    /**
     * Applies an event of a call between two clients of this server to its other side: the caller's (outgoing) side
     * if {@code toOutgoing}, else the callee's; here or where {@link #event} would.
     *
     * @throws org.callsign.signaling.signal.service.SignalingException as {@link #event}
     */
    boolean eventOwn(boolean toOutgoing, String id, CallEvent event) {
        return cluster.enabled()
                ? route(server.requireOrigin(), id, event, () -> bytes(event), toOutgoing)
                : calls.onOwnEvent(toOutgoing, id, event);
    }

    /**
     * {@link #event}, to either side of the call ({@code toOutgoing} null) or to one; {@code body} is asked for only if
     * another node applies it.
     */
    private boolean route(String sender, String id, CallEvent event, Supplier<byte[]> body, Boolean toOutgoing) {
        if (here(sender, id, toOutgoing)) {
            return apply(sender, id, event, toOutgoing);
        }
        Optional<ClusterNode.Holding> held = toOutgoing == null
                ? holding(true, sender, id).or(() -> holding(false, sender, id))
                : holding(toOutgoing, sender, id);
        HeldRoute route = HeldRoute.of(cluster, held);
        if (!route.here()) {
            return ask(route.node(), request(sender, id, null, body.get(), route.takeOver(), toOutgoing));
        }
        if (route.takeOver() != null) {
            takeover.ensure(route.takeOver()); // its former home, which held the call, died
        }
        return apply(sender, id, event, toOutgoing);
    }

    private boolean here(String sender, String id, Boolean toOutgoing) {
        return toOutgoing == null
                ? active.find(true, sender, id).isPresent()
                        || active.find(false, sender, id).isPresent()
                : active.find(toOutgoing, sender, id).isPresent();
    }

    private Optional<ClusterNode.Holding> holding(boolean outgoing, String sender, String id) {
        return cluster.holding(ActiveCalls.CLUSTER_KIND, ActiveCall.key(outgoing, sender, id));
    }

    private boolean apply(String sender, String id, CallEvent event, Boolean toOutgoing) {
        return toOutgoing == null ? calls.onEvent(sender, id, event) : calls.onOwnEvent(toOutgoing, id, event);
    }

    private boolean ask(String node, String request) {
        return Boolean.parseBoolean(requests.ask(node, EVENT, request));
    }

    private String invited(String request) {
        JsonNode json = read(request);
        String address = json.path("address").asText(null);
        incoming.invite(
                json.path("sender").asText(),
                FederationBodies.invite(json.path("body").asText().getBytes(UTF_8)),
                address == null ? null : ActiveCall.literal(address));
        return "";
    }

    private String evented(String request) {
        JsonNode json = read(request);
        String client = json.path("client").asText(null);
        if (client != null) {
            takeover.ensure(client); // its former home, which held the call, died
        }
        String side = json.path("side").asText(null);
        boolean known = apply(
                json.path("sender").asText(),
                json.path("call").asText(),
                FederationBodies.event(json.path("body").asText().getBytes(UTF_8)),
                side == null ? null : side.equals(OUTGOING));
        return Boolean.toString(known);
    }

    private String request(
            String sender, String call, InetAddress address, byte[] body, String client, Boolean toOutgoing) {
        return mapper.createObjectNode()
                .put("sender", sender)
                .put("call", call)
                .put("address", address == null ? null : address.getHostAddress())
                .put("body", new String(body, UTF_8))
                .put("client", client)
                .put("side", toOutgoing == null ? null : toOutgoing ? OUTGOING : INCOMING)
                .toString();
    }

    private byte[] bytes(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a call request", e);
        }
    }

    private JsonNode read(String request) {
        try {
            return mapper.readTree(request);
        } catch (IOException e) {
            throw new UncheckedIOException("an unreadable request from another node", e);
        }
    }
}
