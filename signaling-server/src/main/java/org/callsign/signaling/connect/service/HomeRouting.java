package org.callsign.signaling.connect.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.cluster.service.NodeDiedException;
import org.callsign.signaling.cluster.service.NodeRequests;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;

/**
 * Runs the part of an HTTP signaling request that needs a client's devices where they are: here on a single server or
 * when the client is at home here, otherwise on its home node through {@link NodeRequests}, with the request as JSON.
 */
@Singleton
public class HomeRouting {

    private final ClusterNode cluster;
    private final NodeRequests requests;
    private final ObjectMapper mapper;

    public HomeRouting(ClusterNode cluster, NodeRequests requests, ObjectMapper mapper) {
        this.cluster = cluster;
        this.requests = requests;
        this.mapper = mapper;
    }

    /**
     * {@code here} if {@code clientId} is at home on this node; else asks its home to run {@code kind} on {@code body},
     * waiting up to {@code timeout}. If the home dies meanwhile, what it ran is gone with it: the work is run once more
     * on the client's next home (which takes the client over, so that the device can answer once it has resumed there),
     * with the same timeout. The stage fails with the refusal the home threw, or {@code node-lost}.
     */
    public CompletionStage<String> onHome(
            String clientId, String kind, Object body, Duration timeout, Supplier<CompletionStage<String>> here) {
        return onHome(clientId, kind, write(body), timeout, here, true);
    }

    private CompletionStage<String> onHome(
            String clientId,
            String kind,
            String body,
            Duration timeout,
            Supplier<CompletionStage<String>> here,
            boolean again) {
        String home = cluster.homeOf(clientId);
        if (home.equals(cluster.id())) {
            return here.get();
        }
        CompletableFuture<String> asked = requests.askLater(home, kind, body, timeout);
        if (!again) {
            return asked;
        }
        return asked.exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            return cause instanceof NodeDiedException
                    ? CompletableFuture.supplyAsync(
                                    () -> onHome(clientId, kind, body, timeout, here, false), cluster.workers())
                            .thenCompose(stage -> stage)
                    : CompletableFuture.failedFuture(cause);
        });
    }

    /** {@code value} as JSON. */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + value.getClass().getSimpleName(), e);
        }
    }

    /** The {@code type} in {@code json} from another node; {@code internal-error} if it is not one. */
    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SignalingException(SignalError.INTERNAL_ERROR, "an unreadable request from another node");
        }
    }
}
