package org.callsign.signaling.connect.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.callsign.signaling.cluster.service.ClusterNode;
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
     * waiting up to {@code timeout}. The stage fails with the refusal the home threw, or {@code node-lost}.
     */
    public CompletionStage<String> onHome(
            String clientId, String kind, Object body, Duration timeout, Supplier<CompletionStage<String>> here) {
        String home = cluster.homeOf(clientId);
        if (home.equals(cluster.id())) {
            return here.get();
        }
        return requests.askLater(home, kind, write(body), timeout);
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
