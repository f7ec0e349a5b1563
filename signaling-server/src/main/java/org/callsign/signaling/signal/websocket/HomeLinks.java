package org.callsign.signaling.signal.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.cluster.service.Frame;
import org.callsign.signaling.cluster.service.SerialExecutor;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.service.SignalError;
import org.jboss.logging.Logger;

/**
 * The home node's side of the links that other nodes forward: for each device connection that an edge node holds for
 * a client at home here, a {@link RemoteOutbox} and the frames from the edge handed to {@link ConnectionHandler} in
 * order, exactly as a local connection's callbacks would be. A link ends, and its device's line waits for it to resume,
 * when its frames arrive out of sequence, the edge node dies, frames may have been lost, or this node was fenced; and
 * when its frames arrive faster than this node handles them: the frames waiting on one link may weigh at most the
 * configured {@code websocket.max-queued-bytes} (a frame weighs its length plus {@value #FRAME_WEIGHT}), past which the
 * edge closes the device's connection as {@code too-slow}. What was not handled was not acknowledged either: the device
 * sends it again once it has resumed.
 */
@Singleton
@Startup
class HomeLinks {
    private static final Logger LOG = Logger.getLogger(HomeLinks.class);

    /** What a frame weighs besides its payload's characters, for the bound on what waits on a link. */
    static final int FRAME_WEIGHT = 100;

    private final ClusterNode node;
    private final ConnectionEvents handler;
    private final long maxWaitingWeight;
    private final ObjectMapper mapper;
    private final ObjectWriter writer;
    private final ConcurrentHashMap<String, Link> links = new ConcurrentHashMap<>();

    @Inject
    HomeLinks(
            ClusterNode node,
            ConnectionHandler handler,
            SignalConnections connections,
            ObjectMapper mapper,
            SignalingConfig config) {
        this(
                node,
                handler,
                () -> connections.closeAll(SignalError.NODE_LOST, "the server node lost its cluster"),
                mapper,
                config.websocket().maxQueuedBytes());
    }

    /** {@code closeLocal}: closes this node's own connections, once it was fenced. */
    HomeLinks(
            ClusterNode node,
            ConnectionEvents handler,
            Runnable closeLocal,
            ObjectMapper mapper,
            long maxWaitingWeight) {
        this.node = node;
        this.handler = handler;
        this.mapper = mapper;
        this.writer = mapper.writerFor(ServerMessage.class);
        this.maxWaitingWeight = maxWaitingWeight;
        if (!node.enabled()) {
            return;
        }
        node.handle(Frame.Type.OPEN, this::received);
        node.handle(Frame.Type.TEXT, this::received);
        node.handle(Frame.Type.BINARY, this::received);
        node.handle(Frame.Type.ALIVE, this::received);
        node.handle(Frame.Type.CLOSED, this::received);
        node.onNodeLost(edge -> List.copyOf(links.values()).stream()
                .filter(link -> link.edge.equals(edge))
                .forEach(link -> end(link, "its node is gone")));
        node.onLinksLost(() -> List.copyOf(links.values()).forEach(link -> lose(link)));
        node.onFenced(() -> {
            List.copyOf(links.values()).forEach(link -> lose(link));
            node.workers().execute(closeLocal);
        });
        node.watch(() -> links.values().stream().map(link -> link.edge).toList());
    }

    /** Number of links forwarded here. */
    int size() {
        return links.size();
    }

    /** On the bus's event loop: a frame from an edge, queued on its link. */
    private void received(Frame frame) {
        if (frame.type() == Frame.Type.OPEN) {
            Link link = new Link(frame.link(), frame.from(), new SerialExecutor(node.workers(), maxWaitingWeight));
            if (links.putIfAbsent(link.id, link) != null) {
                return; // a repeated open
            }
            link.outbox = new RemoteOutbox(node, link.edge, link.id, writer, failure -> {
                LOG.warnf("could not send to node %s: %s", link.edge, failure.getMessage());
                end(link, "cannot reach it");
            });
            link.tasks.execute(() -> open(link, frame));
            return;
        }
        Link link = links.get(frame.link());
        if (link == null) {
            if (frame.type() != Frame.Type.CLOSED) {
                // The link ended here; tell the edge, which may not know yet.
                node.send(frame.from(), closeFrame(frame.link()), failure -> {});
            }
            return;
        }
        if (!link.tasks.offer(
                () -> handle(link, frame), FRAME_WEIGHT + (long) frame.payload().length())) {
            LOG.warnf(
                    "frames of a forwarded connection from node %s arrive faster than they are handled: ending it",
                    link.edge);
            fellBehind(link);
        }
    }

    private void open(Link link, Frame frame) {
        link.expected = 2;
        Admission admission;
        try {
            JsonNode json = mapper.readTree(frame.payload());
            admission = new Admission(
                    json.path("client").asText(),
                    json.path("token").asText(),
                    json.path("device").asText(),
                    json.path("resume").isTextual() ? json.path("resume").asText() : null);
        } catch (IOException e) {
            LOG.warnf("ignored a forwarded connection with an unreadable admission from node %s", link.edge);
            end(link, "its admission was unreadable");
            return;
        }
        handler.open(link.id, admission, link.outbox);
    }

    private void handle(Link link, Frame frame) {
        if (!links.containsKey(link.id)) {
            return; // ended meanwhile
        }
        if (frame.seq() != link.expected) {
            LOG.warnf("frames of a forwarded connection from node %s were lost: ending it", link.edge);
            lose(link);
            return;
        }
        link.expected++;
        switch (frame.type()) {
            case TEXT -> handler.text(link.id, frame.payload());
            case BINARY -> handler.binary(link.id);
            case ALIVE -> handler.alive(link.id);
            case CLOSED -> {
                links.remove(link.id, link);
                handler.closed(link.id);
            }
            default -> LOG.debugf("ignored a %s frame on a link", frame.type());
        }
    }

    /** Frames may be missing: the edge closes the device's connection (the device resumes), and the link ends. */
    private void lose(Link link) {
        RemoteOutbox outbox = link.outbox;
        if (outbox != null) {
            outbox.close(SignalError.NODE_LOST, "signaling between server nodes was interrupted: reconnect");
        }
        end(link, "frames may have been lost");
    }

    /** This node fell behind the link's frames: the edge closes the device's connection, which resumes. */
    private void fellBehind(Link link) {
        RemoteOutbox outbox = link.outbox;
        if (outbox != null) {
            outbox.close(SignalError.TOO_SLOW, "the server node that holds this connection fell behind: reconnect");
        }
        end(link, "its frames arrived faster than they were handled");
    }

    /** The link ends here: its connection is closed for the device's line, which waits for the device to resume. */
    private void end(Link link, String why) {
        if (links.remove(link.id, link)) {
            LOG.debugf("forwarded connection %s ended: %s", link.id, why);
            link.tasks.execute(() -> handler.closed(link.id));
        }
    }

    private Frame closeFrame(String link) {
        return new Frame(
                Frame.Type.CLOSE,
                node.id(),
                link,
                0,
                SignalError.NODE_LOST.code() + "\nthe server node no longer holds this connection: reconnect");
    }

    /** One forwarded connection. */
    private static final class Link {
        final String id;
        final String edge;
        final SerialExecutor tasks;
        volatile RemoteOutbox outbox;
        long expected = 1; // touched only by tasks

        Link(String id, String edge, SerialExecutor tasks) {
            this.id = id;
            this.edge = edge;
            this.tasks = tasks;
        }
    }
}
