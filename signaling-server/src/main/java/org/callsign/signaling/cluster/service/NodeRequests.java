package org.callsign.signaling.cluster.service;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.callsign.server.secret.OpaqueTokens;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;
import org.jboss.logging.Logger;

/**
 * Work that one node asks another to do, and waits for: a call from another server for a client at home elsewhere. A
 * {@link Frame.Type#REQUEST} names a kind that the other node {@linkplain #serve serves}; its handler runs there on the
 * cluster's workers, and what it returns, or the {@link SignalingException} it throws, comes back as the {@link
 * Frame.Type#RESPONSE}. A node that does not answer within {@link #TIMEOUT} (dead, or the frame lost) is {@code
 * node-lost}.
 */
@Singleton
@Startup
public class NodeRequests {
    private static final Logger LOG = Logger.getLogger(NodeRequests.class);

    /** The longest wait for an answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ClusterNode node;
    private final Map<String, Function<String, String>> handlers = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

    NodeRequests(ClusterNode node) {
        this.node = node;
        if (node.enabled()) {
            node.handle(Frame.Type.REQUEST, frame -> node.workers().execute(() -> answer(frame)));
            node.handle(Frame.Type.RESPONSE, this::answered);
        }
    }

    /** Runs {@code handler} for the requests of {@code kind} that other nodes send here. */
    public void serve(String kind, Function<String, String> handler) {
        handlers.put(kind, handler);
    }

    /**
     * Has node {@code to} run {@code kind} on {@code body}, and returns what its handler returned.
     *
     * @throws SignalingException what the handler threw there; {@code node-lost} if no answer came in time
     */
    public String ask(String to, String kind, String body) {
        String id = OpaqueTokens.newSecret();
        CompletableFuture<String> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            node.send(
                    to,
                    new Frame(Frame.Type.REQUEST, node.id(), id, 0, kind + '\n' + body),
                    answer::completeExceptionally);
            return answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SignalingException refused) {
                throw new SignalingException(refused.error(), refused.getMessage());
            }
            throw new SignalingException(SignalError.NODE_LOST, "the node that holds this client cannot be reached");
        } catch (TimeoutException e) {
            throw new SignalingException(SignalError.NODE_LOST, "the node that holds this client did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignalingException(SignalError.NODE_LOST, "interrupted");
        } finally {
            pending.remove(id);
        }
    }

    /** On a worker: runs a request from another node and answers it. */
    private void answer(Frame request) {
        String payload = request.payload();
        int lineBreak = payload.indexOf('\n');
        String kind = lineBreak < 0 ? payload : payload.substring(0, lineBreak);
        Function<String, String> handler = handlers.get(kind);
        String response;
        if (handler == null || lineBreak < 0) {
            response = "error\n" + SignalError.INTERNAL_ERROR.code() + "\nno handler for " + kind;
        } else {
            try {
                response = "ok\n" + handler.apply(payload.substring(lineBreak + 1));
            } catch (SignalingException e) {
                response = "error\n" + e.error().code() + '\n' + e.getMessage();
            } catch (RuntimeException e) {
                LOG.errorf(e, "a %s request from node %s failed", kind, request.from());
                response = "error\n" + SignalError.INTERNAL_ERROR.code() + "\ninternal error";
            }
        }
        node.send(
                request.from(),
                new Frame(Frame.Type.RESPONSE, node.id(), request.link(), 0, response),
                failure -> LOG.warnf("could not answer node %s: %s", request.from(), failure.getMessage()));
    }

    /** On the bus's event loop: an answer to one of this node's requests. */
    private void answered(Frame response) {
        CompletableFuture<String> answer = pending.get(response.link());
        if (answer == null) {
            return; // timed out meanwhile
        }
        String payload = response.payload();
        if (payload.startsWith("ok\n")) {
            answer.complete(payload.substring(3));
            return;
        }
        String[] parts = payload.split("\n", 3);
        SignalError error = parts.length == 3 ? SignalError.byCode(parts[1]) : null;
        answer.completeExceptionally(new SignalingException(
                error != null ? error : SignalError.INTERNAL_ERROR, parts.length == 3 ? parts[2] : "internal error"));
    }
}
