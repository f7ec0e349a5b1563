package org.callsign.signaling.cluster.service;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.callsign.server.api.ApiException;
import org.callsign.server.secret.OpaqueTokens;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;
import org.jboss.logging.Logger;

/**
 * Work that one node asks another to do, and waits for: a call from another server for a client at home elsewhere. A
 * {@link Frame.Type#REQUEST} names a kind that the other node {@linkplain #serve serves}; its handler runs there on the
 * cluster's workers, and what it returns, or the refusal it throws ({@link RemoteFailures}), comes back as the {@link
 * Frame.Type#RESPONSE}. A node that does not answer within {@link #TIMEOUT} (dead, or the frame lost) is {@code
 * node-lost}; so is, at once, a node that the heartbeat finds dead while it is asked ({@link NodeDiedException}).
 */
@Singleton
@Startup
public class NodeRequests {
    private static final Logger LOG = Logger.getLogger(NodeRequests.class);

    /** The longest wait for an answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ClusterNode node;
    private final Map<String, Function<String, CompletionStage<String>>> handlers = new ConcurrentHashMap<>();
    private final Map<String, Asked> pending = new ConcurrentHashMap<>();

    /** A request waiting for node {@code to}'s answer. */
    private record Asked(String to, CompletableFuture<String> answer) {}

    NodeRequests(ClusterNode node) {
        this.node = node;
        if (node.enabled()) {
            node.handle(Frame.Type.REQUEST, frame -> node.workers().execute(() -> answer(frame)));
            node.handle(Frame.Type.RESPONSE, this::answered);
            node.watch(() -> pending.values().stream().map(Asked::to).toList());
            node.onNodeLost(this::died);
        }
    }

    /** Runs {@code handler} (on a worker) for the requests of {@code kind} that other nodes send here. */
    public void serve(String kind, Function<String, String> handler) {
        handlers.put(kind, body -> CompletableFuture.completedFuture(handler.apply(body)));
    }

    /**
     * Like {@link #serve}, for a handler whose answer comes later (a device's answer to an offer): it returns at once,
     * and the answer goes back when its stage completes.
     */
    public void serveLater(String kind, Function<String, CompletionStage<String>> handler) {
        handlers.put(kind, handler);
    }

    /**
     * Has node {@code to} run {@code kind} on {@code body}, and returns what its handler returned, waiting up to {@link
     * #TIMEOUT}.
     *
     * @throws SignalingException what the handler threw there; {@code node-lost} if no answer came in time
     */
    public String ask(String to, String kind, String body) {
        try {
            return askLater(to, kind, body, TIMEOUT).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException refused
                    ? refused
                    : new SignalingException(SignalError.INTERNAL_ERROR, "internal error");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignalingException(SignalError.NODE_LOST, "interrupted");
        }
    }

    /**
     * Has node {@code to} run {@code kind} on {@code body}; the stage completes with what its handler returned, or
     * fails with the {@link SignalingException} it threw there, or with {@code node-lost} if no answer came within
     * {@code timeout}. Nothing waits on a thread.
     */
    public CompletableFuture<String> askLater(String to, String kind, String body, Duration timeout) {
        String id = OpaqueTokens.newSecret();
        CompletableFuture<String> answer = new CompletableFuture<>();
        pending.put(id, new Asked(to, answer));
        node.send(
                to,
                new Frame(Frame.Type.REQUEST, node.id(), id, 0, kind + '\n' + body),
                failure -> answer.completeExceptionally(new SignalingException(
                        SignalError.NODE_LOST, "the node that holds this client cannot be reached")));
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((result, failure) -> {
            pending.remove(id);
            if (failure == null) {
                return result;
            }
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            throw new CompletionException(
                    cause instanceof SignalingException || cause instanceof ApiException
                            ? cause
                            : new SignalingException(
                                    SignalError.NODE_LOST, "the node that holds this client did not answer"));
        });
    }

    /** On a worker: runs a request from another node, and answers it when its handler's stage completes. */
    private void answer(Frame request) {
        String payload = request.payload();
        int lineBreak = payload.indexOf('\n');
        String kind = lineBreak < 0 ? payload : payload.substring(0, lineBreak);
        Function<String, CompletionStage<String>> handler = handlers.get(kind);
        if (handler == null || lineBreak < 0) {
            LOG.warnf("node %s asked for %s, which this node does not serve", request.from(), kind);
            respond(request, "error\n" + RemoteFailures.encode(new IllegalStateException()));
            return;
        }
        CompletionStage<String> result;
        try {
            result = handler.apply(payload.substring(lineBreak + 1));
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((value, failure) -> {
            if (failure == null) {
                respond(request, "ok\n" + value);
                return;
            }
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (!(cause instanceof SignalingException) && !(cause instanceof ApiException)) {
                LOG.errorf(cause, "a %s request from node %s failed", kind, request.from());
            }
            respond(request, "error\n" + RemoteFailures.encode(cause));
        });
    }

    private void respond(Frame request, String response) {
        node.send(
                request.from(),
                new Frame(Frame.Type.RESPONSE, node.id(), request.link(), 0, response),
                failure -> LOG.warnf("could not answer node %s: %s", request.from(), failure.getMessage()));
    }

    /** Fails what node {@code dead} was asked and has not answered. */
    private void died(String dead) {
        for (Asked asked : pending.values()) {
            if (asked.to().equals(dead)) {
                asked.answer().completeExceptionally(new NodeDiedException());
            }
        }
    }

    /** On the bus's event loop: an answer to one of this node's requests. */
    private void answered(Frame response) {
        Asked asked = pending.get(response.link());
        if (asked == null) {
            return; // timed out meanwhile
        }
        CompletableFuture<String> answer = asked.answer();
        String payload = response.payload();
        if (payload.startsWith("ok\n")) {
            answer.complete(payload.substring(3));
            return;
        }
        answer.completeExceptionally(
                RemoteFailures.decode(payload.startsWith("error\n") ? payload.substring(6) : payload));
    }
}
